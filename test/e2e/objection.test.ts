import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { enterprisesWithRecords } from './demo-data';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('filing an objection in the browser', () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`works with JavaScript ${javaScriptEnabled ? 'enabled' : 'disabled'}: errors, confirmation, tracking`, async () => {
      // A different enterprise for each run, so the second does not find the first one's objection.
      const { uscc } = (await enterprisesWithRecords(baseUrl, 2))[javaScriptEnabled ? 1 : 0]!;
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/credit/${uscc}`);
      await page
        .getByRole('link', { name: /^对此记录提出异议/ })
        .first()
        .click();
      await page.waitForURL('**/objections/new?**');
      // The record is named before anything is asked: the employer, its code, the decision.
      await expect(page.locator('section[aria-labelledby="record-heading"]').textContent()).resolves.toContain(uscc);

      // Submitting with answers missing shows the error summary and keeps what was typed.
      await page.getByLabel('姓名').fill('测试联系人');
      await page.getByRole('button', { name: '提交异议申诉' }).click();
      await page.waitForLoadState();
      await expect(page.title()).resolves.toMatch(/^错误：/);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('异议理由');
      expect(await page.getByLabel('姓名').inputValue()).toBe('测试联系人');
      await expectNoAxeViolations(page);

      await page.getByLabel('信息错误').check();
      await page.getByLabel('情况说明').fill('决定书记载的违法事实与实际情况不符，请核实更正。');
      await page.getByLabel('联系电话').fill('13900001111');
      await page.getByLabel('电子邮箱').fill('contact@example.com');
      await page.getByRole('button', { name: '提交异议申诉' }).click();
      await page.waitForLoadState();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('异议申诉已提交');
      const reference = (await page.locator('.reference').textContent())!.trim();
      const accessCode = (await page.locator('.access-code').textContent())!.trim();
      expect(reference).toMatch(/^YY-\d{4}-[0-9A-Z]{6}$/);
      await expectNoAxeViolations(page);

      await page.goto(`${baseUrl}/track`);
      await page.getByLabel('办件编号').fill(reference);
      await page.getByLabel('查询码').fill(accessCode);
      await page.getByRole('button', { name: '查询进度' }).click();
      await page.waitForLoadState();
      await expect(page.locator('main').textContent()).resolves.toContain('已提交');
      await expectNoAxeViolations(page);

      await page.goto(`${baseUrl}/credit/${uscc}`);
      await expect(page.getByText('异议处理中').first().isVisible()).resolves.toBe(true);
      await context.close();
    });
  }
});
