// Credit records as staff see them: every status, drafts included, and the statements that create one.
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises } from '../schema';
import type { RecordKind, RecordStatus } from '../../domain/vocabulary';
import { statementOf, type Statement } from './audit';

export interface StaffRecordFilter {
  status: RecordStatus | null;
  kind: RecordKind | null;
  uscc: string | null;
}

export async function listStaffRecords(db: Db, filter: StaffRecordFilter, paging: { page: number; pageSize: number }) {
  const where = and(
    filter.status ? eq(creditRecords.status, filter.status) : undefined,
    filter.kind ? eq(creditRecords.kind, filter.kind) : undefined,
    filter.uscc ? eq(creditRecords.uscc, filter.uscc) : undefined,
  );
  const [rows, [total]] = await db.batch([
    db
      .select({ record: creditRecords, enterprise: { name: enterprises.name, legalRepresentative: enterprises.legalRepresentative } })
      .from(creditRecords)
      .leftJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
      .where(where)
      // Drafts first: they are the ones with a publication deadline running.
      .orderBy(sql`${creditRecords.status} = 'draft' DESC`, desc(creditRecords.decidedOn), desc(creditRecords.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(creditRecords).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getStaffRecord(db: Db, id: number) {
  const [row] = await db
    .select({ record: creditRecords, enterprise: { name: enterprises.name, legalRepresentative: enterprises.legalRepresentative } })
    .from(creditRecords)
    .leftJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
    .where(eq(creditRecords.id, id));
  return row ?? null;
}

export async function countDraftRecords(db: Db) {
  const [row] = await db.select({ n: count() }).from(creditRecords).where(eq(creditRecords.status, 'draft'));
  return row?.n ?? 0;
}

/**
 * The id the next record will get. The audit entry names its target before the batch runs, so the
 * id is chosen here and claimed by the guard `recordIdFree` inside the batch; a concurrent insert
 * fails that guard and the write is re-planned with a fresh id.
 */
export async function nextRecordId(db: Db): Promise<number> {
  const [row] = await db.select({ max: sql<number | null>`max(${creditRecords.id})` }).from(creditRecords);
  return (row?.max ?? 0) + 1;
}

export const recordIdFree = (id: number): SQL => sql`NOT EXISTS (SELECT 1 FROM ${creditRecords} WHERE ${creditRecords.id} = ${id})`;

export function insertRecordStatement(db: Db, row: typeof creditRecords.$inferInsert & { id: number }): Statement {
  return statementOf(db, db.insert(creditRecords).values(row));
}

/** A penalty decision number already used by any record, imported (by source key) or entered by hand. */
export async function decisionNoInUse(db: Db, decisionNo: string, sourceKey: string) {
  const [row] = await db
    .select({ id: creditRecords.id })
    .from(creditRecords)
    .where(and(eq(creditRecords.kind, 'penalty'), or(eq(creditRecords.decisionNo, decisionNo), eq(creditRecords.sourceKey, sourceKey))))
    .limit(1);
  return row?.id ?? null;
}
