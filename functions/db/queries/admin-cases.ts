// Objections and repairs as staff see them: queues, the case page, and the statements and guards
// decisions are built from (functions/admin/case-decisions.ts runs them in one audited batch).
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { attachments, caseEvents, creditRecords, enterprises, objections, repairs } from '../schema';
import { acceptStageStatuses, decideStageStatuses, openCaseStatuses, type CaseStatus, type RecordStatus } from '../../domain/vocabulary';
import { caseTables } from './cases';
import { statementOf, type Statement } from './audit';
import type { CaseKind } from '../../domain/vocabulary';

export type CaseRow = typeof objections.$inferSelect | typeof repairs.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type RepairRow = typeof repairs.$inferSelect;
export type RecordRow = typeof creditRecords.$inferSelect;

export interface QueueFilter {
  statuses: CaseStatus[];
  /** Only cases whose current due date is on or before this date. */
  dueBy: string | null;
  /** Only cases past their current due date. */
  overdueOnly: boolean;
}

/**
 * The date the current stage is due: acceptance while received (2 working days), the decision
 * once accepted (10 working days from acceptance); none once the case has left the bureau's hands.
 */
function dueExpression(kind: CaseKind): SQL<string | null> {
  const t = caseTables[kind];
  return sql<string | null>`CASE WHEN ${inArray(t.status, [...acceptStageStatuses])} THEN ${t.acceptBy}
    WHEN ${inArray(t.status, [...decideStageStatuses])} THEN ${t.decideBy} END`;
}

export async function listCaseQueue(
  db: Db,
  kind: CaseKind,
  filter: QueueFilter,
  paging: { page: number; pageSize: number },
  today: string,
) {
  const t = caseTables[kind];
  const due = dueExpression(kind);
  const late = sql<number>`coalesce(${due} < ${today}, 0)`;
  const where = and(
    filter.statuses.length ? inArray(t.status, filter.statuses) : undefined,
    filter.dueBy ? sql`${due} <= ${filter.dueBy}` : undefined,
    filter.overdueOnly ? sql`${due} < ${today}` : undefined,
  );
  const [items, [total]] = await db.batch([
    db
      .select({
        reference: t.reference,
        uscc: t.uscc,
        enterpriseName: enterprises.name,
        recordId: t.recordId,
        recordTitle: creditRecords.title,
        status: t.status,
        outcome: t.outcome,
        acceptBy: t.acceptBy,
        decideBy: t.decideBy,
        acceptByProvisional: t.acceptByProvisional,
        decideByProvisional: t.decideByProvisional,
        overdueFlag: t.overdue,
        createdAt: t.createdAt,
        due,
        late,
      })
      .from(t)
      .leftJoin(enterprises, eq(enterprises.uscc, t.uscc))
      .leftJoin(creditRecords, eq(creditRecords.id, t.recordId))
      .where(where)
      // Late cases first, then whatever is due soonest; cases with nothing due last.
      .orderBy(desc(late), sql`${due} IS NULL`, asc(due), asc(t.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { items: items.map((i) => ({ ...i, late: Boolean(i.late) })), total: total?.n ?? 0 };
}

export async function countOpenCases(db: Db, today: string) {
  const counts = async (kind: CaseKind) => {
    const t = caseTables[kind];
    const due = dueExpression(kind);
    const [row] = await db
      .select({ open: count(), late: sql<number>`coalesce(sum(${due} < ${today}), 0)` })
      .from(t)
      .where(inArray(t.status, [...openCaseStatuses]));
    return { open: row?.open ?? 0, late: Number(row?.late ?? 0) };
  };
  const [objection, repair] = await Promise.all([counts('objection'), counts('repair')]);
  return { objection, repair };
}

/** Open cases whose running deadline counts a provisional day (the daily job recomputes them). */
export async function listProvisionalOpenCases(db: Db, kind: CaseKind): Promise<CaseRow[]> {
  const t = caseTables[kind];
  return db
    .select()
    .from(t)
    .where(and(inArray(t.status, [...openCaseStatuses]), sql`(${t.acceptByProvisional} OR ${t.decideByProvisional})`))
    .orderBy(asc(t.id));
}

export async function findStaffCase(db: Db, kind: CaseKind, reference: string): Promise<CaseRow | null> {
  const t = caseTables[kind];
  const [row] = await db.select().from(t).where(eq(t.reference, reference));
  return row ?? null;
}

export async function findRecord(db: Db, id: number): Promise<RecordRow | null> {
  const [row] = await db.select().from(creditRecords).where(eq(creditRecords.id, id));
  return row ?? null;
}

/** Everything the case page shows: the enterprise, the record concerned, files and the timeline with its actors. */
export async function caseContext(db: Db, c: CaseRow) {
  const [enterprise, record, files, timeline] = await db.batch([
    db.select().from(enterprises).where(eq(enterprises.uscc, c.uscc)),
    db.select().from(creditRecords).where(eq(creditRecords.id, c.recordId)),
    db
      .select({
        id: attachments.id,
        role: attachments.role,
        fileName: attachments.fileName,
        contentType: attachments.contentType,
        size: attachments.size,
        sha256: attachments.sha256,
        createdAt: attachments.createdAt,
      })
      .from(attachments)
      .where(eq(attachments.reference, c.reference))
      .orderBy(asc(attachments.id)),
    db.select().from(caseEvents).where(eq(caseEvents.reference, c.reference)).orderBy(asc(caseEvents.at), asc(caseEvents.id)),
  ]);
  return { enterprise: enterprise[0] ?? null, record: record[0] ?? null, attachments: files, timeline };
}

export async function findAttachment(db: Db, id: number) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Statements and guards for decisions

export type CaseOutcome = NonNullable<ObjectionRow['outcome']> | NonNullable<RepairRow['outcome']>;

export interface CaseUpdate {
  status: CaseStatus;
  updatedAt: string;
  outcome?: CaseOutcome;
  outcomeReason?: string | null;
  acceptBy?: string;
  acceptByProvisional?: boolean;
  decideBy?: string;
  decideByProvisional?: boolean;
  acceptedOn?: string;
  /** Repairs only: the date the repair decision was made (listed with 信用修复结果公示). */
  decidedOn?: string;
}

export function updateCaseStatement(db: Db, kind: CaseKind, id: number, set: CaseUpdate): Statement {
  // Which outcome fits which kind is decided by the workflow (functions/admin/case-decisions.ts).
  if (kind === 'objection') {
    const { decidedOn: _repairsOnly, ...rest } = set;
    return statementOf(
      db,
      db
        .update(objections)
        .set(rest as Partial<typeof objections.$inferInsert>)
        .where(eq(objections.id, id)),
    );
  }
  return statementOf(
    db,
    db
      .update(repairs)
      .set(set as Partial<typeof repairs.$inferInsert>)
      .where(eq(repairs.id, id)),
  );
}

/** A timeline entry: `note` is what the company reads; `actor` stays with staff. */
export function caseEventStatement(
  db: Db,
  event: { reference: string; at: string; status: CaseStatus; note: string; actor: string },
): Statement {
  return statementOf(db, db.insert(caseEvents).values(event));
}

export type RecordUpdate = Partial<Omit<RecordRow, 'id' | 'uscc' | 'createdAt' | 'sourceKey'>>;

export function updateRecordStatement(db: Db, id: number, set: RecordUpdate): Statement {
  return statementOf(db, db.update(creditRecords).set(set).where(eq(creditRecords.id, id)));
}

/** The case is still as the decision saw it: same status, untouched since. */
export function caseUnchanged(kind: CaseKind, c: Pick<CaseRow, 'id' | 'status' | 'updatedAt'>): SQL {
  const t = caseTables[kind];
  return sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${c.id} AND ${t.status} = ${c.status} AND ${t.updatedAt} IS ${c.updatedAt})`;
}

/** The record is still as the decision saw it. */
export function recordUnchanged(r: { id: number; status: RecordStatus; updatedAt: string | null }): SQL {
  return sql`EXISTS (SELECT 1 FROM ${creditRecords}
    WHERE ${creditRecords.id} = ${r.id} AND ${creditRecords.status} = ${r.status} AND ${creditRecords.updatedAt} IS ${r.updatedAt})`;
}

/**
 * Flags open cases whose current stage is past due (acceptance while received, the decision once
 * accepted). The flag records that a statutory deadline was missed, so it is never cleared, and a
 * case already flagged is not touched again: running the job twice changes nothing the second time.
 */
export async function markOverdueCases(db: Db, kind: CaseKind, today: string) {
  const t = caseTables[kind];
  const flagged = await db
    .update(t)
    .set({ overdue: true })
    .where(and(eq(t.overdue, false), sql`${dueExpression(kind)} < ${today}`))
    .returning({ reference: t.reference });
  return flagged.map((r) => r.reference);
}
