// A first visit on a phone, without JavaScript: what the pages say and where they lead. The
// scripted demo employers (scripts/seed/showcase.ts) are known by id, from the same generator the
// served database was seeded with (test/e2e/global-setup.ts: 200 enterprises, seed 1, today).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { sitemapPaths } from './site-pages';
import { generateDataset } from '../../scripts/seed/generate';
import { defaultCalendar } from '../../functions/domain/calendar-data';

const baseUrl = inject('baseUrl');
const today = inject('today');
const showcases = [...generateDataset({ seed: 1, enterprises: 30, today, calendar: defaultCalendar }).enterprises()].flat();
const profileOf = (id: number) => `/credit/${showcases[id - 1]!.uscc}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;

async function visit(path: string) {
  const response = await page.goto(`${baseUrl}${path}`);
  await expectNoAxeViolations(page);
  return response!;
}

/** The visible text of the section under the heading `name`. */
const section = (name: string) => page.getByRole('region', { name });

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('an employer profile in plain language', () => {
  it('shows a 一案三书 outcome apart from dishonest information, as not dishonest', async () => {
    await visit(profileOf(8));
    const other = section('其他公开信息（不属于失信信息）');
    await expect(other.getByText('不予行政处罚').first().isVisible()).resolves.toBe(true);
    await expect(other.getByText('非失信信息').first().isVisible()).resolves.toBe(true);
    const dishonest = await section('正在公示的失信信息').innerText();
    expect(dishonest).toContain('目前没有正在公示的失信信息');
    expect(dishonest).not.toContain('不予行政处罚');
  });

  it('states which year the grade covers beside records decided after it', async () => {
    const uscc = showcases[12]!.uscc;
    await visit(profileOf(13));
    const grade = await section('劳动保障守法诚信等级').innerText();
    expect(grade).toMatch(/等级为 \d{4} 年度的评价结果/);
    // The demo grades are of the year before today, and employer 13's penalty is 40 days old: early
    // in January it still falls in the assessed year, and then no later record may be announced.
    const profile = (await (await fetch(`${baseUrl}/api/v1/enterprises/${uscc}`)).json()) as {
      grade: { year: number };
      records: { severity: string; decidedAt: string }[];
    };
    const later = profile.records.filter((r) => r.severity !== 'none' && Number(r.decidedAt.slice(0, 4)) > profile.grade.year);
    if (later.length > 0) expect(grade).toContain(`此后作出的 ${later.length} 条失信记录不在该次评价之内`);
    else expect(grade).not.toContain('此后作出的');
  });

  it('explains grades and tags in a legend, with the same words as the tags', async () => {
    await visit(profileOf(13));
    const legend = page.locator('details.legend');
    await legend.locator('summary').click();
    const text = await legend.innerText();
    for (const word of ['A', 'C', '轻微', '一般', '严重', '公示中', '异议处理中', '修复中']) expect(text).toContain(word);
    const tags = await page.locator('.record-list .tag').allInnerTexts();
    expect(tags).toContain('异议处理中');
  });

  it('offers no second objection while one is open, and no repair while one is in progress', async () => {
    await visit(profileOf(13));
    const objected = page.locator('.record-list article', { has: page.locator('.tag', { hasText: '异议处理中' }) });
    expect(await objected.count()).toBe(1);
    expect(await objected.getByRole('link', { name: /对此记录提出异议/ }).count()).toBe(0);
    await expect(objected.getByText('异议申诉正在办理中').isVisible()).resolves.toBe(true);
    await visit(profileOf(14));
    const repairing = page.locator('.record-list article', { has: page.locator('.tag', { hasText: '修复中' }) });
    expect(await repairing.count()).toBe(1);
    expect(await repairing.getByRole('link', { name: /申请信用修复/ }).count()).toBe(0);
  });

  it('labels a clean 重点检查 result as an inspection, not as a decision', async () => {
    await visit(profileOf(1));
    const record = page.locator('article', { hasText: '重点检查结果：未发现问题' }).first();
    const text = await record.innerText();
    expect(text).toContain('检查日期');
    expect(text).not.toContain('主要违法事实');
    expect(text).not.toContain('决定日期');
    expect(text).not.toContain('双随机抽查结果');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('links each typical case to the profile of the employer it names', async () => {
    await visit('/cases/2026-10-chaoyang-construction-wage-arrears/');
    await page.getByRole('link', { name: '查看该单位的信用信息' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('北京演示恒远建筑劳务有限公司');
    await expectNoAxeViolations(page);
  });
});

describe('the frame of every page', () => {
  it('names the operator, its address and 12333, and has places for the ICP number and 网站标识码', async () => {
    await visit('/');
    const footer = await page.locator('footer').innerText();
    for (const part of ['主办单位：', '地址：', '12333', 'ICP 备案号：', '网站标识码：']) expect(footer).toContain(part);
  });

  it('switches to large, high-contrast text by a link, and back, without JavaScript', async () => {
    await visit('/enforcement/');
    const fontSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    const standard = await fontSize();
    await page.getByRole('link', { name: '大字版' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/enforcement/');
    expect(await fontSize()).toBeGreaterThan(standard * 1.15);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '标准版' }).click();
    await page.waitForLoadState();
    expect(await fontSize()).toBe(standard);
  });

  it('answers an unknown address with a Chinese 404 page that has search and a way home', async () => {
    const response = await visit('/no-such-page/here');
    expect(response.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('页面不存在');
    expect(await page.getByRole('searchbox').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: /返回首页/ }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('shows the latest publications on the home page, each leading to its page', async () => {
    await visit('/');
    const latest = section('最新公开');
    for (const name of ['行政处罚决定', '抽查检查结果', '典型案例']) {
      expect(await latest.getByRole('region', { name }).getByRole('link').count(), name).toBeGreaterThan(0);
    }
    const first = latest.getByRole('region', { name: '抽查检查结果' }).getByRole('link').first();
    await first.click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toMatch(/^\/sampling\//);
  });

  it('keeps the search when the page number in the address is mangled', async () => {
    const response = await visit(`/credit?q=${encodeURIComponent('北京')}&page=abc`);
    expect(response.status()).toBe(200);
    await expect(page.getByText('地址中的页码无效').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: /找到/ }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('统一社会信用代码或单位名称').inputValue()).toBe('北京');
  });
});

describe('for search engines', () => {
  it('has robots.txt pointing at the sitemap and keeping the console out', async () => {
    const response = await fetch(`${baseUrl}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^Sitemap: https?:\/\/[^\s]+\/sitemap-index\.xml$/m);
    expect(text).toMatch(/^Disallow: \/admin/m);
  });

  it('lists each page once in the sitemap, the sampling tasks included', async () => {
    const paths = await sitemapPaths(baseUrl);
    const normal = paths.map((p) => p.replace(/\/$/, '') || '/');
    expect(normal.length).toBe(new Set(normal).size);
    const tasks = (await (await fetch(`${baseUrl}/api/v1/sampling/tasks?pageSize=100`)).json()) as { items: { id: string }[] };
    expect(tasks.items.length).toBeGreaterThan(0);
    for (const t of tasks.items) expect(normal, t.id).toContain(`/sampling/${t.id}`);
  });
});
