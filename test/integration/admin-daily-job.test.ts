// The daily scheduled job: archives records past their 公示截止期, recomputes provisional deadlines
// once their year is announced, and flags overdue cases — each once.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { today } from '../fixtures/today';
import { addDays, addMonths } from '../../functions/domain/dates';
import { clockOn } from '../../functions/domain/clock';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { FUTURE_YEAR, SPRING_START, announcedCalendar } from '../fixtures/announced-calendar';
import { caseDeadlines } from '../../functions/domain/case-deadlines';
import { runDailyJobs } from '../../functions/jobs/daily';
import worker from '../../functions/api/worker';

const clock = clockOn(today);
const uscc = makeUscc('MA01RW001');
const ids: Record<string, number> = {};

async function insertCase(
  table: 'objections' | 'repairs',
  reference: string,
  status: string,
  acceptBy: string,
  decideBy: string,
  extra: { createdAt?: string; acceptByProvisional?: boolean; decideByProvisional?: boolean } = {},
) {
  // A record of its own: one open case per record is a database rule.
  const record = await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11) });
  const grounds = table === 'objections' ? ', grounds' : '';
  const value = table === 'objections' ? ", 'wrong_info'" : '';
  await env.DB.prepare(
    `INSERT INTO ${table} (reference, access_code_hash, uscc, record_id, statement, applicant_name, applicant_phone, applicant_email,
       status, accept_by, decide_by, accept_by_provisional, decide_by_provisional, created_at${grounds})
     VALUES (?, 'x', ?, ?, '情况说明十个字以上的内容', '周敏', '13912345678', 'a@example.com', ?, ?, ?, ?, ?, ?${value})`,
  )
    .bind(
      reference,
      uscc,
      record.id,
      status,
      acceptBy,
      decideBy,
      extra.acceptByProvisional ? 1 : 0,
      extra.decideByProvisional ? 1 : 0,
      extra.createdAt ?? clock.now().toISOString(),
    )
    .run();
}
const caseRow = (table: string, reference: string) =>
  env.DB.prepare(`SELECT overdue, accept_by, decide_by, accept_by_provisional, decide_by_provisional FROM ${table} WHERE reference = ?`)
    .bind(reference)
    .first<{ overdue: number; accept_by: string; decide_by: string; accept_by_provisional: number; decide_by_provisional: number }>();

// A case filed far enough ahead that its deadlines fall in a year no notice covers, whatever date the suite runs on:
// the day before 除夕, so that the Spring Festival decides the deadlines.
const FILED_ON = addDays(SPRING_START, -1);
const provisional = caseDeadlines(defaultCalendar, 'objection', { submittedOn: FILED_ON });

/** Later than FUTURE_YEAR: a year that even the announced calendar below leaves unannounced. */
const LATER_FILED_ON = `${FUTURE_YEAR + 1}-06-15`;

/** An open objection filed on `filedOn` (by default the day before 除夕), its deadlines provisional as counted then. */
async function insertProvisionalObjection(reference: string, filedOn = FILED_ON) {
  const deadlines = caseDeadlines(defaultCalendar, 'objection', { submittedOn: filedOn });
  expect(deadlines.acceptBy.provisional && deadlines.decideBy.provisional).toBe(true);
  await insertCase('objections', reference, 'received', deadlines.acceptBy.date, deadlines.decideBy.date, {
    createdAt: `${filedOn}T02:00:00.000Z`,
    acceptByProvisional: true,
    decideByProvisional: true,
  });
}

// Shared and only read: the employer and the live record every case below is about. Each test
// inserts the records and cases its run of the job is to find, so that none relies on another's.
beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京定时任务测试有限公司' });
  ids.live = (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11) })).id;
});

afterEach(() => vi.restoreAllMocks());

describe('runDailyJobs (the cron trigger)', () => {
  it('archives ended records, flags overdue cases, and logs what it did', async () => {
    const ended = (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -12), publishUntil: today })).id;
    const past = addDays(today, -3);
    const future = addDays(today, 5);
    await insertCase('objections', 'YY-2026-AAAAA3', 'received', past, future); // acceptance late
    await insertCase('objections', 'YY-2026-AAAAA4', 'accepted', past, future); // accepted in time, decision not yet due
    await insertCase('objections', 'YY-2026-AAAAA6', 'closed', past, past); // done: never overdue
    await insertCase('repairs', 'XF-2026-AAAAA7', 'accepted', addDays(today, -20), past); // decision late
    await insertCase('repairs', 'XF-2026-AAAAA9', 'received', today, future); // due today: not yet late
    await insertProvisionalObjection('YY-2026-AAAAC7', LATER_FILED_ON); // its year not announced: left as it is

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const summary = await runDailyJobs(env, clock);
    expect(summary).toEqual({
      expiredRecords: 1,
      recomputedDeadlines: 0,
      overdueObjections: 1,
      overdueRepairs: 1,
      deletedComplainantIdentities: 0,
    });
    const status = async (id: number) =>
      (await env.DB.prepare('SELECT status FROM credit_records WHERE id = ?').bind(id).first<{ status: string }>())!.status;
    expect(await status(ended)).toBe('expired');
    expect(await status(ids.live!)).toBe('published');
    expect((await caseRow('objections', 'YY-2026-AAAAA3'))!.overdue).toBe(1);
    expect((await caseRow('objections', 'YY-2026-AAAAA4'))!.overdue).toBe(0);
    expect((await caseRow('objections', 'YY-2026-AAAAA6'))!.overdue).toBe(0);
    expect((await caseRow('repairs', 'XF-2026-AAAAA7'))!.overdue).toBe(1);
    expect((await caseRow('repairs', 'XF-2026-AAAAA9'))!.overdue).toBe(0);
    const line = JSON.parse(log.mock.calls.at(-1)![0] as string);
    expect(line).toMatchObject({
      job: 'daily',
      today,
      expiredRecords: 1,
      overdueObjections: 1,
      overdueRepairs: 1,
      expiredRecordIds: [ended],
      overdueReferences: ['YY-2026-AAAAA3', 'XF-2026-AAAAA7'],
    });
  });

  it('changes nothing when run again', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // Work of its own for the first run: an ended record, a late acceptance and a late decision.
    await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -12), publishUntil: today });
    await insertCase('objections', 'YY-2026-AAAAD3', 'received', addDays(today, -3), addDays(today, 5));
    await insertCase('repairs', 'XF-2026-AAAAD7', 'accepted', addDays(today, -20), addDays(today, -3));
    await runDailyJobs(env, clock);
    expect(await runDailyJobs(env, clock)).toEqual({
      expiredRecords: 0,
      recomputedDeadlines: 0,
      overdueObjections: 0,
      overdueRepairs: 0,
      deletedComplainantIdentities: 0,
    });
  });

  it('runs from the Worker’s scheduled handler on the deployment’s clock', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: clock.now(), cron: '0 18 * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(JSON.parse(log.mock.calls.at(-1)![0] as string)).toMatchObject({ job: 'daily', today, expiredRecords: 0 });
  });
});

describe('runDailyJobs when a year is announced (DOMAIN.md §9: "recomputed, with an audit entry, when the official year is added")', () => {
  it('moves provisional deadlines to the announced calendar, audits the change and tells the company on its timeline', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await insertProvisionalObjection('YY-2026-AAAAC3');
    const calendar = announcedCalendar();
    const fresh = caseDeadlines(calendar, 'objection', { submittedOn: FILED_ON });
    expect(fresh.acceptBy.provisional).toBe(false);
    expect(fresh.acceptBy.date > provisional.acceptBy.date).toBe(true);

    expect(await runDailyJobs(env, clock, calendar)).toMatchObject({ recomputedDeadlines: 1 });
    const row = (await caseRow('objections', 'YY-2026-AAAAC3'))!;
    expect(row).toMatchObject({
      accept_by: fresh.acceptBy.date,
      decide_by: fresh.decideBy.date,
      accept_by_provisional: 0,
      decide_by_provisional: 0,
    });

    const audit = await env.DB.prepare(
      "SELECT actor, before, after FROM audit_log WHERE action = 'objection.deadlines_recomputed' AND target = 'objection:YY-2026-AAAAC3'",
    ).all<{ actor: string; before: string; after: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]!.actor).toBe('system:daily-job');
    expect(JSON.parse(audit.results[0]!.before)).toMatchObject({ acceptBy: provisional.acceptBy.date, acceptByProvisional: true });
    expect(JSON.parse(audit.results[0]!.after)).toMatchObject({ acceptBy: fresh.acceptBy.date, acceptByProvisional: false });

    const events = await env.DB.prepare("SELECT note FROM case_events WHERE reference = 'YY-2026-AAAAC3'").all<{ note: string }>();
    expect(events.results.map((e) => e.note).join('\n')).toMatch(/重新计算：受理期限 .*（预计） → .*日；办结期限/);
  });

  it('leaves a recomputed case alone afterwards, and provisional cases alone while their year is still unannounced', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // A case of its own, recomputed by a first run once its year is announced.
    await insertProvisionalObjection('YY-2026-AAAAC6');
    await runDailyJobs(env, clock, announcedCalendar());
    expect((await caseRow('objections', 'YY-2026-AAAAC6'))!.accept_by_provisional).toBe(0);
    expect(await runDailyJobs(env, clock, announcedCalendar())).toMatchObject({ recomputedDeadlines: 0 });
    const repair = caseDeadlines(defaultCalendar, 'repair', { submittedOn: FILED_ON });
    await insertCase('repairs', 'XF-2026-AAAAC4', 'received', repair.acceptBy.date, repair.decideBy.date, {
      createdAt: `${FILED_ON}T02:00:00.000Z`,
      acceptByProvisional: true,
      decideByProvisional: true,
    });
    const before = await caseRow('repairs', 'XF-2026-AAAAC4');
    expect(await runDailyJobs(env, clock)).toMatchObject({ recomputedDeadlines: 0 });
    expect(await caseRow('repairs', 'XF-2026-AAAAC4')).toEqual(before);
    // Closed again, so that no other test's run of the announced calendar finds this case still open.
    await env.DB.prepare("UPDATE repairs SET status = 'closed' WHERE reference = 'XF-2026-AAAAC4'").run();
  });
});
