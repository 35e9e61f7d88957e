// Every change staff make to a credit record, written one way whether it comes from the records
// console or from an objection or repair decision: the update, the guard that the record is still
// as it was read, what the audit entry shows before and after, and — when the public copy changes —
// the row of the change log other platforms follow (DOMAIN.md §12). Callers put these into their
// audited batch (functions/audit/append.ts), so the change and its log row land together or not at all.
import type { SQL } from 'drizzle-orm';
import { recordUnchanged, updateRecordStatement, type RecordRow, type RecordUpdate } from '../db/queries/admin-cases';
import type { Statement } from '../db/queries/audit';
import type { Db } from '../db/client';
import { logChangesStatement, sharedRecord } from '../db/queries/changes';
import { changeTypeOf, isTombstone, tombstoneReason } from '../domain/changes';
import { DomainError, validationFailed, type FieldError } from '../domain/errors';
import { recordRuleProblems } from '../domain/import-rows';
import { recordStatusLabels } from '../domain/labels';
import { publicationEnd } from '../domain/publication';
import type { RecordCorrection } from './record-input';

export interface RecordChange {
  /** The record as the change found it and as it leaves it, for the audit entry (only the fields touched). */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  guards: SQL[];
  statements: Statement[];
  /** The row as it will be, for the answer. */
  row: RecordRow;
}

const notInState = (record: RecordRow, what: string) =>
  new DomainError('conflict', 'record_state', `该信用记录当前状态为“${recordStatusLabels[record.status]}”，${what}`);

/** The enterprise the record is about, as masking needs it: its legal representative is named, others are not (§8). */
export type Party = { legalRepresentative: string } | null;

function change(db: Db, record: RecordRow, set: RecordUpdate, today: string, at: string, party: Party): RecordChange {
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, record[k as keyof RecordRow] ?? null]));
  const row = { ...record, ...set, updatedAt: at };
  const type = changeTypeOf(record, row, today);
  const shared = type && !isTombstone(type) ? sharedRecord(row, party?.legalRepresentative ?? null, today) : null;
  const logged = type
    ? [
        logChangesStatement(db, [
          { at, type, recordId: row.id, uscc: row.uscc, kind: row.kind, reason: tombstoneReason(type, row), record: shared },
        ]),
      ]
    : [];
  return {
    before: { id: record.id, ...before },
    after: { id: record.id, ...set },
    guards: [recordUnchanged(record)],
    statements: [updateRecordStatement(db, record.id, { ...set, updatedAt: at }), ...logged],
    row,
  };
}

/** A draft becomes public; the rules are checked again, as a draft can outlive its period. */
export function publication(db: Db, record: RecordRow, party: Party, today: string, at: string): RecordChange {
  if (record.status !== 'draft') throw notInState(record, '只有草稿可以发布。');
  // 29号令: published with the bureau's quarterly publication, never one by one (violation-publications.ts).
  if (record.kind === 'major_violation')
    throw new DomainError(
      'conflict',
      'published_by_quarter',
      '重大劳动保障违法行为按季度统一向社会公布，请在“重大违法行为公布”中发布该季度。',
    );
  const problems = recordRuleProblems(
    { kind: record.kind, severity: record.severity, decidedOn: record.decidedOn, penaltyTypes: record.penaltyTypes ?? [] },
    today,
  );
  if (problems.length)
    throw validationFailed(
      problems.map((p) => ({ path: p.field, message: p.message })),
      '记录内容未通过校验，请按提示修改。',
    );
  return change(db, record, { status: 'published', publishedOn: today }, today, at, party);
}

/** DOMAIN.md §2: "withdrawn … with the reason. The public sees a withdrawal notice (tombstone), not silence." */
export function withdrawal(db: Db, record: RecordRow, reason: string, today: string, at: string): RecordChange {
  if (record.status !== 'published') throw notInState(record, '只有公示中的记录可以撤销。');
  return change(db, record, { status: 'withdrawn', withdrawnOn: today, withdrawalReason: reason }, today, at, null);
}

/** DOMAIN.md §3: an approved repair ends publication (终止公示); the public sees that it ended. */
export function repairEnd(db: Db, record: RecordRow, today: string, at: string): RecordChange {
  if (record.status !== 'published') throw notInState(record, '不在公示中，不能终止公示。');
  return change(db, record, { status: 'repaired', repairedOn: today }, today, at, null);
}

const CORRECTABLE: (keyof RecordCorrection)[] = [
  'title',
  'severity',
  'decisionNo',
  'authority',
  'decidedOn',
  'violationType',
  'facts',
  'legalBasis',
  'penaltyTypes',
  'penaltyContent',
  'handling',
  'fineFen',
];

/**
 * DOMAIN.md §4: "corrected (the record is amended, with a correction note)". Checked by the same
 * rules as a new record; the period follows the corrected date and severity.
 */
export function correction(
  db: Db,
  record: RecordRow,
  party: Party,
  changes: RecordCorrection,
  note: string,
  today: string,
  at: string,
): RecordChange {
  if (record.status !== 'published') throw notInState(record, '不在公示中，不能更正。');
  const set: RecordUpdate = {};
  for (const key of CORRECTABLE) if (changes[key] !== undefined) (set as Record<string, unknown>)[key] = changes[key];
  const decidedOn = set.decidedOn ?? record.decidedOn;
  const severity = set.severity ?? record.severity;
  const problems = recordRuleProblems(
    { kind: record.kind, severity, decidedOn, penaltyTypes: set.penaltyTypes ?? record.penaltyTypes ?? [] },
    today,
  );
  if (problems.length) {
    const fields: FieldError[] = problems.map((p) => ({ path: `changes.${p.field}`, message: p.message }));
    throw validationFailed(fields, '更正后的记录不符合公示规则：如公示期已届满，应选择撤销记录。');
  }
  set.publishUntil = publicationEnd(decidedOn, severity);
  set.correctionNote = note;
  return change(db, record, set, today, at, party);
}
