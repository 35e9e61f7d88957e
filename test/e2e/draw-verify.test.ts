import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DrawRecord } from '../../functions/domain/draw';
import { expectNoAxeViolations, launchBrowser } from './browser';

// The public check of a 双随机 draw (DOMAIN.md §7): the verify page re-runs the seeded draw in the
// browser with the site's own algorithm module, and a record altered on the way must not pass.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** A drawn random task of the demo data, found through the public API as any client would. */
async function drawnTask(): Promise<{ id: string; record: DrawRecord }> {
  const list = (await (await fetch(`${baseUrl}/api/v1/sampling/tasks`)).json()) as {
    items: { id: string; kind: string; status: string }[];
  };
  for (const task of list.items.filter((t) => t.kind === 'random' && t.status !== 'planned')) {
    const res = await fetch(`${baseUrl}/api/v1/sampling/tasks/${task.id}/draw`);
    if (res.status === 200) return { id: task.id, record: (await res.json()) as DrawRecord };
  }
  throw new Error('the demo data has no random task with a published draw');
}

/** Opens the verify page and waits until the browser has finished re-running the draw. */
async function verifyPage(page: Page, taskId: string): Promise<void> {
  const res = await page.goto(`${baseUrl}/sampling/${taskId}/verify`);
  expect(res?.status()).toBe(200);
  await page.locator('#verify-status').filter({ hasText: '验证完成' }).waitFor({ timeout: 30_000 });
}

const stratumVerdict = (page: Page, grade: string) => page.locator(`#draw-verify [data-stratum="${grade}"]`).textContent();

describe('verifying a seeded draw in the browser', () => {
  it('re-runs the published draw and finds every stratum and the commitment 一致', async () => {
    const { id, record } = await drawnTask();
    const page = await browser.newPage();
    try {
      await verifyPage(page, id);
      await expect(page.locator('#verify-status').textContent()).resolves.toContain('全部一致');
      for (const stratum of record.strata) await expect(stratumVerdict(page, stratum.grade)).resolves.toBe('一致');
      await expect(page.locator('#draw-verify [data-check="commitment"]').textContent()).resolves.toBe('一致');
      await expectNoAxeViolations(page);
    } finally {
      await page.close();
    }
  });

  it('says 不一致 for the stratum whose published selection was altered', async () => {
    const { id, record } = await drawnTask();
    const stratum = record.strata.find((s) => s.selected.length > 0 && s.candidates.length > s.selected.length);
    if (!stratum) throw new Error(`task ${id} has no stratum with a candidate left undrawn`);
    const page = await browser.newPage();
    try {
      await page.route('**/api/v1/sampling/tasks/*/draw', async (route) => {
        const real = (await (await route.fetch()).json()) as DrawRecord;
        const target = real.strata.find((s) => s.grade === stratum.grade)!;
        target.selected[0] = target.candidates.find((c) => !target.selected.includes(c))!;
        await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(real) });
      });
      await verifyPage(page, id);
      await expect(page.locator('#verify-status').textContent()).resolves.toContain('发现不一致');
      await expect(stratumVerdict(page, stratum.grade)).resolves.toBe('不一致');
      for (const other of record.strata.filter((s) => s.grade !== stratum.grade))
        await expect(stratumVerdict(page, other.grade)).resolves.toBe('一致');
      // The seed is untouched: only the altered selection fails.
      await expect(page.locator('#draw-verify [data-check="commitment"]').textContent()).resolves.toBe('一致');
    } finally {
      await page.close();
    }
  });

  it('publishes the algorithm the page re-runs', async () => {
    const page = await browser.newPage();
    try {
      const res = await page.goto(`${baseUrl}/sampling/algorithm/`);
      expect(res?.status()).toBe(200);
      await expect(page.getByText('hmac-sha256-v1').first().isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await page.close();
    }
  });
});
