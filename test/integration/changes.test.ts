// The change log and its feed (DOMAIN.md §12, DESIGN.md "Sync"): every change to a public record —
// publication, correction, withdrawal, repair, expiry — is logged in the batch that makes it, in one
// order, the latest word on each record only, and GET /api/v1/changes hands it out page by page.
import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, bodyOf, profileOf, type ApiErrorBody } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { changeRowsOf, recordChanger } from '../fixtures/record-changes';
import { staffApi } from '../fixtures/staff';
import { today } from '../fixtures/today';
import { addDays, addMonths } from '../../functions/domain/dates';
import { clockOn } from '../../functions/domain/clock';
import { shareableRecord } from '../../functions/domain/changes';
import { EXPIRY_NOTICE, publicationEnd, REPAIR_NOTICE } from '../../functions/domain/publication';
import { runDailyJobs } from '../../functions/jobs/daily';

const uscc = makeUscc('MA01CF001');
let keys: AccessKeys;
let changes: ReturnType<typeof recordChanger>;

const head = async () => (await env.DB.prepare('SELECT coalesce(max(cursor), 0) AS c FROM record_changes').first<{ c: number }>())!.c;

/** Every page of the feed after `after`, followed to the end as a platform would. */
async function feedAfter(after: number, limit = 1000) {
  const items = [];
  for (let cursor = after; ; ) {
    const page = await bodyOf(await api.changes.$get({ query: { after: String(cursor), limit: String(limit) } }), 200);
    items.push(...page.items);
    if (!page.hasMore) return items;
    cursor = page.next;
  }
}

const draft = async (over: Partial<Parameters<typeof insertRecord>[1]> = {}) => {
  const decidedOn = over.decidedOn ?? addMonths(today, -1);
  return (
    await insertRecord(env.DB, {
      uscc,
      status: 'draft',
      publishedOn: null,
      decidedOn,
      penaltyTypes: ['罚款'],
      publishUntil: publicationEnd(decidedOn, over.severity ?? 'general'),
      ...over,
    })
  ).id;
};

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  changes = recordChanger(keys, () => today);
  await insertEnterprise(env.DB, { uscc, name: '北京变更日志测试有限公司', legalRepresentative: '王建国' });
});

afterEach(() => {
  env.TODAY_OVERRIDE = today;
  vi.restoreAllMocks();
});

describe('the change log', () => {
  it('logs a publication in the batch that publishes, the record given as the profile shows it', async () => {
    const id = await draft({ title: '发布测试记录', facts: '拖欠劳动者张三工资 3 万元' });
    const before = await head();
    await changes.publish(id);
    const items = (await feedAfter(before)).filter((i) => i.recordId === id);
    expect(items).toEqual([
      expect.objectContaining({ type: 'published', uscc, kind: 'penalty', reason: null, cursor: expect.any(Number) }),
    ]);
    const shown = (await profileOf(uscc)).records.find((r) => r.id === id)!;
    expect(items[0]!.record).toEqual(shareableRecord(shown));
    // Masked as everywhere the public reads it (DOMAIN.md §8).
    expect(items[0]!.record!.detail).toMatchObject({ facts: '拖欠劳动者张某某工资 3 万元' });
    expect(items[0]!.cursor).toBeGreaterThan(before);
  });

  it("is where the profile reads a record's public detail: masked once, when the record was written", async () => {
    const logged = await draft({ title: '读取日志测试记录', facts: '拖欠劳动者李四工资 2 万元' });
    await changes.publish(logged);
    const shown = async (id: number) => (await profileOf(uscc)).records.find((r) => r.id === id)!.detail;
    expect(await shown(logged)).toMatchObject({ facts: '拖欠劳动者李某某工资 2 万元' });
    // What the profile shows is the log's copy, not a second masking of the row: change the copy and the profile follows.
    await env.DB.prepare(`UPDATE record_changes SET record = json_set(record, '$.detail.facts', '日志中的公开文本') WHERE record_id = ?`)
      .bind(logged)
      .run();
    expect(await shown(logged)).toMatchObject({ facts: '日志中的公开文本' });
    // A record published before the log existed has no copy there, and is masked as it is read.
    const decidedOn = addMonths(today, -1);
    const unlogged = (
      await insertRecord(env.DB, {
        uscc,
        title: '日志之前的记录',
        facts: '拖欠劳动者王五工资',
        decidedOn,
        publishUntil: publicationEnd(decidedOn, 'general'),
      })
    ).id;
    expect(await changeRowsOf([unlogged])).toEqual([]);
    expect(await shown(unlogged)).toMatchObject({ facts: '拖欠劳动者王某某工资' });
  });

  it('keeps only the latest word on a record: a withdrawal replaces the publication, with its reason', async () => {
    const id = await draft();
    await changes.publish(id);
    const [published] = await changeRowsOf([id]);
    await changes.withdraw(id, '该处罚决定已被行政复议决定撤销。');
    const rows = await changeRowsOf([id]);
    expect(rows).toEqual([expect.objectContaining({ type: 'withdrawn', reason: '该处罚决定已被行政复议决定撤销。' })]);
    expect(rows[0]!.cursor).toBeGreaterThan(published!.cursor);
    const item = (await feedAfter(published!.cursor - 1)).find((i) => i.recordId === id);
    expect(item).toMatchObject({ type: 'withdrawn', record: null, reason: '该处罚决定已被行政复议决定撤销。', cursor: rows[0]!.cursor });
  });

  it('logs a correction with the corrected content, and an approved repair as a tombstone (终止公示)', async () => {
    const corrected = await draft({ title: '拖欠 13 名劳动者工资' });
    const repaired = await draft();
    await changes.publish(corrected);
    await changes.publish(repaired);
    const before = await head();
    await changes.correct(uscc, corrected, { title: '拖欠 3 名劳动者工资' }, '拖欠人数更正为 3 人。');
    await changes.repair(uscc, repaired);
    const items = (await feedAfter(before)).filter((i) => i.recordId === corrected || i.recordId === repaired);
    expect(items).toEqual([
      expect.objectContaining({ recordId: corrected, type: 'corrected', reason: null }),
      expect.objectContaining({ recordId: repaired, type: 'repaired', record: null, reason: REPAIR_NOTICE }),
    ]);
    expect(items[0]!.record).toMatchObject({ title: '拖欠 3 名劳动者工资', flags: ['corrected'], repair: null });
    expect(items[0]!.record!.detail).toMatchObject({ correctionNote: '拖欠人数更正为 3 人。' });
  });

  it('never hands out content past its 公示截止期, and the daily job writes the expiry in its own batch', async () => {
    const decidedOn = addDays(addMonths(today, -12), 1);
    const id = await draft({ decidedOn, severity: 'general' });
    const until = publicationEnd(decidedOn, 'general')!;
    expect(until > today).toBe(true);
    await changes.publish(id);
    const [published] = await changeRowsOf([id]);

    // The day it ends, before the job has run: the feed already says expired, as the profile no longer shows it.
    env.TODAY_OVERRIDE = until;
    const early = (await feedAfter(published!.cursor - 1)).find((i) => i.recordId === id);
    expect(early).toMatchObject({ type: 'expired', record: null, reason: EXPIRY_NOTICE, cursor: published!.cursor });

    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await runDailyJobs(env, clockOn(until));
    const status = await env.DB.prepare('SELECT status FROM credit_records WHERE id = ?').bind(id).first<{ status: string }>();
    expect(status!.status).toBe('expired');
    const rows = await changeRowsOf([id]);
    expect(rows).toEqual([expect.objectContaining({ type: 'expired', reason: EXPIRY_NOTICE })]);
    expect(rows[0]!.cursor).toBeGreaterThan(published!.cursor);
  });

  it('writes nothing for a change that is refused, nor for a draft the public never saw', async () => {
    const id = await draft();
    const staff = staffApi(keys, ['admin']);
    expect((await staff('POST', `/records/${id}/withdraw`, { reason: '撤销一份从未公示的草稿。' })).status).toBe(409);
    expect(await changeRowsOf([id])).toEqual([]);
  });

  it('logs records published before the log existed when they change, as any other', async () => {
    // Inserted behind the application's back, as data from before the change log.
    const id = (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11) })).id;
    expect(await changeRowsOf([id])).toEqual([]);
    await changes.withdraw(id);
    expect(await changeRowsOf([id])).toEqual([expect.objectContaining({ type: 'withdrawn' })]);
  });
});

describe('GET /api/v1/changes', () => {
  it('pages in one order: next continues, hasMore says whether to', async () => {
    const ids = [await draft(), await draft(), await draft()];
    const before = await head();
    for (const id of ids) await changes.publish(id);
    const first = await bodyOf(await api.changes.$get({ query: { after: String(before), limit: '2' } }), 200);
    expect(first.items.map((i) => i.recordId)).toEqual(ids.slice(0, 2));
    expect(first).toMatchObject({ next: first.items[1]!.cursor, hasMore: true });
    const rest = await feedAfter(first.next);
    expect(rest.map((i) => i.recordId)).toEqual(ids.slice(2));
    const cursors = [...first.items, ...rest].map((i) => i.cursor);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    // Nothing newer: the same cursor comes back, to ask again later.
    const end = await bodyOf(await api.changes.$get({ query: { after: String(rest.at(-1)!.cursor) } }), 200);
    expect(end).toEqual({ items: [], next: rest.at(-1)!.cursor, hasMore: false });
  });

  it('refuses a malformed cursor or a page over 1,000 with 422 in the error shape', async () => {
    for (const query of ['after=-1', 'after=abc', 'after=1e3', 'limit=0', 'limit=1001', `after=${'9'.repeat(20)}`]) {
      const res = await exports.default.fetch(`http://local/api/v1/changes?${query}`);
      expect(res.status, query).toBe(422);
      expect((await res.json<ApiErrorBody>()).error.code).toBe('validation_failed');
    }
  });
});
