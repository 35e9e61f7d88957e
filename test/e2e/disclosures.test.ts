import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

async function visit(path: string) {
  const res = await page.goto(new URL(path, baseUrl).href);
  expect(res?.status(), path).toBe(200);
  await expectNoAxeViolations(page);
}

/** Parses XML the way a feed reader would, in the browser, and returns the root element's name and its text. */
async function parseXml(path: string) {
  const xml = await (await fetch(new URL(path, baseUrl))).text();
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    return {
      root: doc.documentElement.nodeName,
      error: error?.textContent ?? null,
      locs: [...doc.getElementsByTagName('loc')].map((l) => l.textContent ?? ''),
      items: doc.getElementsByTagName('item').length,
      entries: doc.getElementsByTagName('entry').length,
    };
  }, xml);
}

describe('public disclosure sections in the browser', () => {
  it('sampling: the task list, a task with its results, and the CSV link', async () => {
    await visit('/sampling');
    const taskLink = page.locator('table a[href^="/sampling/"]').first();
    await taskLink.click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await expect(page.getByRole('link', { name: /下载 CSV/ }).count()).resolves.toBe(1);
  });

  it('typical cases: the list, a filter page and a case', async () => {
    await visit('/cases/');
    await visit('/cases/category/wage-arrears/');
    await page.locator('main a[href^="/cases/2"]').first().click();
    await page.waitForLoadState();
    // Editorial pages ship no JavaScript (counted before axe-core is injected).
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(page.locator('meta[property="og:title"]').count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  });

  it('links the list pages to their feeds', async () => {
    for (const [path, feed] of [
      ['/sampling', '/sampling/rss.xml'],
      ['/enforcement/penalties', '/enforcement/penalties/rss.xml'],
      ['/cases/', '/cases/rss.xml'],
    ]) {
      await page.goto(new URL(path!, baseUrl).href);
      await expect(page.locator(`link[rel="alternate"][type="application/rss+xml"][href="${feed}"]`).count(), path).resolves.toBe(1);
      await expect(page.locator(`footer a[href="${feed}"]`).count(), path).resolves.toBe(1);
    }
    // The lists link their feeds from the page itself (the footer is another engineer's).
    for (const [path, feed] of [
      ['/credit/lists/wage-arrears', '/credit/lists/wage-arrears/rss.xml'],
      ['/enforcement/major-violations', '/enforcement/major-violations/rss.xml'],
    ]) {
      await page.goto(new URL(path!, baseUrl).href);
      await expect(page.locator(`link[rel="alternate"][type="application/rss+xml"][href="${feed}"]`).count(), path).resolves.toBe(1);
      await expect(page.locator(`main a[href="${feed}"]`).count(), path).resolves.toBe(1);
    }
  });

  it('enforcement disclosure: the hub, the lists and the penalty decisions', async () => {
    for (const path of [
      '/enforcement/',
      '/enforcement/catalogue/',
      '/enforcement/no-penalty/',
      '/enforcement/discretion/',
      '/enforcement/officers',
      '/enforcement/penalties',
      '/enforcement/major-violations',
      '/credit/lists/wage-arrears',
    ]) {
      await visit(path);
    }
  });

  it('open data, repair results, tracking and the accessibility statement', async () => {
    for (const path of ['/open-data/', '/repairs/results', '/track', '/about/accessibility/']) await visit(path);
  });

  it('serves well-formed RSS, Atom and a sitemap with the expected entries', async () => {
    const rss = await parseXml('/cases/rss.xml');
    expect(rss).toMatchObject({ root: 'rss', error: null });
    expect(rss.items).toBeGreaterThanOrEqual(12);
    // The feeds rendered on demand from D1, inside workerd.
    for (const path of [
      '/sampling/rss.xml',
      '/enforcement/penalties/rss.xml',
      '/credit/lists/wage-arrears/rss.xml',
      '/enforcement/major-violations/rss.xml',
    ]) {
      const feed = await parseXml(path);
      expect(feed, path).toMatchObject({ root: 'rss', error: null });
      expect(feed.items, path).toBeGreaterThan(0);
    }
    const { items } = (await (await fetch(new URL('/api/v1/penalties?pageSize=1', baseUrl))).json()) as { items: { uscc: string }[] };
    const atom = await parseXml(`/credit/${items[0]!.uscc}/feed.xml`);
    expect(atom).toMatchObject({ root: 'feed', error: null });
    expect(atom.entries).toBeGreaterThan(0);
    const index = await parseXml('/sitemap-index.xml');
    expect(index).toMatchObject({ root: 'sitemapindex', error: null });
    const sitemaps = await Promise.all(index.locs.map((loc) => parseXml(new URL(loc).pathname)));
    for (const sitemap of sitemaps) expect(sitemap.error).toBeNull();
    const locs = sitemaps.flatMap((s) => s.locs);
    expect(locs.some((l) => l.includes('/cases/'))).toBe(true);
    expect(locs.some((l) => l.includes('/enforcement/catalogue/'))).toBe(true);
    expect(locs.some((l) => /\/sampling\/[^/]+$/.test(l))).toBe(true);
  });
});
