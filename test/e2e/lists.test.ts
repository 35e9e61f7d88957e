import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DrawRecord } from '../../functions/domain/draw';
import { quarterOf, quarterRange } from '../../functions/domain/major-violations';
import { addMonths } from '../../functions/domain/dates';
import { expectNoAxeViolations, launchBrowser } from './browser';

// The lists the rules require, used as their users would, on a 390 px phone: the wage-arrears 名单
// (人社部令第45号) and the quarterly 29号令 publication (DOMAIN.md §6), and an officer checked at the
// door by certificate number (§8 事中公示), the same officers every published draw names (§7).

const baseUrl = inject('baseUrl');
const today = inject('today');
const tokens = inject('staffTokens');
const PHONE = { viewport: { width: 390, height: 844 } };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function phone(options: { javaScriptEnabled?: boolean; token?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: options.javaScriptEnabled ?? true });
  if (options.token) await context.addCookies([{ name: 'CF_Authorization', value: options.token, url: baseUrl }]);
  return { context, page: await context.newPage() };
}

const api = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, baseUrl))).json()) as T;

/** The page fits the phone: nothing scrolls sideways but the tables' own regions. */
async function expectNoSidewaysScroll(page: Page) {
  await expect(page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).resolves.toBe(true);
}

async function publishedDraws(): Promise<{ id: string; record: DrawRecord }[]> {
  const { items } = await api<{ items: { id: string; kind: string; status: string }[] }>('/api/v1/sampling/tasks?pageSize=100');
  const draws = [];
  for (const task of items.filter((t) => t.kind === 'random' && t.status !== 'planned')) {
    const res = await fetch(new URL(`/api/v1/sampling/tasks/${task.id}/draw`, baseUrl));
    if (res.status === 200) draws.push({ id: task.id, record: (await res.json()) as DrawRecord });
  }
  return draws;
}

describe('officers anyone can verify', () => {
  it('resolves every inspector named in every published draw to an officer, and each draw still verifies offline', async () => {
    const draws = await publishedDraws();
    expect(draws.length).toBeGreaterThanOrEqual(3);
    for (const { id, record } of draws) {
      for (const certificateNo of new Set(record.assignments.flatMap((a) => a.inspectorIds))) {
        const res = await fetch(new URL(`/api/v1/officers/${certificateNo}`, baseUrl));
        expect(res.status, `${id}: ${certificateNo}`).toBe(200);
        const card = (await res.json()) as { officer: { certificateNo: string }; tasks: { id: string }[] };
        expect(card.tasks.map((t) => t.id)).toContain(id);
      }
      const verify = spawnSync(
        process.execPath,
        [resolve(import.meta.dirname, '../../scripts/verify-draw.ts'), `${baseUrl}/api/v1/sampling/tasks/${id}/draw`],
        { encoding: 'utf8' },
      );
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    }
  });

  it('checks the number typed into the home page box, and says valid in words', async () => {
    const { record } = (await publishedDraws())[0]!;
    const certificateNo = record.assignments[0]!.inspectorIds[0];
    const card = await api<{ officer: { name: string; status: string } }>(`/api/v1/officers/${certificateNo}`);
    const { context, page } = await phone();
    try {
      await page.goto(`${baseUrl}/`);
      await page.getByLabel('执法证号').fill(certificateNo.replace(/(\d{4})(?=\d)/g, '$1 '));
      await page.getByRole('button', { name: '核验' }).click();
      await page.waitForURL(`**/enforcement/officers/${certificateNo}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(card.officer.name);
      await expect(page.locator('main').textContent()).resolves.toContain('执法证号');
      if (card.officer.status === 'valid') await expect(page.locator('#standing-heading').textContent()).resolves.toContain('有效');
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('shows an expired and a suspended certificate as such, in words, found from the officers list', async () => {
    const { context, page } = await phone({ javaScriptEnabled: false });
    try {
      await page.goto(`${baseUrl}/enforcement/officers`);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      for (const [label, words] of [
        ['已失效', '已过期'],
        ['暂停执法', '暂停使用'],
      ] as const) {
        const row = page.locator('tbody tr', { has: page.locator('.tag', { hasText: label }) }).first();
        await row.locator('a').click();
        await page.waitForURL(/\/enforcement\/officers\/\d+$/);
        await expect(page.locator('#standing-heading').textContent()).resolves.toContain(label);
        await expect(page.locator('main').textContent()).resolves.toContain(words);
        await expect(page.locator('main').textContent()).resolves.toContain('持证人目前不能开展执法检查');
        await expectNoAxeViolations(page);
        await page.goBack();
      }
    } finally {
      await context.close();
    }
  });

  it('answers an unknown number with 404 and a malformed one with 400, both in Chinese, and keeps the box to try again', async () => {
    const { context, page } = await phone({ javaScriptEnabled: false });
    try {
      const unknown = await page.goto(`${baseUrl}/enforcement/officers/1101999999`);
      expect(unknown?.status()).toBe(404);
      await expect(page.locator('[role="alert"]').textContent()).resolves.toContain('未查到执法证号为 1101999999 的执法人员');
      await expectNoAxeViolations(page);

      const malformed = await page.goto(`${baseUrl}/enforcement/officers/JC-001`);
      expect(malformed?.status()).toBe(400);
      await expect(page.locator('[role="alert"]').textContent()).resolves.toContain('执法证号只含数字');
      await expectNoAxeViolations(page);

      // The box on /enforcement without JavaScript: a malformed number is explained, not redirected.
      await page.goto(`${baseUrl}/enforcement/`);
      await page.getByLabel('执法证号').fill('12345');
      await page.getByRole('button', { name: '核验' }).click();
      await page.waitForURL(/certificate=/);
      expect(new URL(page.url()).pathname).toBe('/enforcement/officers');
      await expect(page.locator('.alert').first().textContent()).resolves.toContain('输入的是 5 位');
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('leads the short address of a card’s QR code to the officer’s page', async () => {
    const { record } = (await publishedDraws())[0]!;
    const certificateNo = record.assignments[0]!.inspectorIds[1];
    const res = await fetch(new URL(`/o/${certificateNo}`, baseUrl), { redirect: 'manual' });
    expect([301, 302, 307, 308]).toContain(res.status);
    expect(new URL(res.headers.get('Location')!, baseUrl).pathname).toBe(`/enforcement/officers/${certificateNo}`);
  });
});

describe('拖欠农民工工资失信联合惩戒对象名单', () => {
  it('lists the entries with their fields, filters by district, pages, and passes axe at 390 px', async () => {
    const all = await api<{ items: { district: string; employerName: string }[]; total: number }>(
      '/api/v1/lists/wage-arrears?pageSize=100',
    );
    expect(all.total).toBeGreaterThanOrEqual(3);
    const district = all.items[0]!.district;
    const { context, page } = await phone({ javaScriptEnabled: false });
    try {
      await page.goto(`${baseUrl}/credit/lists/wage-arrears`);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await expect(page.locator('h2').first().textContent()).resolves.toContain(`共 ${all.total} 条`);
      const first = page.locator('.list-entries article').first();
      for (const field of ['统一社会信用代码', '列入日期', '作出决定的部门']) await expect(first.textContent()).resolves.toContain(field);
      await page.selectOption('#district', { label: district });
      await page.getByRole('button', { name: '筛选' }).click();
      await page.waitForURL(/district=/);
      await expect(page.locator('[role="alert"]').count()).resolves.toBe(0);
      const shown = await page.locator('.list-entries article').allTextContents();
      expect(shown.length).toBe(all.items.filter((e) => e.district === district).length);
      for (const text of shown) expect(text).toContain(district);
      await expectNoAxeViolations(page);

      await page.goto(`${baseUrl}/credit/lists/wage-arrears?pageSize=2`);
      await page.getByRole('link', { name: '下一页' }).click();
      await page.waitForURL(/page=2/);
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      await expect(page.locator('.list-entries article').first().textContent()).resolves.toContain(all.items[2]!.employerName);
    } finally {
      await context.close();
    }
  });

  it('shows an early removal as a notice with its date', async () => {
    const { context, page } = await phone();
    try {
      await page.goto(`${baseUrl}/credit/lists/wage-arrears?pageSize=100`);
      const notice = page.locator('.list-entries .notice', { hasText: '已提前移出名单' }).first();
      await expect(notice.textContent()).resolves.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    } finally {
      await context.close();
    }
  });

  it('downloads CSV with a BOM from the page’s link, and has a feed', async () => {
    const { context, page } = await phone();
    try {
      await page.goto(`${baseUrl}/credit/lists/wage-arrears`);
      const href = await page.getByRole('link', { name: /下载 CSV/ }).getAttribute('href');
      const bytes = new Uint8Array(await (await fetch(new URL(href!, baseUrl))).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes)).toContain('单位名称,统一社会信用代码');
      await expect(page.locator('link[rel="alternate"][href="/credit/lists/wage-arrears/rss.xml"]').count()).resolves.toBe(1);
      const feed = await (await fetch(new URL('/credit/lists/wage-arrears/rss.xml', baseUrl))).text();
      expect(feed).toContain('<rss');
      expect(feed).toContain('<item>');
    } finally {
      await context.close();
    }
  });
});

describe('重大劳动保障违法行为社会公布', () => {
  it('shows a quarter’s publication with the fields of 29号令, browses quarters, and passes axe at 390 px', async () => {
    const { quarters } = await api<{ quarters: { year: number; quarter: number; entries: number }[] }>('/api/v1/major-violations');
    const withEntries = quarters.filter((q) => q.entries > 0);
    expect(withEntries.length).toBeGreaterThanOrEqual(2);
    const { context, page } = await phone({ javaScriptEnabled: false });
    try {
      const q = withEntries[1]!;
      await page.goto(`${baseUrl}/enforcement/major-violations`);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.locator(`.quarter-nav a[href="/enforcement/major-violations?year=${q.year}&quarter=${q.quarter}"]`).click();
      await page.waitForURL(/quarter=/);
      await expect(page.locator('h2').first().textContent()).resolves.toBe(`${q.year}年第${q.quarter}季度：共 ${q.entries} 条`);
      const entry = await page.locator('.list-entries article').first().textContent();
      for (const field of ['统一社会信用代码（或注册号）', '地址', '法定代表人或负责人姓名', '主要违法事实', '相关处理情况'])
        expect(entry).toContain(field);
      await expect(page.locator('main').textContent()).resolves.toContain('公布日期');
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      const href = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
      const bytes = new Uint8Array(await (await fetch(new URL(href!, baseUrl))).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes).trimEnd().split('\r\n')).toHaveLength(q.entries + 1);
    } finally {
      await context.close();
    }
  });

  it('publishes the late district’s quarter from the console: it appears on the public page and in the audit log', async () => {
    // The quarter that ended last, which the demo's late district (延庆区) has not published yet.
    const q = quarterOf(addMonths(today, -3));
    // Any employer will do: the entry is the bureau's, which decided the case.
    const { items } = await api<{ items: { uscc: string; partyName: string }[] }>('/api/v1/penalties?pageSize=1');
    const employer = { uscc: items[0]!.uscc, name: items[0]!.partyName };
    const draft = await fetch(new URL('/api/v1/admin/records', baseUrl), {
      method: 'POST',
      headers: { 'Cf-Access-Jwt-Assertion': tokens.publisher, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        uscc: employer.uscc,
        kind: 'major_violation',
        severity: 'serious',
        title: '重大劳动保障违法行为社会公布',
        decisionNo: `京延人社监罚字〔${q.year}〕第9${q.quarter}号`,
        authority: '北京市延庆区人力资源和社会保障局',
        decidedOn: quarterRange(q).from,
        violationType: '拖欠工资',
        facts: '经查，该单位拖欠 16 名劳动者工资共计 21 万元，经责令限期支付后逾期仍未支付。',
        handling: '已作出行政处罚决定，责令支付拖欠工资并处罚款人民币伍万元整。',
      }),
    });
    expect(draft.status, await draft.clone().text()).toBe(201);

    const { context, page } = await phone({ token: tokens.publisher });
    try {
      await page.goto(`${baseUrl}/admin/major-violations?bureauCode=110119&year=${q.year}&quarter=${q.quarter}`);
      await expect(page.locator('#preview-heading').textContent()).resolves.toBe(
        `北京市延庆区人力资源和社会保障局${q.year}年第${q.quarter}季度`,
      );
      await expect(page.locator('main').textContent()).resolves.toContain(employer.name);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: /^公布/ }).click();
      await page.waitForURL(/done=published/);
      await expect(page.locator('[role="status"]').textContent()).resolves.toContain('已公布');
      await expectNoAxeViolations(page);

      await page.goto(`${baseUrl}/enforcement/major-violations?year=${q.year}&quarter=${q.quarter}`);
      const section = page.locator('section', { has: page.locator('h3', { hasText: '北京市延庆区人力资源和社会保障局' }) });
      await expect(section.textContent()).resolves.toContain(employer.name);
      await expect(section.textContent()).resolves.toContain('责令支付拖欠工资并处罚款人民币伍万元整');
    } finally {
      await context.close();
    }

    const audit = await phone({ token: tokens.admin });
    try {
      await audit.page.goto(
        `${baseUrl}/admin/audit?action=major_violations.publish&target=${encodeURIComponent(`publication:${q.year}Q${q.quarter}-110119`)}`,
      );
      await expect(audit.page.locator('main').textContent()).resolves.toContain('publisher@hrss.example');
    } finally {
      await audit.context.close();
    }
  });
});
