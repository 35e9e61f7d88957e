// Every public page on a phone (DESIGN.md budgets: 390 px and 320 px): the page never scrolls
// sideways, and no heading, link, label or table cell is squeezed narrower than four characters
// of its own text (a word broken one character per line), with axe-core and the page's CSP.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { onDemandSample, sitemapPaths } from './site-pages';

const baseUrl = inject('baseUrl');
let browser: Browser;
let paths: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  paths = [...new Set([...(await sitemapPaths(baseUrl)), ...(await onDemandSample(baseUrl))])];
});
afterAll(async () => browser?.close());

/** Elements narrower than min(4, their length) characters of their own font size, as "tag: text (width px)". */
function squeezed(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    /** Clipped away on purpose (visually hidden, for screen readers): it takes no room. */
    const clipped = (el: HTMLElement) => {
      for (let a: HTMLElement | null = el; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.clip !== 'auto' && style.clip !== '') return true;
      }
      return false;
    };
    /** The text a sighted reader sees: text hidden for screen readers only is left out. */
    const visibleText = (el: HTMLElement) => {
      let text = '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!clipped(node.parentElement!)) text += node.textContent;
      }
      return text.replace(/\s+/g, '');
    };
    for (const el of document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, a, label, button, th, td, dt, dd, legend')) {
      const text = visibleText(el);
      const chars = Math.min(4, Array.from(text).length);
      const rect = el.getBoundingClientRect();
      // Hidden or visually-hidden elements take no room on purpose.
      if (chars === 0 || rect.width < 2 || el.closest('[hidden]') || clipped(el)) continue;
      const fontSize = Number.parseFloat(getComputedStyle(el).fontSize);
      // Latin letters and digits are about half a CJK character wide.
      const sample = Array.from(text).slice(0, chars);
      const needed = sample.reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.5), 0) * fontSize * 0.9;
      if (rect.width + 0.5 < needed) found.push(`${el.tagName.toLowerCase()}: ${text.slice(0, 20)} (${Math.round(rect.width)} px)`);
    }
    return found;
  });
}

describe.each([390, 320])('every public page at %i px', (width) => {
  it('never scrolls sideways and squeezes no text below four characters', async () => {
    expect(paths.length).toBeGreaterThan(40);
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const problems: string[] = [];
    try {
      for (const path of paths) {
        const res = await page.goto(new URL(path, baseUrl).href);
        expect(res?.status(), path).toBe(200);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${path}: scrolls sideways by ${overflow} px`);
        for (const s of await squeezed(page)) problems.push(`${path}: ${s}`);
        if (width === 320) await expectNoAxeViolations(page);
      }
    } finally {
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
