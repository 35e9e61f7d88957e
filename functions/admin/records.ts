// Records entered, published and withdrawn by hand (issue: "Records"). Drafts of penalty decisions
// carry the date by which DOMAIN.md §8 wants them public; withdrawal leaves a notice with the reason.
import { DomainError, validationFailed, type FieldError } from '../domain/errors';
import type { Staff } from '../auth/access';
import type { RecordInput } from './record-input';
import { commitAudited } from '../audit/append';
import type { Db } from '../db/client';
import type { Clock } from '../domain/clock';
import { recordUnchanged, updateRecordStatement, type RecordRow } from '../db/queries/admin-cases';
import { decisionNoInUse, getStaffRecord, insertRecordStatement, nextRecordId, recordIdFree } from '../db/queries/admin-records';
import { findEnterprise } from '../db/queries/enterprises';
import { defaultCalendar } from '../domain/calendar-data';
import { todayInChina } from '../domain/dates';
import { penaltyPublicationDue, penaltySourceKey, recordRuleProblems } from '../domain/import-rows';
import { recordStatusLabels } from '../domain/labels';
import { publicationEnd } from '../domain/publication';

const invalid = (fields: FieldError[]) => validationFailed(fields, '记录内容未通过校验，请按提示修改。');

/** "the 7-working-day publication rule for penalties shown as a due date on drafts" */
export function publicationDueOf(r: Pick<RecordRow, 'kind' | 'status' | 'decidedOn'>): string | null {
  if (r.kind !== 'penalty' || r.status !== 'draft') return null;
  return penaltyPublicationDue(defaultCalendar, r.decidedOn);
}

export function toStaffRecord(r: RecordRow, enterpriseName: string | null, today: string) {
  const publicationDue = publicationDueOf(r);
  const { detail: _detail, samplingResultId: _samplingResultId, ...rest } = r;
  return { ...rest, enterpriseName, publicationDue, publicationLate: publicationDue !== null && publicationDue < today };
}

export type StaffRecordView = ReturnType<typeof toStaffRecord>;

async function requireRecord(db: Db, id: number) {
  const found = await getStaffRecord(db, id);
  if (!found) throw new DomainError('not_found', 'not_found', '没有该编号的信用记录。');
  return found;
}

export async function loadStaffRecord(db: Db, id: number, today: string) {
  const { record, enterpriseName } = await requireRecord(db, id);
  return toStaffRecord(record, enterpriseName, today);
}

/** A new record starts as a draft; it is public only once published. */
export function createRecord(db: Db, clock: Clock, staff: Staff, input: RecordInput): Promise<StaffRecordView> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const at = now.toISOString();
    const enterprise = await findEnterprise(db, input.uscc);
    const fields: FieldError[] = [];
    if (!enterprise) fields.push({ path: 'uscc', message: '没有使用该代码登记的用人单位，请先核对代码' });
    for (const p of recordRuleProblems(
      { kind: input.kind, severity: input.severity, decidedOn: input.decidedOn, penaltyTypes: input.penaltyTypes ?? [] },
      today,
    )) {
      fields.push({ path: p.field, message: p.message });
    }
    // One decision number is one record, whether it came by import or by hand.
    const sourceKey = input.kind === 'penalty' && input.decisionNo ? penaltySourceKey(input.decisionNo) : null;
    if (sourceKey) {
      const existing = await decisionNoInUse(db, input.decisionNo!, sourceKey);
      if (existing !== null) fields.push({ path: 'decisionNo', message: `该决定书文号已有信用记录（编号 ${existing}）` });
    }
    if (fields.length) throw invalid(fields);

    const id = await nextRecordId(db);
    const row = {
      id,
      uscc: input.uscc,
      kind: input.kind,
      severity: input.severity,
      status: 'draft' as const,
      title: input.title,
      decisionNo: input.decisionNo ?? null,
      authority: input.authority,
      decidedOn: input.decidedOn,
      publishUntil: publicationEnd(input.decidedOn, input.severity),
      violationType: input.violationType ?? null,
      facts: input.facts ?? null,
      legalBasis: input.legalBasis ?? null,
      penaltyTypes: input.penaltyTypes ?? null,
      penaltyContent: input.penaltyContent ?? null,
      fineFen: input.fineFen ?? null,
      detail: input.detail ?? null,
      sourceKey,
      createdAt: at,
    };
    return {
      action: 'record.created',
      target: `record:${id}`,
      before: null,
      after: row,
      guards: [recordIdFree(id)],
      statements: [insertRecordStatement(db, row)],
      result: toStaffRecord(
        {
          ...row,
          publishedOn: null,
          samplingResultId: null,
          withdrawnOn: null,
          withdrawalReason: null,
          repairedOn: null,
          correctionNote: null,
          updatedAt: null,
        },
        enterprise!.name,
        today,
      ),
    };
  });
}

export function publishRecord(db: Db, clock: Clock, staff: Staff, id: number): Promise<StaffRecordView> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const at = now.toISOString();
    const { record, enterpriseName } = await requireRecord(db, id);
    if (record.status !== 'draft')
      throw new DomainError('conflict', 'record_state', `该记录当前状态为“${recordStatusLabels[record.status]}”，只有草稿可以发布。`);
    // Checked again at publication: a draft can outlive its period, or the rules can have been tightened.
    const problems = recordRuleProblems(
      { kind: record.kind, severity: record.severity, decidedOn: record.decidedOn, penaltyTypes: record.penaltyTypes ?? [] },
      today,
    );
    if (problems.length) throw invalid(problems.map((p) => ({ path: p.field, message: p.message })));
    const set = { status: 'published' as const, publishedOn: today, updatedAt: at };
    return {
      action: 'record.published',
      target: `record:${id}`,
      before: { status: record.status, publishedOn: record.publishedOn },
      after: { status: set.status, publishedOn: set.publishedOn },
      guards: [recordUnchanged(record)],
      statements: [updateRecordStatement(db, id, set)],
      result: toStaffRecord({ ...record, ...set }, enterpriseName, today),
    };
  });
}

/** DOMAIN.md §2: "withdrawn … with the reason. The public sees a withdrawal notice (tombstone), not silence." */
export function withdrawRecord(db: Db, clock: Clock, staff: Staff, id: number, reason: string): Promise<StaffRecordView> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const at = now.toISOString();
    const { record, enterpriseName } = await requireRecord(db, id);
    if (record.status !== 'published')
      throw new DomainError(
        'conflict',
        'record_state',
        `该记录当前状态为“${recordStatusLabels[record.status]}”，只有公示中的记录可以撤销。`,
      );
    const set = { status: 'withdrawn' as const, withdrawnOn: today, withdrawalReason: reason, updatedAt: at };
    return {
      action: 'record.withdrawn',
      target: `record:${id}`,
      before: { status: record.status, withdrawnOn: record.withdrawnOn, withdrawalReason: record.withdrawalReason },
      after: { status: set.status, withdrawnOn: set.withdrawnOn, withdrawalReason: set.withdrawalReason },
      guards: [recordUnchanged(record)],
      statements: [updateRecordStatement(db, id, set)],
      result: toStaffRecord({ ...record, ...set }, enterpriseName, today),
    };
  });
}
