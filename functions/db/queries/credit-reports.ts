// Issued 专用信用报告: the row that claims a report number and points at the signed report in FILES,
// and the current state of the records a report listed.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, creditReports } from '../schema';
import type { RecordStatus } from '../../domain/vocabulary';

export type IssuedReportRow = typeof creditReports.$inferSelect;

/** Claims `row.reportNo`; false when another report already holds the number (nothing is written then). */
export async function claimReportNo(db: Db, row: IssuedReportRow): Promise<boolean> {
  const inserted = await db.insert(creditReports).values(row).onConflictDoNothing({ target: creditReports.reportNo }).returning({
    reportNo: creditReports.reportNo,
  });
  return inserted.length === 1;
}

/** Gives a number back when its report could not be stored, so that no row points at nothing. */
export async function releaseReportNo(db: Db, reportNo: string): Promise<void> {
  await db.delete(creditReports).where(eq(creditReports.reportNo, reportNo));
}

export async function findIssuedReport(db: Db, reportNo: string): Promise<IssuedReportRow | null> {
  return (await db.select().from(creditReports).where(eq(creditReports.reportNo, reportNo)).limit(1))[0] ?? null;
}

/** Status and end of publication of each record that still exists, by id (one statement whatever the count). */
export async function recordStates(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { status: RecordStatus; publishUntil: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: creditRecords.id, status: creditRecords.status, publishUntil: creditRecords.publishUntil })
    .from(creditRecords)
    .where(sql`${creditRecords.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((r) => [r.id, { status: r.status, publishUntil: r.publishUntil }]));
}
