// The daily scheduled job: archives records past their 公示截止期 and flags overdue cases, once.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addDays, addMonths, todayInChina } from '../../functions/domain/dates';
import { runDailyJobs } from '../../functions/jobs/daily';
import worker from '../../functions/api/worker';

const now = new Date();
const today = todayInChina(now);
const uscc = makeUscc('MA01RW001');
const ids: Record<string, number> = {};

async function insertCase(table: 'objections' | 'repairs', reference: string, status: string, acceptBy: string, decideBy: string) {
  const extra = table === 'objections' ? ', grounds' : '';
  const value = table === 'objections' ? ", 'wrong_info'" : '';
  await env.DB.prepare(
    `INSERT INTO ${table} (reference, access_code_hash, uscc, record_id, statement, applicant_name, applicant_phone, applicant_email, status, accept_by, decide_by${extra})
     VALUES (?, 'x', ?, ?, '情况说明十个字以上的内容', '周敏', '13912345678', 'a@example.com', ?, ?, ?${value})`,
  )
    .bind(reference, uscc, ids.live, status, acceptBy, decideBy)
    .run();
}
const overdue = async (table: string, reference: string) => (await env.DB.prepare(`SELECT overdue FROM ${table} WHERE reference = ?`).bind(reference).first<{ overdue: number }>())!.overdue;

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京定时任务测试有限公司' });
  ids.ended = (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -12), publishUntil: today })).id;
  ids.live = (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11) })).id;
  const past = addDays(today, -3);
  const future = addDays(today, 5);
  await insertCase('objections', 'YY-2026-AAAAA3', 'received', past, future); // acceptance late
  await insertCase('objections', 'YY-2026-AAAAA4', 'accepted', past, future); // accepted in time, decision not yet due
  await insertCase('objections', 'YY-2026-AAAAA6', 'closed', past, past); // done: never overdue
  await insertCase('repairs', 'XF-2026-AAAAA7', 'accepted', addDays(today, -20), past); // decision late
  await insertCase('repairs', 'XF-2026-AAAAA9', 'received', today, future); // due today: not yet late
});

afterEach(() => vi.restoreAllMocks());

describe('runDailyJobs (the cron trigger)', () => {
  it('archives ended records, flags overdue cases, and logs what it did', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const summary = await runDailyJobs(env, now);
    expect(summary).toEqual({ expiredRecords: 1, overdueObjections: 1, overdueRepairs: 1 });
    const status = async (id: number) => (await env.DB.prepare('SELECT status FROM credit_records WHERE id = ?').bind(id).first<{ status: string }>())!.status;
    expect(await status(ids.ended!)).toBe('expired');
    expect(await status(ids.live!)).toBe('published');
    expect(await overdue('objections', 'YY-2026-AAAAA3')).toBe(1);
    expect(await overdue('objections', 'YY-2026-AAAAA4')).toBe(0);
    expect(await overdue('objections', 'YY-2026-AAAAA6')).toBe(0);
    expect(await overdue('repairs', 'XF-2026-AAAAA7')).toBe(1);
    expect(await overdue('repairs', 'XF-2026-AAAAA9')).toBe(0);
    const line = JSON.parse(log.mock.calls.at(-1)![0] as string);
    expect(line).toMatchObject({ job: 'daily', today, expiredRecords: 1, overdueObjections: 1, overdueRepairs: 1, expiredRecordIds: [ids.ended], overdueReferences: ['YY-2026-AAAAA3', 'XF-2026-AAAAA7'] });
  });

  it('changes nothing when run again', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runDailyJobs(env, now)).toEqual({ expiredRecords: 0, overdueObjections: 0, overdueRepairs: 0 });
  });

  it('runs from the Worker’s scheduled handler', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '0 18 * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(JSON.parse(log.mock.calls.at(-1)![0] as string)).toMatchObject({ job: 'daily', today, expiredRecords: 0 });
  });
});
