// The demo's 异议申诉 and 信用修复 cases (DOMAIN.md §3, §4): one open objection, one repair in
// progress, one approved repair, each with its tracking timeline. Deadlines come from the site's
// own rule (functions/domain/case-deadlines.ts) over the same working-day calendar.
import type { caseEvents, objections, repairs } from '../../functions/db/schema.ts';
import { caseDeadlines } from '../../functions/domain/case-deadlines.ts';
import { addWorkingDays, type Deadline, type WorkingDayCalendar } from '../../functions/domain/working-days.ts';
import type { CaseKind } from '../../functions/domain/vocabulary.ts';
import { REFERENCE_ALPHABET } from '../../functions/domain/reference.ts';
import { createRng } from './prng.ts';
import { applicant } from './people.ts';
import { beijingInstant, workingDaysBefore, yearOf } from './days.ts';
import type { DemoRole } from './records.ts';

export type ObjectionRow = typeof objections.$inferInsert;
export type RepairRow = typeof repairs.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferInsert;

/**
 * The access code of every demo case. Stored, like any other, only as its PBKDF2 hash
 * (computed once with hashAccessCode from functions/domain/reference.ts).
 */
export const DEMO_ACCESS_CODE = 'DEMA-4679';
const DEMO_ACCESS_CODE_HASH =
  'pbkdf2-sha256$100000$bccc50c4eb3b9a21dbd64dc2df88e6cd$efd482499c5a0858b3b642da8bc0838fb7886fee59f0c84c11c7ca1ec25bfb03';

const STREAM_CASES = 401;
const REVIEWER = 'li.jing@rsj.example.gov.cn';

type Step = { on: string; status: CaseEventRow['status']; note: string | null };

export interface CaseTimeline {
  createdOn: string;
  acceptedOn: string;
  acceptBy: Deadline;
  decideBy: Deadline;
  steps: Step[];
  /** Set once decided. */
  decidedOn: string | null;
}

export type CaseTimelines = Record<DemoRole, CaseTimeline>;

/** The cases are dated just before the "as of" date, whatever year it is (DOMAIN.md §9). */
export function planCaseTimelines(calendar: WorkingDayCalendar, today: string): CaseTimelines {
  const after = (date: string, days: number) => addWorkingDays(calendar, date, days).date;
  const deadlines = (kind: CaseKind, submittedOn: string, acceptedOn: string) => ({
    createdOn: submittedOn,
    acceptedOn,
    ...caseDeadlines(calendar, kind, { submittedOn, acceptedOn }),
  });

  const objectionOn = workingDaysBefore(calendar, today, 5);
  const objectionAccepted = after(objectionOn, 1);

  const repairOn = workingDaysBefore(calendar, today, 3);
  const repairAccepted = after(repairOn, 2);

  const approvedOn = workingDaysBefore(calendar, today, 10);
  const approvedAccepted = after(approvedOn, 1);
  const approvedDecided = after(approvedAccepted, 3);

  return {
    objection: {
      ...deadlines('objection', objectionOn, objectionAccepted),
      decidedOn: null,
      steps: [
        { on: objectionOn, status: 'received', note: null },
        { on: objectionAccepted, status: 'accepted', note: '材料齐全，予以受理' },
        { on: after(objectionAccepted, 1), status: 'in_progress', note: '已转原决定机关核查相关事实' },
      ],
    },
    repairInProgress: {
      ...deadlines('repair', repairOn, repairAccepted),
      decidedOn: null,
      steps: [
        { on: repairOn, status: 'received', note: null },
        { on: repairAccepted, status: 'accepted', note: '材料齐全，予以受理' },
        { on: repairAccepted, status: 'in_progress', note: '正在核实罚款缴纳凭证和整改报告' },
      ],
    },
    repairApproved: {
      ...deadlines('repair', approvedOn, approvedAccepted),
      decidedOn: approvedDecided,
      steps: [
        { on: approvedOn, status: 'received', note: null },
        { on: approvedAccepted, status: 'accepted', note: '材料齐全，予以受理' },
        { on: after(approvedAccepted, 1), status: 'in_progress', note: '正在核实罚款缴纳凭证和整改报告' },
        { on: approvedDecided, status: 'closed', note: '准予信用修复，终止公示' },
      ],
    },
  };
}

export interface CaseSubject {
  recordId: number;
  uscc: string;
}

export interface CaseRows {
  objections: ObjectionRow[];
  repairs: RepairRow[];
  caseEvents: CaseEventRow[];
}

const STATEMENTS: Record<DemoRole, string> = {
  objection:
    '我单位对该处罚决定认定的涉及劳动者人数有异议：实际延长工作时间的为12人而非决定书所列人数，现提交考勤记录和工资支付凭证，请予核查更正。',
  repairInProgress: '我单位已全额缴纳罚款并补缴全部欠缴的社会保险费，整改已完成，现提交缴款凭证、整改报告和信用修复承诺书，申请信用修复。',
  repairApproved: '我单位已于规定期限内缴纳罚款并完成整改，已签署信用修复承诺书，特申请信用修复。',
};

/** Steps fall at plausible office hours, later steps of a day later in the day. */
const stepAt = (timeline: CaseTimeline, k: number) => beijingInstant(timeline.steps[k]!.on, 9 + ((k * 3) % 8), 10 + k * 7);

/** Staff steps carry the reviewer, which is never shown publicly. */
function events(reference: string, timeline: CaseTimeline, firstId: number): CaseEventRow[] {
  return timeline.steps.map((step, k) => ({
    id: firstId + k,
    reference,
    at: stepAt(timeline, k),
    status: step.status,
    note: step.note,
    actor: step.status === 'received' ? null : REVIEWER,
  }));
}

export function caseRows(seed: number, today: string, timelines: CaseTimelines, subjects: Record<DemoRole, CaseSubject>): CaseRows {
  const rng = createRng(seed, STREAM_CASES);
  const reference = (prefix: string, on: string) =>
    `${prefix}-${yearOf(on)}-${Array.from({ length: 6 }, () => rng.pick(Array.from(REFERENCE_ALPHABET))).join('')}`;
  const common = (role: DemoRole, ref: string) => {
    const t = timelines[role];
    const person = applicant(rng);
    return {
      reference: ref,
      accessCodeHash: DEMO_ACCESS_CODE_HASH,
      uscc: subjects[role].uscc,
      recordId: subjects[role].recordId,
      statement: STATEMENTS[role],
      applicantName: person.name,
      applicantPhone: person.phone,
      applicantEmail: person.email,
      acceptBy: t.acceptBy.date,
      decideBy: t.decideBy.date,
      acceptByProvisional: t.acceptBy.provisional,
      decideByProvisional: t.decideBy.provisional,
      acceptedOn: t.acceptedOn,
      idempotencyKey: null,
      overdue: t.decidedOn === null && t.decideBy.date < today,
      createdAt: stepAt(t, 0),
      updatedAt: stepAt(t, t.steps.length - 1),
    };
  };

  const objectionRef = reference('YY', timelines.objection.createdOn);
  const repairRef = reference('XF', timelines.repairInProgress.createdOn);
  const approvedRef = reference('XF', timelines.repairApproved.createdOn);

  const objectionEvents = events(objectionRef, timelines.objection, 1);
  const repairEvents = events(repairRef, timelines.repairInProgress, 1 + objectionEvents.length);
  const approvedEvents = events(approvedRef, timelines.repairApproved, 1 + objectionEvents.length + repairEvents.length);

  return {
    objections: [
      { id: 1, ...common('objection', objectionRef), status: 'in_progress', outcomeReason: null, grounds: 'wrong_info', outcome: null },
    ],
    repairs: [
      { id: 1, ...common('repairInProgress', repairRef), status: 'in_progress', outcomeReason: null, outcome: null, decidedOn: null },
      {
        id: 2,
        ...common('repairApproved', approvedRef),
        status: 'closed',
        outcomeReason: '经审核，该单位已履行行政处罚决定并提交信用修复承诺书，符合信用修复条件，准予信用修复，终止公示。',
        outcome: 'approved',
        decidedOn: timelines.repairApproved.decidedOn,
      },
    ],
    caseEvents: [...objectionEvents, ...repairEvents, ...approvedEvents],
  };
}
