// One rule of what the public sees (functions/domain/publication.ts, publicView): every surface
// that reads credit records for the public, and the daily job, agree on it for each record status
// and for a record past its 公示截止期.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { api, bodyOf, openDataJson, profileOf } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { today } from '../fixtures/today';
import { addMonths } from '../../functions/domain/dates';
import { clockOn } from '../../functions/domain/clock';
import { publicView, type PublicView } from '../../functions/domain/publication';
import { runDailyJobs } from '../../functions/jobs/daily';
import type { RecordStatus } from '../../functions/domain/vocabulary';

const uscc = makeUscc('MA01KJ001');

/** One penalty per case of the rule: each status within its period, and three past it. */
const cases: { label: string; status: RecordStatus; ended: boolean }[] = [
  { label: 'draft', status: 'draft', ended: false },
  { label: 'published', status: 'published', ended: false },
  { label: 'withdrawn', status: 'withdrawn', ended: false },
  { label: 'repaired', status: 'repaired', ended: false },
  { label: 'expired', status: 'expired', ended: true },
  { label: 'published, period ended', status: 'published', ended: true },
  { label: 'withdrawn, period ended', status: 'withdrawn', ended: true },
  { label: 'repaired, period ended', status: 'repaired', ended: true },
];
const ids = new Map<string, number>();
const expected = new Map<number, PublicView>();

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京公示规则测试有限公司' });
  for (const [i, c] of cases.entries()) {
    const publishUntil = c.ended ? today : addMonths(today, 6);
    const row = await insertRecord(env.DB, {
      uscc,
      status: c.status,
      decisionNo: `京朝人社监罚字〔2026〕第 ${700 + i} 号`,
      decidedOn: addMonths(today, -6),
      publishUntil,
      facts: `可见性测试事实 ${i}`,
      withdrawnOn: c.status === 'withdrawn' ? addMonths(today, -1) : null,
      withdrawalReason: c.status === 'withdrawn' ? '原处罚决定被撤销' : null,
      repairedOn: c.status === 'repaired' ? addMonths(today, -1) : null,
    });
    ids.set(c.label, row.id);
    expected.set(row.id, publicView({ status: c.status, publishUntil }, today));
  }
});

const shownAs = (entries: { id: number; notice: boolean }[]) => new Map(entries.map((e) => [e.id, e.notice ? 'notice' : 'full']));
const expectedShown = () => new Map([...expected].filter(([, v]) => v !== null));

describe('what the public sees of a record (DOMAIN.md §2, §3 — publicView)', () => {
  it('is, by the rule: published in full; withdrawn and repaired as notices; drafts, expired and ended records not at all', () => {
    expect(Object.fromEntries(cases.map((c) => [c.label, expected.get(ids.get(c.label)!)]))).toEqual({
      draft: null,
      published: 'full',
      withdrawn: 'notice',
      repaired: 'notice',
      expired: null,
      'published, period ended': null,
      'withdrawn, period ended': null,
      'repaired, period ended': null,
    });
  });

  it('is what the profile shows, notices without detail', async () => {
    const body = await profileOf(uscc);
    expect(shownAs(body.records.map((r) => ({ id: r.id, notice: r.notice !== null })))).toEqual(expectedShown());
    for (const r of body.records) if (r.notice) expect(r.detail).toBeNull();
  });

  it('is what the search counts as negative records: those shown in full', async () => {
    const body = await bodyOf(await api.enterprises.$get({ query: { q: uscc } }), 200);
    expect(body.items[0]!.negativeRecords).toBe([...expected.values()].filter((v) => v === 'full').length);
  });

  it('is what the penalties list shows', async () => {
    const body = await bodyOf(await api.penalties.$get({ query: { q: uscc, pageSize: '50' } }), 200);
    expect(shownAs(body.items.map((p) => ({ id: p.id, notice: p.status !== 'published' })))).toEqual(expectedShown());
    for (const p of body.items) if (p.status !== 'published') expect(p.facts).toBeNull();
  });

  it('is what open data exports', async () => {
    const body = await openDataJson('penalties');
    const mine = body.items.filter((p) => p.uscc === uscc);
    expect(shownAs(mine.map((p) => ({ id: p.id, notice: p.status !== 'published' })))).toEqual(expectedShown());
  });

  it('is what the daily job leaves published: it archives exactly the records shown in full until their period ended', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await runDailyJobs(env, clockOn(today));
    vi.restoreAllMocks();
    const rows = await env.DB.prepare('SELECT id, status, publish_until FROM credit_records WHERE uscc = ?')
      .bind(uscc)
      .all<{ id: number; status: RecordStatus; publish_until: string }>();
    for (const row of rows.results) {
      // The job changes status only where the view was already nothing, so what the public sees stays the same.
      expect(publicView({ status: row.status, publishUntil: row.publish_until }, today), String(row.id)).toBe(expected.get(row.id));
      if (row.id === ids.get('published, period ended')) expect(row.status).toBe('expired');
      else expect(row.status).toBe(cases.find((c) => ids.get(c.label) === row.id)!.status);
    }
    const profile = await profileOf(uscc);
    expect(shownAs(profile.records.map((r) => ({ id: r.id, notice: r.notice !== null })))).toEqual(expectedShown());
  });
});
