// Records entered, published and withdrawn by hand (issue: "Records"). Drafts of penalty decisions
// carry the date by which DOMAIN.md §8 wants them public; withdrawal leaves a notice with the reason.
import { DomainError, validationFailed, type FieldError } from '../domain/errors';
import type { Staff } from '../auth/access';
import type { RecordInput } from './record-input';
import { commitAudited } from '../audit/append';
import type { Db } from '../db/client';
import type { Clock } from '../domain/clock';
import type { RecordRow } from '../db/queries/admin-cases';
import { decisionNoInUse, getStaffRecord, insertRecordStatement, nextRecordId, recordIdFree } from '../db/queries/admin-records';
import { findEnterprise } from '../db/queries/enterprises';
import { defaultCalendar } from '../domain/calendar-data';
import { todayInChina } from '../domain/dates';
import { penaltyPublicationDue, penaltySourceKey, recordRuleProblems } from '../domain/import-rows';
import { publicationEnd } from '../domain/publication';
import { publicRecordDetail } from '../domain/masking';
import { publication, withdrawal, type RecordChange } from './record-changes';

const invalid = (fields: FieldError[]) => validationFailed(fields, '记录内容未通过校验，请按提示修改。');

/** "the 7-working-day publication rule for penalties shown as a due date on drafts" */
export function publicationDueOf(r: Pick<RecordRow, 'kind' | 'status' | 'decidedOn'>): string | null {
  if (r.kind !== 'penalty' || r.status !== 'draft') return null;
  return penaltyPublicationDue(defaultCalendar, r.decidedOn);
}

/**
 * What the public will read of the record's statements where masking changes them (DOMAIN.md §8:
 * persons other than the responsible ones become 张某某), so staff see it before they publish.
 */
function maskedForPublic(
  r: Omit<RecordRow, 'decisionNoKey'>,
  legalRepresentative: string | null,
): { facts: string | null; penaltyContent: string | null } | null {
  const shown = publicRecordDetail(r, legalRepresentative);
  const facts = typeof shown.facts === 'string' ? shown.facts : null;
  const penaltyContent = typeof shown.penaltyContent === 'string' ? shown.penaltyContent : null;
  return facts !== r.facts || penaltyContent !== r.penaltyContent ? { facts, penaltyContent } : null;
}

export type StaffRecordEnterprise = { name: string; legalRepresentative: string } | null;

/** A record as staff see it; `decisionNoKey` is a generated column, absent from a row about to be inserted. */
type StaffRecordSource = Omit<RecordRow, 'decisionNoKey'> & { decisionNoKey?: string | null };

export function toStaffRecord(r: StaffRecordSource, enterprise: StaffRecordEnterprise, today: string) {
  const publicationDue = publicationDueOf(r);
  const { detail: _detail, samplingResultId: _samplingResultId, decisionNoKey: _key, ...rest } = r;
  return {
    ...rest,
    enterpriseName: enterprise?.name ?? null,
    publicationDue,
    publicationLate: publicationDue !== null && publicationDue < today,
    maskedForPublic: maskedForPublic(r, enterprise?.legalRepresentative ?? null),
  };
}

export type StaffRecordView = ReturnType<typeof toStaffRecord>;

async function requireRecord(db: Db, id: number) {
  const found = await getStaffRecord(db, id);
  if (!found) throw new DomainError('not_found', 'not_found', '没有该编号的信用记录。');
  return found;
}

export async function loadStaffRecord(db: Db, id: number, today: string) {
  const { record, enterprise } = await requireRecord(db, id);
  return toStaffRecord(record, enterprise, today);
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
      handling: input.handling ?? null,
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
          publicationId: null,
          withdrawnOn: null,
          withdrawalReason: null,
          repairedOn: null,
          correctionNote: null,
          updatedAt: null,
        },
        enterprise ?? null,
        today,
      ),
    };
  });
}

export function publishRecord(db: Db, clock: Clock, staff: Staff, id: number): Promise<StaffRecordView> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const { record, enterprise } = await requireRecord(db, id);
    const change = publication(db, record, enterprise, todayInChina(now), now.toISOString());
    return recordStep('record.published', change, enterprise, todayInChina(now));
  });
}

/** DOMAIN.md §2: "withdrawn … with the reason. The public sees a withdrawal notice (tombstone), not silence." */
export function withdrawRecord(db: Db, clock: Clock, staff: Staff, id: number, reason: string): Promise<StaffRecordView> {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const { record, enterprise } = await requireRecord(db, id);
    const change = withdrawal(db, record, reason, todayInChina(now), now.toISOString());
    return recordStep('record.withdrawn', change, enterprise, todayInChina(now));
  });
}

function recordStep(action: string, change: RecordChange, enterprise: StaffRecordEnterprise, today: string) {
  const { row, before, after, guards, statements } = change;
  return { action, target: `record:${row.id}`, before, after, guards, statements, result: toStaffRecord(row, enterprise, today) };
}
