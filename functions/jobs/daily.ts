// The daily cron job (DESIGN.md): archive records whose publication period has ended, each with its
// tombstone in the change log other platforms follow; recompute provisional deadlines once a year's
// holidays are announced; flag objections and repairs that missed a deadline; delete complainants'
// identities past their retention. Public reads already filter by date, so archiving keeps the status
// column honest and tells the copies. Every step is idempotent: a second run the same day changes nothing.
import { getDb } from '../db/client';
import { markOverdueCases } from '../db/queries/admin-cases';
import { auditHead } from '../db/queries/audit';
import { expirePeriodEnded } from '../db/queries/changes';
import { pruneAttempts } from '../db/queries/tracking';
import { pruneDeliveries } from '../db/queries/webhooks';
import { checkpointIfDue } from '../audit/checkpoints';
import { signingKey } from '../auth/secrets';
import { recomputeProvisionalDeadlines } from '../cases/recompute-deadlines';
import { deleteExpiredComplainants, recomputeComplaintDeadlines } from '../complaints/daily';
import { defaultCalendar } from '../domain/calendar-data';
import type { Clock } from '../domain/clock';
import type { WorkingDayCalendar } from '../domain/working-days';

/** How long staff can read a webhook delivery attempt; the platform's own copy and the change log outlive it. */
export const DELIVERY_LOG_DAYS = 90;

export async function runDailyJobs(env: Env, clock: Clock, calendar: WorkingDayCalendar = defaultCalendar) {
  const today = clock.today();
  const db = getDb(env.DB);
  // With their tombstones in the change log, in the same batch (DOMAIN.md §12).
  const expired = await expirePeriodEnded(db, today, clock.now().toISOString());
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
  await pruneDeliveries(db, new Date(clock.now().getTime() - DELIVERY_LOG_DAYS * 86_400_000).toISOString());
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
      expiredRecordIds: expired.slice(0, 100),
      recomputedReferences: recomputed.slice(0, 100),
      overdueReferences: [...overdueObjections, ...overdueRepairs].slice(0, 100),
      auditHead: head,
      checkpoint: checkpoint ? { seq: checkpoint.seq } : null,
    }),
  );
  return summary;
}
