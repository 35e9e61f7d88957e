import { DomainError } from '../domain/errors';
import type { Staff } from '../auth/access';
import type { AcceptanceInput, ObjectionDecision, RepairDecision } from './case-input';
import { commitAudited, type AuditedChange } from '../audit/append';
import type { Db } from '../db/client';
import type { Clock } from '../domain/clock';
import {
  caseContext,
  caseEventStatement,
  caseUnchanged,
  findRecord,
  findStaffCase,
  updateCaseStatement,
  type CaseRow,
  type CaseUpdate,
} from '../db/queries/admin-cases';
import type { CaseStatus } from '../domain/vocabulary';
import { defaultCalendar } from '../domain/calendar-data';
import { caseDeadlines } from '../domain/case-deadlines';
import { formatChineseDate, todayInChina } from '../domain/dates';
import { caseStatusLabels } from '../domain/labels';
import { parseReference } from '../domain/reference';
import type { CaseKind } from '../domain/vocabulary';
import { caseSla } from '../domain/case-sla';
import { correction, repairEnd, withdrawal, type RecordChange } from './record-changes';
import { findEnterprise } from '../db/queries/enterprises';

const notFound = () => new DomainError('not_found', 'not_found', '没有找到该办件。');

/** References are typed by people; fold them the way tracking does, and refuse the other kind's. */
export function normalizeCaseReference(kind: CaseKind, input: string): string | null {
  const parsed = parseReference(input);
  return parsed.ok && parsed.kind === kind ? parsed.reference : null;
}

async function requireCase(db: Db, kind: CaseKind, reference: string): Promise<CaseRow> {
  const normalized = normalizeCaseReference(kind, reference);
  const found = normalized ? await findStaffCase(db, kind, normalized) : null;
  if (!found) throw notFound();
  return found;
}

const stateConflict = (c: CaseRow) =>
  new DomainError('conflict', 'case_state', `该办件当前状态为“${caseStatusLabels[c.status]}”，不能作此决定；请刷新页面查看最新情况。`);

/** The case as the console and GET /admin/{kind}s/{reference} show it. */
export async function loadStaffCase(db: Db, kind: CaseKind, reference: string, today: string) {
  const c = await requireCase(db, kind, reference);
  const context = await caseContext(db, c);
  return {
    kind,
    reference: c.reference,
    status: c.status,
    grounds: 'grounds' in c ? c.grounds : null,
    outcome: c.outcome ?? null,
    outcomeReason: c.outcomeReason,
    statement: c.statement,
    applicant: { name: c.applicantName, phone: c.applicantPhone, email: c.applicantEmail },
    acceptBy: c.acceptBy,
    decideBy: c.decideBy,
    acceptByProvisional: c.acceptByProvisional,
    decideByProvisional: c.decideByProvisional,
    acceptedOn: c.acceptedOn,
    overdueFlag: c.overdue,
    createdAt: c.createdAt,
    sla: caseSla(c, today),
    enterprise: context.enterprise ? { uscc: context.enterprise.uscc, name: context.enterprise.name } : null,
    record: context.record,
    attachments: context.attachments.map((a) => ({ ...a, href: `/api/v1/admin/attachments/${a.id}` })),
    timeline: context.timeline.map((e) => ({ at: e.at, status: e.status, note: e.note, actor: e.actor })),
  };
}

export type StaffCaseView = Awaited<ReturnType<typeof loadStaffCase>>;

/** The Beijing date a case was submitted on, from its stored instant. */
export const submittedOn = (c: Pick<CaseRow, 'createdAt'>) => todayInChina(new Date(c.createdAt));

export interface DecisionResult {
  reference: string;
  status: CaseStatus;
  outcome: string | null;
  decideBy: string;
  decideByProvisional: boolean;
}

/** Builds the audited change shared by every decision: case update, public timeline entry, audit target. */
function caseStep(
  db: Db,
  kind: CaseKind,
  c: CaseRow,
  staff: Staff,
  at: string,
  change: Omit<CaseUpdate, 'updatedAt'> & { note: string },
  extra: { action: string; record?: RecordChange },
): AuditedChange<DecisionResult> {
  const { note, ...fields } = change;
  const set: CaseUpdate = { ...fields, updatedAt: at };
  const caseBefore = { status: c.status, outcome: c.outcome ?? null, outcomeReason: c.outcomeReason, decideBy: c.decideBy };
  const caseAfter = { ...caseBefore, ...fields, note };
  return {
    action: extra.action,
    target: `${kind}:${c.reference}`,
    before: extra.record ? { case: caseBefore, record: extra.record.before } : { case: caseBefore },
    after: extra.record ? { case: caseAfter, record: extra.record.after } : { case: caseAfter },
    guards: [caseUnchanged(kind, c), ...(extra.record?.guards ?? [])],
    statements: [
      updateCaseStatement(db, kind, c.id, set),
      caseEventStatement(db, { reference: c.reference, at, status: change.status, note, actor: staff.actor }),
      ...(extra.record?.statements ?? []),
    ],
    result: {
      reference: c.reference,
      status: change.status,
      outcome: change.outcome ?? c.outcome ?? null,
      decideBy: change.decideBy ?? c.decideBy,
      decideByProvisional: change.decideByProvisional ?? c.decideByProvisional,
    },
  };
}

/** "Accepted or rejected for completeness within 2 working days." */
export function decideAcceptance(
  db: Db,
  clock: Clock,
  staff: Staff,
  kind: CaseKind,
  reference: string,
  input: AcceptanceInput,
): Promise<DecisionResult> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const at = now.toISOString();
    const c = await requireCase(db, kind, reference);
    if (c.status !== 'received') throw stateConflict(c);
    if (input.decision === 'accept') {
      // Counted again from the real acceptance, as case-deadlines.ts says.
      const { decideBy } = caseDeadlines(defaultCalendar, kind, { submittedOn: submittedOn(c), acceptedOn: today });
      const when = `${formatChineseDate(decideBy.date)}${decideBy.provisional ? '（预计）' : ''}`;
      return caseStep(
        db,
        kind,
        c,
        staff,
        at,
        {
          status: 'accepted',
          acceptedOn: today,
          decideBy: decideBy.date,
          decideByProvisional: decideBy.provisional,
          note: `申请已受理，将于 ${when}前办结。`,
        },
        { action: `${kind}.accepted` },
      );
    }
    return caseStep(
      db,
      kind,
      c,
      staff,
      at,
      { status: 'not_accepted', outcomeReason: input.reason, note: `申请材料不齐全或不符合受理条件，不予受理。理由：${input.reason}` },
      { action: `${kind}.not_accepted` },
    );
  });
}

export function decideObjection(db: Db, clock: Clock, staff: Staff, reference: string, input: ObjectionDecision): Promise<DecisionResult> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const at = now.toISOString();
    const c = await requireCase(db, 'objection', reference);
    if (c.status !== 'accepted' && c.status !== 'in_progress') throw stateConflict(c);
    const record = await findRecord(db, c.recordId);
    if (!record) throw notFound();

    if (input.outcome === 'kept') {
      return caseStep(
        db,
        'objection',
        c,
        staff,
        at,
        { status: 'closed', outcome: 'kept', outcomeReason: input.reason, note: `经核查，维持原信用记录。理由：${input.reason}` },
        { action: 'objection.kept' },
      );
    }
    if (input.outcome === 'withdrawn') {
      return caseStep(
        db,
        'objection',
        c,
        staff,
        at,
        {
          status: 'closed',
          outcome: 'withdrawn',
          outcomeReason: input.reason,
          note: `经核查，该信用记录已撤销，不再公示。理由：${input.reason}`,
        },
        { action: 'objection.withdrawn', record: withdrawal(db, record, input.reason, today, at) },
      );
    }
    return caseStep(
      db,
      'objection',
      c,
      staff,
      at,
      {
        status: 'closed',
        outcome: 'corrected',
        outcomeReason: input.correctionNote,
        note: `经核查，信用记录已更正。更正说明：${input.correctionNote}`,
      },
      {
        action: 'objection.corrected',
        record: correction(db, record, (await findEnterprise(db, record.uscc)) ?? null, input.changes, input.correctionNote, today, at),
      },
    );
  });
}

export function decideRepair(db: Db, clock: Clock, staff: Staff, reference: string, input: RepairDecision): Promise<DecisionResult> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const at = now.toISOString();
    const c = await requireCase(db, 'repair', reference);
    if (c.status !== 'accepted' && c.status !== 'in_progress') throw stateConflict(c);
    if (input.outcome === 'rejected') {
      return caseStep(
        db,
        'repair',
        c,
        staff,
        at,
        {
          status: 'closed',
          outcome: 'rejected',
          outcomeReason: input.reason,
          decidedOn: today,
          note: `经审核，不予信用修复。理由：${input.reason}`,
        },
        { action: 'repair.rejected' },
      );
    }
    const record = await findRecord(db, c.recordId);
    if (!record) throw notFound();
    // "approved → publication stops (终止公示) and the repair result is published": the record becomes
    // a notice on the profile, and the approved repair with its date appears on /repairs/results.
    const note = input.note?.trim() || null;
    return caseStep(
      db,
      'repair',
      c,
      staff,
      at,
      {
        status: 'closed',
        outcome: 'approved',
        outcomeReason: note,
        decidedOn: today,
        note: `经审核，准予信用修复，该信用记录自 ${formatChineseDate(today)}起终止公示，修复结果已公示。${note ? `说明：${note}` : ''}`,
      },
      { action: 'repair.approved', record: repairEnd(db, record, today, at) },
    );
  });
}
