// 举报投诉 in the browser (DOMAIN.md §10), as a worker on a phone without JavaScript files it: a
// 投诉 with mistakes first, then success and tracking; an anonymous 举报 that stores no identity;
// the statistics; and the handler's console, where the identity is shown only on request.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { enterprisesWithRecords } from './demo-data';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

const baseUrl = inject('baseUrl');
const { complaints: handlerToken } = inject('staffTokens');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  page = await context.newPage();
});
afterAll(async () => browser?.close());

const noSideways = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
const submit = async () => {
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.waitForLoadState();
};

describe('filing a complaint without JavaScript at 390 px', () => {
  it('finds the employer, shows the mistakes, files the 投诉 and tracks it', async () => {
    const [employer] = await enterprisesWithRecords(baseUrl, 1);
    await page.goto(`${baseUrl}/complaints/new`);
    await expectNoAxeViolations(page);
    await noSideways();
    await expect(page.locator('main').textContent()).resolves.toContain('第二十条');

    await page.getByLabel('单位名称或统一社会信用代码').fill(employer!.uscc);
    await page.getByRole('button', { name: '查找单位' }).click();
    await page.waitForLoadState();
    await page.getByRole('link', { name: `选择 ${employer!.name}` }).click();
    await page.waitForLoadState();
    expect(await page.getByLabel('统一社会信用代码（选填）').inputValue()).toBe(employer!.uscc);
    expect(await page.getByLabel('单位名称', { exact: true }).inputValue()).toBe(employer!.name);

    // Mistakes first: no category, a 投诉 without a phone or a request, a violation over 2 years ago.
    await page.getByLabel('投诉：我本人的权益受到侵害').check();
    await page.getByLabel('开始日期').fill(addMonths(today, -40));
    await page.getByLabel('结束日期（选填）').fill(addMonths(today, -30));
    await page.getByLabel('事实经过').fill('公司拖欠我和另外 5 名同事 2 个月工资共 3 万元，多次讨要未果。');
    await page.getByLabel('姓名（选填）').fill('韩梅梅');
    await submit();
    await expect(page.title()).resolves.toMatch(/^错误：/);
    const summary = (await page.getByRole('alert').textContent())!;
    expect(summary).toContain('反映的问题');
    expect(summary).toContain('您的请求');
    expect(summary).toContain('第二十条');
    expect(await page.getByLabel('姓名（选填）').inputValue()).toBe('韩梅梅');
    expect(await page.getByLabel('事实经过').inputValue()).toContain('拖欠');
    await expectNoAxeViolations(page);
    await noSideways();

    await page.getByLabel('拖欠工资').check();
    await page.getByLabel('开始日期').fill(addMonths(today, -3));
    await page.getByLabel('结束日期（选填）').fill(addMonths(today, -1));
    await page.getByLabel('您的请求（选填）').fill('要求公司支付拖欠的 2 个月工资。');
    await page.getByLabel('联系电话（选填）').fill('13700002222');
    await submit();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('投诉已提交');
    const reference = (await page.locator('.reference').textContent())!.trim();
    const accessCode = (await page.locator('.access-code').textContent())!.trim();
    expect(reference).toMatch(/^TS-\d{4}-[0-9A-Z]{6}$/);
    await expectNoAxeViolations(page);
    await noSideways();

    await page.goto(`${baseUrl}/track`);
    await page.getByLabel('办件编号').fill(reference);
    await page.getByLabel('查询码').fill(accessCode);
    await page.getByRole('button', { name: '查询进度' }).click();
    await page.waitForLoadState();
    const tracked = (await page.locator('main').textContent())!;
    expect(tracked).toContain(`投诉 ${reference}`);
    expect(tracked).toContain('已收到');
    expect(tracked).not.toContain('韩梅梅');
    await expectNoAxeViolations(page);
  });

  it('files an anonymous 举报 that stores no identity at all', async () => {
    await page.goto(`${baseUrl}/complaints/new?kind=report`);
    await page.getByLabel('举报：反映违法行为（可以匿名）').check();
    await page.getByLabel('使用童工').check();
    await page.getByLabel('单位名称', { exact: true }).fill('某烧烤店（无招牌）');
    await page.getByLabel('单位地址或工作地点（选填）').fill('北京市昌平区某村口');
    await page.getByLabel('开始日期').fill(addMonths(today, -1));
    await page.getByLabel('事实经过').fill('店里有两名看上去只有十三四岁的孩子在后厨帮工，每天晚上干到很晚。');
    await submit();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('举报已提交');
    const reference = (await page.locator('.reference').textContent())!.trim();
    expect(reference).toMatch(/^JB-/);
    await expectNoAxeViolations(page);

    // The handler finds no identity on file: not hidden, absent.
    const headers = { 'Cf-Access-Jwt-Assertion': handlerToken };
    const identity = await fetch(`${baseUrl}/api/v1/admin/complaints/${reference}/complainant`, { headers });
    expect(identity.status).toBe(404);
    expect(((await identity.json()) as { error: { code: string } }).error.code).toBe('anonymous');
    const view = (await (await fetch(`${baseUrl}/api/v1/admin/complaints/${reference}`, { headers })).json()) as { named: boolean };
    expect(view.named).toBe(false);
  });

  it('shows the statistics with small counts as "<5"', async () => {
    await page.goto(`${baseUrl}/complaints/stats`);
    await expectNoAxeViolations(page);
    await noSideways();
    const cells = await page.locator('tbody td').allTextContents();
    expect(cells).toContain('<5');
    expect(cells.some((c) => /^\d+$/.test(c) && Number(c) >= 5)).toBe(true);
  });
});

describe('the handler in the staff console', () => {
  it('sees the queue with deadlines and the identity only after asking for it', async () => {
    const staff = await browser.newContext({ javaScriptEnabled: false });
    await staff.addCookies([{ name: 'CF_Authorization', value: handlerToken, url: baseUrl }]);
    const console = await staff.newPage();
    await console.goto(`${baseUrl}/admin/complaints`);
    await expectNoAxeViolations(console);
    await expect(console.locator('main').textContent()).resolves.toContain('个工作日');
    // A case of the demo data with a named complainant nobody has handled yet.
    const list = (await (
      await fetch(`${baseUrl}/api/v1/admin/complaints?status=received&kind=complaint&pageSize=100`, {
        headers: { 'Cf-Access-Jwt-Assertion': handlerToken },
      })
    ).json()) as { items: { reference: string }[] };
    const reference = list.items[0]!.reference;
    await console.goto(`${baseUrl}/admin/complaints/${reference}`);
    expect(await console.locator('#complainant').count()).toBe(0);
    await console.getByRole('button', { name: '查看投诉人身份' }).click();
    await console.waitForLoadState();
    await expect(console.locator('#complainant').textContent()).resolves.toMatch(/1[3-9]\d{9}/);
    await expectNoAxeViolations(console);
    await staff.close();
  });
});
