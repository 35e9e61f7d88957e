// Site search (Pagefind) under the page's own CSP: with JavaScript the box appears and finds the
// published cases; without it the page still leads to every section and to the credit lookup.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('/search/', () => {
  it('shows a Pagefind box with JavaScript, and a typed word finds the cases that contain it', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${baseUrl}/search/`);
      const box = page.getByRole('textbox').first();
      await box.waitFor({ timeout: 10_000 });
      await box.fill('拖欠');
      const results = page.locator('.pagefind-ui__result');
      await results.first().waitFor({ timeout: 10_000 });
      expect(await results.count()).toBeGreaterThan(0);
      const first = await results.first().locator('a').first().getAttribute('href');
      expect(first).toMatch(/^\/(cases|enforcement)\//);
      expect((await fetch(new URL(first!, baseUrl))).status).toBe(200);
      await expectNoAxeViolations(page);
    } finally {
      await page.close();
    }
  });

  it('runs the search given as ?q=', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('社会保险')}`);
      await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
    } finally {
      await page.close();
    }
  });

  it('leads to every section and the credit lookup without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/search/`);
      expect(await page.locator('#site-search').isHidden()).toBe(true);
      // Chromium's script switch leaves <noscript> unparsed, so its text is read from the source.
      expect(await page.content()).toContain('站内搜索需要浏览器启用 JavaScript');
      expect(await page.locator('.site-search-sections a').count()).toBeGreaterThanOrEqual(5);
      await page.getByRole('searchbox').or(page.locator('input[name="q"]')).first().fill('建筑');
      await Promise.all([page.waitForURL(/\/credit\?q=/), page.locator('input[name="q"]').first().press('Enter')]);
      expect(page.url()).toContain('/credit?q=');
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
