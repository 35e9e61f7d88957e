// The complaint steps of the daily job: provisional deadlines recounted, with an audit entry and a
// timeline note, when the year is announced (DOMAIN.md §9); complainants' identities deleted once
// the retention period after closing has passed (§8), the case itself kept.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { announcedCalendar, SPRING_START } from '../fixtures/announced-calendar';
import { auditRows } from '../fixtures/staff';
import { today } from '../fixtures/today';
import { getDb } from '../../functions/db/client';
import { complaintComplainants, complaints } from '../../functions/db/schema';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { clockOn } from '../../functions/domain/clock';
import { complaintAcceptBy, complaintInvestigateBy } from '../../functions/domain/complaint-rules';
import { addDays, addMonths } from '../../functions/domain/dates';
import { runDailyJobs } from '../../functions/jobs/daily';

const db = getDb(env.DB);
const clock = clockOn(today);

async function insertComplaint(reference: string, row: Partial<typeof complaints.$inferInsert>, named = true) {
  const [inserted] = await db
    .insert(complaints)
    .values({
      reference,
      accessCodeHash: 'x',
      kind: 'complaint',
      category: 'unpaid_wages',
      employerName: '北京定时任务投诉测试有限公司',
      employerKey: 'name:北京定时任务投诉测试有限公司',
      violationFrom: addMonths(today, -2),
      facts: '拖欠三个月工资共计两万元，多次讨要未果。',
      receivedOn: today,
      acceptBy: today,
      ...row,
    })
    .returning();
  if (named)
    await db
      .insert(complaintComplainants)
      .values({ complaintId: inserted!.id, name: '钟点工', phone: '13811112222', contactHash: reference });
  return inserted!;
}
const reread = async (id: number) => db.select().from(complaints).where(eq(complaints.id, id)).get();
const events = async (id: number) =>
  (await env.DB.prepare('SELECT status, note, actor FROM complaint_events WHERE complaint_id = ? ORDER BY id').bind(id).all()).results;

describe('the daily job and complaints', () => {
  it('recounts provisional acceptance and investigation deadlines against the announced year, audited and told', async () => {
    const receivedOn = addDays(SPRING_START, -1);
    const accept = complaintAcceptBy(defaultCalendar, receivedOn);
    const filedOn = addDays(SPRING_START, -40);
    const investigate = complaintInvestigateBy(defaultCalendar, filedOn, false);
    expect(accept.provisional && investigate.provisional).toBe(true);
    const received = await insertComplaint('TS-2026-DJ3333', { receivedOn, acceptBy: accept.date, acceptByProvisional: true });
    const accepted = await insertComplaint('TS-2026-DJ4444', {
      status: 'accepted',
      receivedOn: filedOn,
      acceptBy: filedOn,
      filedOn,
      investigateBy: investigate.date,
      investigateByProvisional: true,
    });

    const calendar = announcedCalendar();
    const summary = await runDailyJobs(env, clock, calendar);
    expect(summary.recomputedDeadlines).toBeGreaterThanOrEqual(2);
    const freshAccept = complaintAcceptBy(calendar, receivedOn);
    const freshInvestigate = complaintInvestigateBy(calendar, filedOn, false);
    expect(freshAccept.date > accept.date && !freshAccept.provisional).toBe(true);
    expect(await reread(received.id)).toMatchObject({ acceptBy: freshAccept.date, acceptByProvisional: false });
    expect(await reread(accepted.id)).toMatchObject({
      investigateBy: freshInvestigate.date,
      investigateByProvisional: freshInvestigate.provisional,
    });
    expect((await events(accepted.id)).at(-1)).toMatchObject({
      status: 'accepted',
      note: expect.stringContaining('调查期限按正式安排重新计算'),
    });
    const audited = (await auditRows()).filter((r) => r.action === 'complaint.deadlines_recomputed').map((r) => r.target);
    expect(audited).toEqual(expect.arrayContaining(['complaint:TS-2026-DJ3333', 'complaint:TS-2026-DJ4444']));
    // Once counted, the next run finds nothing to move.
    expect((await runDailyJobs(env, clock, calendar)).recomputedDeadlines).toBe(0);
  });

  it('deletes the identity of a case closed more than 3 years ago, with an audit entry, and keeps the case', async () => {
    const old = await insertComplaint('TS-2026-DJ6666', {
      status: 'closed',
      closedOn: addDays(addMonths(today, -36), -1),
      outcome: '已办结',
    });
    const recent = await insertComplaint('TS-2026-DJ7777', {
      status: 'closed',
      closedOn: addDays(addMonths(today, -36), 1),
      outcome: '已办结',
    });
    const summary = await runDailyJobs(env, clock);
    expect(summary.deletedComplainantIdentities).toBe(1);
    const identities = await db.select().from(complaintComplainants);
    expect(identities.map((i) => i.complaintId)).toContain(recent.id);
    expect(identities.map((i) => i.complaintId)).not.toContain(old.id);
    expect(await reread(old.id)).toMatchObject({ status: 'closed', reference: 'TS-2026-DJ6666' });
    const entry = (await auditRows()).find((r) => r.action === 'complaint.identity_deleted')!;
    expect(entry).toMatchObject({ target: 'complaint:TS-2026-DJ6666', actor: 'system:daily-job' });
    expect(`${entry.before}${entry.after}`).not.toContain('钟点工');
    expect((await runDailyJobs(env, clock)).deletedComplainantIdentities).toBe(0);
  });
});
