// The staff pages of webhook platforms (/admin/webhooks), in the browser with JavaScript off: an
// administrator registers a platform whose receiver runs here, sees its secret once, watches the
// signed deliveries of a change fail in the log, and pauses it; a publisher may only read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { enterprisesWithRecords } from './demo-data';
import { checkWebhookSignature } from '../../functions/domain/webhook-signature';

const baseUrl = inject('baseUrl');
const tokens = inject('staffTokens');
let browser: Browser;
let server: Server;
let receiverUrl: string;
/** What the platform's receiver was sent; it answers 500 to everything, as a platform that is down. */
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(500).end('down for maintenance');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hrss`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function consoleAs(role: 'admin' | 'publisher'): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  // What Cloudflare Access sets after a staff sign-in.
  await context.addCookies([{ name: 'CF_Authorization', value: tokens[role], url: baseUrl }]);
  return context;
}

/** A published record of a seeded employer no other browser test picks (they take the first ones). */
async function publishedRecord(): Promise<number> {
  const found = await enterprisesWithRecords(baseUrl, 3);
  const { uscc } = found.at(-1)!;
  const profile = (await (await fetch(`${baseUrl}/api/v1/enterprises/${uscc}`)).json()) as { records: { id: number; status: string }[] };
  return profile.records.find((r) => r.status === 'published')!.id;
}

describe('webhook platforms in the staff console', () => {
  it('registers a platform, shows its secret once, logs the signed deliveries of a change, and pauses it', async () => {
    const context = await consoleAs('admin');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/webhooks`);
    await expectNoAxeViolations(page);

    // A refused address comes back with its message and the form as filled in.
    await page.locator('#name').fill('信用中国（演示）');
    await page.locator('#url').fill('ftp://platform.example.gov.cn/hooks');
    await page.getByRole('button', { name: '登记' }).click();
    await page.waitForLoadState();
    await expect(page.title()).resolves.toMatch(/^错误：/);
    await expect(page.locator('main').textContent()).resolves.toContain('接收地址必须使用 https');
    await expect(page.locator('#name').inputValue()).resolves.toBe('信用中国（演示）');
    await expectNoAxeViolations(page);

    await page.locator('#url').fill(receiverUrl);
    await page.getByRole('button', { name: '登记' }).click();
    await page.waitForLoadState();
    await expect(page.locator('h1').textContent()).resolves.toContain('已登记：信用中国（演示）');
    const secret = (await page.locator('.reference code').textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(page);
    const platformHref = (await page.getByRole('link', { name: '该平台的页面' }).getAttribute('href'))!;
    expect(platformHref).toMatch(/^\/admin\/webhooks\/\d+$/);

    // Shown once: neither the list nor the platform's page has it again.
    await page.goto(`${baseUrl}/admin/webhooks`);
    await expect(page.getByRole('link', { name: '信用中国（演示）' }).first().getAttribute('href')).resolves.toBeTruthy();
    expect(await page.content()).not.toContain(secret.slice(6));

    // A change after registration reaches the receiver, signed with that secret.
    const recordId = await publishedRecord();
    const withdrawn = await fetch(`${baseUrl}/api/v1/admin/records/${recordId}/withdraw`, {
      method: 'POST',
      headers: { 'Cf-Access-Jwt-Assertion': tokens.admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: '该处罚决定已被行政复议决定撤销，撤销公示。' }),
    });
    expect(withdrawn.ok, await withdrawn.clone().text()).toBe(true);
    // Every change after registration is delivered, those of other browser tests running meanwhile too.
    type Change = { cursor: number; type: string; recordId: number };
    const ours = () => {
      const delivery = received.find((r) => (JSON.parse(r.body) as Change).recordId === recordId);
      if (!delivery) throw new Error(`no delivery of record ${recordId} yet`);
      return delivery;
    };
    const first = await vi.waitFor(ours, { timeout: 30_000, interval: 250 });
    const change = JSON.parse(first.body) as Change;
    expect(change).toMatchObject({ type: 'withdrawn', recordId });
    expect(first.headers['idempotency-key']).toBe(String(change.cursor));
    const signed = { signature: String(first.headers['x-signature']), timestamp: String(first.headers['x-signature-timestamp']) };
    await expect(checkWebhookSignature(secret, signed, first.body, Math.floor(Date.now() / 1000))).resolves.toEqual({ ok: true });

    // The platform's page logs the refused attempt with the receiver's answer.
    await vi.waitFor(
      async () => {
        await page.goto(`${baseUrl}${platformHref}?outcome=failed`);
        await expect(page.locator('tbody').textContent()).resolves.toContain('HTTP 500');
      },
      { timeout: 20_000, interval: 500 },
    );
    await expect(page.locator('tbody').textContent()).resolves.toContain(String(change.cursor));
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '暂停' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已暂停推送');
    await expect(page.locator('.facts').textContent()).resolves.toContain('已暂停');
    await expect(page.getByRole('button', { name: '恢复' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await context.close();
  }, 90_000);

  it('lets a publisher read the platforms but not register, pause or resume one', async () => {
    const context = await consoleAs('publisher');
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl}/admin/webhooks`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('main').textContent()).resolves.toContain('需要系统管理员角色');
    await expect(page.getByRole('button', { name: '登记' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
