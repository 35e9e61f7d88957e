// An HR officer holding a penalty letter (两书同达, DOMAIN.md §3): on a phone, without JavaScript,
// they type the decision number as it is printed — other brackets, spaces — find the record,
// are told whether the application can be made, and file it; the confirmation and tracking say
// which record and which files.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { pdfBytes } from '../fixtures/files';
import { BOOKMARK_COOKIE } from '../../functions/http/bookmark';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

interface Found {
  items: { record: { id: number; flags: string[]; repair: { possible: boolean } | null }; enterprise: { uscc: string; name: string } }[];
}

/** Decision numbers copied from the penalties page as anyone sees it, whose record is as wanted. */
async function penalties(wanted: (found: Found['items'][number]) => boolean, skip = 0) {
  const page = await (await fetch(`${baseUrl}/enforcement/penalties`)).text();
  const numbers = [...new Set(page.match(/京[^\s<>]{1,12}字〔\d{4}〕第\d+号/g) ?? [])];
  const out: { decisionNo: string; found: Found['items'][number] }[] = [];
  for (const decisionNo of numbers) {
    const found = (await (await fetch(`${baseUrl}/api/v1/records?decisionNo=${encodeURIComponent(decisionNo)}`)).json()) as Found;
    if (found.items.length === 1 && wanted(found.items[0]!)) out.push({ decisionNo, found: found.items[0]! });
  }
  if (out.length <= skip) throw new Error('the demo data has too few such penalties');
  return out[skip]!;
}

/** The number typed the way a person copying it from paper might: other brackets, spaces between. */
const retyped = (decisionNo: string) =>
  decisionNo
    .replace('〔', '[ ')
    .replace('〕', ' ]')
    .replace(/第(\d+)号/, '第 $1 号');

async function findByLetter(page: Page, path: string, decisionNo: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('决定书文号').fill(retyped(decisionNo));
  await page.getByRole('button', { name: '查找记录' }).click();
  await page.waitForLoadState();
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('starting from the decision number on the letter', () => {
  it('files an objection, and the confirmation and tracking name the record and the files', async () => {
    const { decisionNo, found } = await penalties((f) => !f.record.flags.includes('objection_pending'), 3);
    const page = await context.newPage();
    await findByLetter(page, '/objections/new', decisionNo);
    const panel = page.locator('section[aria-labelledby="record-heading"]');
    await expect(panel.textContent()).resolves.toContain(found.enterprise.name);
    await expect(panel.textContent()).resolves.toContain(decisionNo);
    await expectNoAxeViolations(page);

    await page.getByLabel('信息错误').check();
    await page.getByLabel('情况说明').fill('决定书记载的违法事实与实际情况不符，请核实更正。');
    await page.getByLabel('姓名').fill('周敏');
    await page.getByLabel('联系电话').fill('13900001111');
    await page.getByLabel('电子邮箱').fill('hr@example.com');
    await page
      .getByLabel(/证据材料/)
      .setInputFiles({ name: '工资发放记录.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes) });
    await page.getByRole('button', { name: '提交异议申诉' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('异议申诉已提交');
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain(found.enterprise.name);
    expect(main).toContain(decisionNo);
    expect(main).toContain('工资发放记录.pdf');
    const reference = (await page.locator('.reference').textContent())!.trim();
    const accessCode = (await page.locator('.access-code').textContent())!.trim();
    await expectNoAxeViolations(page);
    // The browser keeps the D1 bookmark of the filing, so tracking reads a replica that has it.
    const bookmark = (await context.cookies(baseUrl)).find((c) => c.name === BOOKMARK_COOKIE);
    expect(bookmark).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.goto(`${baseUrl}/track`);
    await page.getByLabel('办件编号').fill(reference);
    await page.getByLabel('查询码').fill(accessCode);
    await page.getByRole('button', { name: '查询进度' }).click();
    await page.waitForLoadState();
    const tracked = (await page.locator('main').textContent())!;
    expect(tracked).toContain(found.enterprise.name);
    expect(tracked).toContain(decisionNo);

    // A second objection on the same record is not offered: the form says why instead.
    await findByLetter(page, '/objections/new', decisionNo);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('已有一件正在办理的异议申诉');
    expect(await page.getByRole('button', { name: '提交异议申诉' }).count()).toBe(0);
    await page.close();
  });

  it('files a repair application for a record whose minimum period has passed', async () => {
    const { decisionNo } = await penalties((f) => f.record.repair?.possible === true && !f.record.flags.includes('repair_pending'));
    const page = await context.newPage();
    await findByLetter(page, '/repairs/new', decisionNo);
    await page.getByLabel('情况说明').fill('已足额缴纳罚款并完成整改，特申请信用修复。');
    await page.getByLabel('姓名').fill('吴婷');
    await page.getByLabel('联系电话').fill('010-65001234');
    await page.getByLabel('电子邮箱').fill('hr@example.com');
    await page
      .getByLabel('信用修复承诺书')
      .setInputFiles({ name: '承诺书.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes) });
    await page
      .getByLabel('履行义务证明材料')
      .setInputFiles({ name: '缴款凭证.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes) });
    await page.getByRole('button', { name: '提交信用修复申请' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('信用修复申请已提交');
    await expect(page.locator('main').textContent()).resolves.toContain('缴款凭证.pdf');
    await page.close();
  });

  it('says before any field that a record cannot be repaired yet, and from when', async () => {
    const { decisionNo } = await penalties((f) => f.record.repair?.possible === false);
    const page = await context.newPage();
    await findByLetter(page, '/repairs/new', decisionNo);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/目前不能申请信用修复.*可于 \d{4}年\d{1,2}月\d{1,2}日 起申请/);
    expect(await page.getByLabel('情况说明').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('says plainly when no record carries the number', async () => {
    const page = await context.newPage();
    await findByLetter(page, '/objections/new', '京朝人社监罚字〔2026〕第99999号');
    await expect(page.title()).resolves.toMatch(/^错误：/);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('没有找到该文号的公示记录');
    expect(await page.getByLabel('决定书文号').inputValue()).toContain('99999');
    await expectNoAxeViolations(page);
    await page.close();
  });
});
