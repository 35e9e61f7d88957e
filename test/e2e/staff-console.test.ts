import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const token = inject('reviewerToken');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('staff console in the browser', () => {
  it('decides an open objection and the public profile changes', async () => {
    // The seeded open objection, found through the staff API with the same token.
    const queue = await fetch(`${baseUrl}/api/v1/admin/objections`, { headers: { 'Cf-Access-Jwt-Assertion': token } });
    expect(queue.status).toBe(200);
    const { items } = (await queue.json()) as { items: { reference: string; uscc: string; recordId: number; status: string }[] };
    const open = items.find((c) => ['received', 'accepted', 'in_progress'].includes(c.status))!;
    expect(open, JSON.stringify(items)).toBeDefined();

    const context = await browser.newContext();
    // What Cloudflare Access sets after a staff sign-in.
    await context.addCookies([{ name: 'CF_Authorization', value: token, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/objections`);
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl}/admin/objections/${open.reference}`);
    await expectNoAxeViolations(page);
    if (open.status === 'received') {
      await page.getByRole('button', { name: '保存受理决定' }).click();
      await page.waitForLoadState();
    }
    await page.locator('#outcome-withdrawn').check();
    await page.locator('#reason').fill('经复核，该处罚决定已被行政复议决定撤销，予以撤销公示。');
    await page.getByRole('button', { name: '保存处理结果' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);

    const profile = (await (await fetch(`${baseUrl}/api/v1/enterprises/${open.uscc}`)).json()) as {
      records: { id: number; status: string; notice: { reason: string } | null; flags: string[] }[];
    };
    const record = profile.records.find((r) => r.id === open.recordId)!;
    expect(record.status).toBe('withdrawn');
    expect(record.notice?.reason).toContain('行政复议');
    expect(record.flags).not.toContain('objection_pending');

    await page.goto(`${baseUrl}/credit/${open.uscc}`);
    await expect(page.locator('main').textContent()).resolves.toContain('该记录已撤销');
    await context.close();
  });

  it('refuses the console without a token', async () => {
    const res = await fetch(`${baseUrl}/admin/objections`, { redirect: 'manual' });
    expect([302, 303, 401]).toContain(res.status);
  });
});
