import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { enterprisesWithRecords } from './demo-data';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

describe('credit lookup in the browser', () => {
  it('goes from the home page through a code search to the profile', async () => {
    const { uscc, name } = (await enterprisesWithRecords(baseUrl, 1))[0]!;
    await page.goto(baseUrl);
    await expectNoAxeViolations(page);
    // Typed the way people type codes: lower case, with spaces.
    await page.getByLabel('统一社会信用代码或单位名称').fill(`${uscc.slice(0, 8)} ${uscc.slice(8)}`.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(`**/credit/${uscc}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
    await expect(page.getByText('演示数据').first().isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
  });

  it('searches a name fragment, opens a profile and prints nothing private', async () => {
    await page.goto(`${baseUrl}/credit`);
    await page.getByLabel('统一社会信用代码或单位名称').fill('科技');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL('**/credit?q=*');
    await expectNoAxeViolations(page);
    const first = page.getByRole('table').getByRole('link').first();
    const name = await first.textContent();
    expect(name).toContain('科技');
    await first.click();
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: 'print' });
    // What print shows is the rendered text: textContent would include what the print style hides.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what this checks
    const printed = await page.locator('body').innerText();
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toContain('信用信息查询结果');
    expect(printed).toMatch(/查询时间/);
    // Natural persons' ID numbers, phone numbers and e-mail addresses never appear (DOMAIN.md §8).
    expect(printed).not.toMatch(/\b\d{17}[\dX]\b/);
    expect(printed).not.toMatch(/\b1[3-9]\d{9}\b/);
    expect(printed).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(printed).not.toContain('跳到主要内容');
  });

  it('explains a one-character query instead of failing', async () => {
    await page.goto(`${baseUrl}/credit?q=${encodeURIComponent('京')}`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('至少输入 2 个字');
    await expectNoAxeViolations(page);
  });
});
