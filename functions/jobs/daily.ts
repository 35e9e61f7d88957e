// The daily cron job (DESIGN.md): archive records whose publication period has ended, recompute
// provisional deadlines once a year's holidays are announced, flag objections and repairs that
// missed a deadline, and delete complainants' identities past their retention. Public reads already
// filter by date, so archiving only keeps the status column honest. Every step is idempotent: a
// second run the same day changes nothing.
import { getDb } from '../db/client';
import { creditRecords } from '../db/schema';
import { markOverdueCases } from '../db/queries/admin-cases';
import { auditHead } from '../db/queries/audit';
import { periodEndedWhere } from '../db/queries/public-records';
import { pruneAttempts } from '../db/queries/tracking';
import { checkpointIfDue } from '../audit/checkpoints';
import { signingKey } from '../auth/secrets';
import { recomputeProvisionalDeadlines } from '../cases/recompute-deadlines';
import { deleteExpiredComplainants, recomputeComplaintDeadlines } from '../complaints/daily';
import { defaultCalendar } from '../domain/calendar-data';
import type { Clock } from '../domain/clock';
import type { WorkingDayCalendar } from '../domain/working-days';

export async function runDailyJobs(env: Env, clock: Clock, calendar: WorkingDayCalendar = defaultCalendar) {
  const today = clock.today();
  const db = getDb(env.DB);
  const expired = await db
    .update(creditRecords)
    .set({ status: 'expired', updatedAt: clock.now().toISOString() })
    .where(periodEndedWhere(today))
    .returning({ id: creditRecords.id });
  // Before the overdue flags, so that a deadline moved by the announced calendar is judged by its new date.
  const recomputed = [
    ...(await recomputeProvisionalDeadlines(db, clock, calendar)),
    ...(await recomputeComplaintDeadlines(db, clock, calendar)),
  ];
  const overdueObjections = await markOverdueCases(db, 'objection', today);
  const overdueRepairs = await markOverdueCases(db, 'repair', today);
  // DOMAIN.md §8: personal data only as long as the case file needs it.
  const deletedIdentities = await deleteExpiredComplainants(db, clock);
  await pruneAttempts(db, new Date(clock.now().getTime() - 86_400_000).toISOString());
  // A signed checkpoint of the chain's head, published: cutting entries off the end of the audit
  // log or recomputing it, which the chain alone cannot reveal, then shows against it. The head
  // in the Worker's logs is one more copy outside the database.
  const checkpoint = await checkpointIfDue(db, clock, signingKey(env, 'AUDIT_SIGNING_KEY'), 'daily');
  const head = await auditHead(db);
  const summary = {
    expiredRecords: expired.length,
    recomputedDeadlines: recomputed.length,
    overdueObjections: overdueObjections.length,
    overdueRepairs: overdueRepairs.length,
    deletedComplainantIdentities: deletedIdentities.length,
  };
  console.log(
    JSON.stringify({
      job: 'daily',
      today,
      ...summary,
      expiredRecordIds: expired.slice(0, 100).map((r) => r.id),
      recomputedReferences: recomputed.slice(0, 100),
      overdueReferences: [...overdueObjections, ...overdueRepairs].slice(0, 100),
      auditHead: head,
      checkpoint: checkpoint ? { seq: checkpoint.seq } : null,
    }),
  );
  return summary;
}
