// Real Chromium (scripts/lib/chromium.ts says which) driven by playwright-core, every page with its
// own Content-Security-Policy in force, and an axe-core check for every page visited.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { chromiumFlags } from '../../scripts/lib/chromium';

const require = createRequire(import.meta.url);
/** Evaluated through the DevTools protocol, which a page's CSP does not govern: the page itself is tested as served. */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What Chromium refused under each page's CSP: a script or style the page needs, blocked, is a broken page. */
const cspViolations = new WeakMap<Page, string[]>();

function watchCsp(page: Page) {
  const seen: string[] = [];
  cspViolations.set(page, seen);
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) seen.push(message.text());
  });
}

/** The browser, with every page it opens watched for CSP violations (checked with axe-core below). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: chromiumFlags });
  const newPage = browser.newPage.bind(browser);
  const newContext = browser.newContext.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watchCsp(page);
    return page;
  };
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', watchCsp);
    return context;
  };
  return browser;
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe-core on the current page and fails the test with the violations listed. A page whose
 * context has JavaScript off cannot run axe, so its HTML (styles are inlined) is audited in a
 * scratch page that can.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // With JavaScript off the source still evaluates, but no timer ever fires, so axe would never finish.
  const timerFires = page
    .evaluate(`${axeSource}; new Promise((resolve) => setTimeout(() => resolve('axe' in window), 0))`)
    .catch(() => false);
  const runs = await Promise.race([timerFires, new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000))]);
  if (!runs) {
    const scratch = await page.context().browser()!.newPage();
    try {
      await scratch.setContent(await page.content(), { waitUntil: 'load' });
      return await expectNoAxeViolations(scratch);
    } finally {
      await scratch.close();
    }
  }
  const violations = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: { id: string; help: string; nodes: { target: unknown }[] }) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target),
    }));
  }, WCAG_22_AA);
  expect(violations, `axe-core on ${page.url()}`).toEqual([]);
  expect(cspViolations.get(page) ?? [], `CSP on ${page.url()}`).toEqual([]);
}
