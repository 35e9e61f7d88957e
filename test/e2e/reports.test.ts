// 专用信用报告 in the browser, as an employer and a receiver use it: issued from the profile without
// JavaScript, opened from its QR code, a pasted signature checked in the page, printed on A4.
import decodeQR from 'qr/decode.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { enterprisesWithRecords } from './demo-data';
import { staffPenaltyBody } from '../fixtures/staff-records';

const baseUrl = inject('baseUrl');
let browser: Browser;

type Issued = { reportNo: string; jws: string; report: { enterprise: { name: string }; statement: string | null } };

let platform = 0;

/** A report issued through the API, as another platform would (each from its own address: REPORT_LIMITER counts per client). */
async function issuedFor(uscc: string): Promise<Issued> {
  const res = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `192.0.2.${++platform}` },
    body: JSON.stringify({ uscc }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Issued;
}

async function cleanEnterprise(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/enterprises?q=${encodeURIComponent('有限公司')}&pageSize=100`);
  const { items } = (await res.json()) as { items: { uscc: string; negativeRecords: number }[] };
  return items.find((i) => i.negativeRecords === 0)!.uscc;
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('/credit/{uscc}/report and /reports/{reportNo}', () => {
  it('issues a report from the profile without JavaScript on a phone, and shows it as issued', async () => {
    const { uscc, name } = (await enterprisesWithRecords(baseUrl, 1))[0]!;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/credit/${uscc}`);
      await page.getByRole('link', { name: '开具专用信用报告（免费）' }).click();
      await page.waitForURL(`**/credit/${uscc}/report`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('开具专用信用报告');
      await expect(page.getByText('本报告免费开具').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: '开具报告' }).click();
      await page.waitForURL(/\/reports\/BG-\d{4}-[3-9A-Y]{5}-[3-9A-Y]{5}$/);
      const reportNo = page.url().split('/').pop()!;
      await expect(page.locator('.report-no').textContent()).resolves.toBe(reportNo);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('专用信用报告');
      await expect(page.getByText(name).first().isVisible()).resolves.toBe(true);
      await expect(page.getByRole('heading', { name: '三、行政处罚等失信记录' }).isVisible()).resolves.toBe(true);
      // Without JavaScript the pasted-signature check stays hidden; the report and the offline method do not.
      await expect(page.locator('#report-verify').isVisible()).resolves.toBe(false);
      await expect(page.getByText('npm run verify-report').isVisible()).resolves.toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      const stored = (await (await fetch(`${baseUrl}/api/v1/reports/${reportNo}`)).json()) as Issued;
      expect(stored.report.enterprise.name).toBe(name);
    } finally {
      await context.close();
    }
  });

  it('keeps the answers and explains a period longer than 3 years', async () => {
    const uscc = await cleanEnterprise();
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/credit/${uscc}/report`);
      await page.getByLabel('报告期起始日').fill('2000-01-01');
      await page.getByRole('button', { name: '开具报告' }).click();
      await page.waitForLoadState();
      await expect(page.title()).resolves.toMatch(/^错误：/);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('报告期最长为近 3 年');
      await expect(page.getByLabel('报告期起始日').inputValue()).resolves.toBe('2000-01-01');
      await expectNoAxeViolations(page);
    } finally {
      await page.close();
    }
  });

  it('says 报告期内无…失信记录 for a clean employer, and its QR code leads to the report’s own page', async () => {
    const issued = await issuedFor(await cleanEnterprise());
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/reports/${issued.reportNo}`);
      await expect(page.locator('.report-statement').textContent()).resolves.toBe('报告期内无劳动保障领域行政处罚等失信记录。');
      await expectNoAxeViolations(page);
      // The QR code as a phone camera would see it: drawn into pixels and decoded.
      const pixels = await page.evaluate(async () => {
        const svg = document.querySelector('.qr svg')!;
        const image = new Image();
        image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 400;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 400, 400);
        ctx.drawImage(image, 0, 0, 400, 400);
        return Array.from(ctx.getImageData(0, 0, 400, 400).data);
      });
      const url = decodeQR({ width: 400, height: 400, data: Uint8Array.from(pixels) });
      expect(url).toBe(`${baseUrl}/reports/${issued.reportNo}`);
      await page.goto(url);
      await expect(page.locator('.report-no').textContent()).resolves.toBe(issued.reportNo);
    } finally {
      await page.close();
    }
  });

  it('checks a pasted signature in the browser: this report’s passes, one altered by a character fails', async () => {
    const { uscc } = (await enterprisesWithRecords(baseUrl, 2))[1]!;
    const issued = await issuedFor(uscc);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${baseUrl}/reports/${issued.reportNo}`);
      await page.getByLabel('粘贴收到的报告签名（JWS）').fill(issued.jws);
      await page.getByRole('button', { name: '核验签名' }).click();
      await expect.poll(() => page.locator('#verify-result').textContent()).toContain('签名有效');
      await expect(page.locator('#verify-result').textContent()).resolves.toContain('内容与本页显示的报告一致');
      await expectNoAxeViolations(page);

      const [header, payload, signature] = issued.jws.split('.');
      const text = Buffer.from(payload!, 'base64url')
        .toString('utf8')
        .replace(issued.report.enterprise.name, `${issued.report.enterprise.name}X`);
      await page.getByLabel('粘贴收到的报告签名（JWS）').fill(`${header}.${Buffer.from(text).toString('base64url')}.${signature}`);
      await page.getByRole('button', { name: '核验签名' }).click();
      await expect.poll(() => page.locator('#verify-result').textContent()).toContain('签名无效');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });

  it('prints on A4: the report, its number and QR code, without the site’s navigation or the signature tools', async () => {
    const { uscc } = (await enterprisesWithRecords(baseUrl, 1))[0]!;
    const issued = await issuedFor(uscc);
    // 688 px (182 mm at 96 dpi) is what an A4 sheet leaves for the report inside the 14 mm margins of its @page.
    const page = await browser.newPage({ viewport: { width: 688, height: 1123 } });
    try {
      await page.goto(`${baseUrl}/reports/${issued.reportNo}`);
      await page.emulateMedia({ media: 'print' });
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what print shows
      const printed = await page.locator('body').innerText();
      expect(printed).toContain(issued.reportNo);
      expect(printed).toContain('开具时间');
      expect(printed).toContain('免费');
      expect(printed).toContain('北京市人力资源和社会保障局');
      expect(printed).not.toContain('核验电子签名');
      expect(printed).not.toContain('信用查询\n');
      await expect(page.locator('.qr svg').isVisible()).resolves.toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
      // Every sheet is A4 (595 × 842 pt), and a report with a few records takes one or two of them.
      const sheets = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(sheets.length).toBeGreaterThanOrEqual(1);
      expect(sheets.length).toBeLessThanOrEqual(3);
      for (const box of pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? [])
        expect(box).toMatch(/\[\s*0\s+0\s+59[45](\.\d+)?\s+84[12](\.\d+)?\s*\]/);
    } finally {
      await page.close();
    }
  });

  it('still shows the report as issued after a record is withdrawn, with a notice and a link to the current profile', async () => {
    const { uscc } = (await enterprisesWithRecords(baseUrl, 4))[3]!;
    // A record of this test's own, published and withdrawn through the staff API, as staff would.
    const staff = (path: string, body: unknown) =>
      fetch(`${baseUrl}/api/v1/admin/records${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Cf-Access-Jwt-Assertion': inject('staffTokens').publisher },
        body: JSON.stringify(body),
      });
    const today = inject('today');
    const title = '未依法订立书面劳动合同（报告测试）';
    const created = await staff('', staffPenaltyBody(uscc, `京朝人社监罚字〔${today.slice(0, 4)}〕第 9901 号`, today, title));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await staff(`/${id}/publish`, {})).status).toBe(200);
    const issued = await issuedFor(uscc);
    expect((await staff(`/${id}/withdraw`, { reason: '处罚决定经行政复议撤销。' })).status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${baseUrl}/reports/${issued.reportNo}`);
      await expect(page.getByRole('heading', { name: '开具后信用记录有变化' }).isVisible()).resolves.toBe(true);
      const listed = page.getByRole('listitem').filter({ hasText: title });
      await expect(listed.getByText('报告开具后已撤销').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: /的当前信用信息$/ }).click();
      await page.waitForURL(`**/credit/${uscc}`);
      await expectNoAxeViolations(page);
    } finally {
      await page.close();
    }
  });

  it('/reports finds a report by the number typed from paper, and says so when there is none', async () => {
    const issued = await issuedFor(await cleanEnterprise());
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${baseUrl}/reports`);
      await expectNoAxeViolations(page);
      await page.getByLabel('报告编号').fill(issued.reportNo.replaceAll('-', ' ').toLowerCase());
      await page.getByRole('button', { name: '查看报告' }).click();
      await page.waitForURL(`**/reports/${issued.reportNo}`);
      await expectNoAxeViolations(page);
      const res = await page.goto(`${baseUrl}/reports/BG-2026-33333-33333`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('没有编号为');
      await expectNoAxeViolations(page);
    } finally {
      await page.close();
    }
  });
});
