// The daily cron job (DESIGN.md): archive records whose publication period has ended, and flag
// objections and repairs that missed a deadline. Public reads already filter by date, so archiving
// only keeps the status column honest. Every step is idempotent: a second run the same day changes nothing.
import { and, eq, lte } from 'drizzle-orm';
import { getDb } from '../db/client';
import { creditRecords } from '../db/schema';
import { markOverdueCases } from '../db/queries/admin-cases';
import { auditHead } from '../db/queries/audit';
import { todayInChina } from '../domain/dates';

export async function runDailyJobs(env: Env, now: Date) {
  const today = todayInChina(now);
  const db = getDb(env.DB);
  const expired = await db
    .update(creditRecords)
    .set({ status: 'expired', updatedAt: now.toISOString() })
    .where(and(eq(creditRecords.status, 'published'), lte(creditRecords.publishUntil, today)))
    .returning({ id: creditRecords.id });
  const overdueObjections = await markOverdueCases(db, 'objection', today);
  const overdueRepairs = await markOverdueCases(db, 'repair', today);
  // The chain head in the Worker's logs is a copy outside the database: cutting entries off the
  // end of the audit log, which the chain alone cannot reveal, shows against it.
  const head = await auditHead(db);
  const summary = {
    expiredRecords: expired.length,
    overdueObjections: overdueObjections.length,
    overdueRepairs: overdueRepairs.length,
  };
  console.log(
    JSON.stringify({
      job: 'daily',
      today,
      ...summary,
      expiredRecordIds: expired.slice(0, 100).map((r) => r.id),
      overdueReferences: [...overdueObjections, ...overdueRepairs].slice(0, 100),
      auditHead: head,
    }),
  );
  return summary;
}
