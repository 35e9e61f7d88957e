// The daily cron job (DESIGN.md): archive records whose publication period has ended.
// Public reads already filter by date, so this only keeps the status column honest; it is idempotent.
import { and, eq, lte } from 'drizzle-orm';
import { getDb } from '../db/client';
import { creditRecords } from '../db/schema';
import { todayInChina } from '../domain/dates';

export async function runDailyJobs(env: Env, now: Date) {
  const today = todayInChina(now);
  const db = getDb(env.DB);
  const expired = await db
    .update(creditRecords)
    .set({ status: 'expired', updatedAt: now.toISOString() })
    .where(and(eq(creditRecords.status, 'published'), lte(creditRecords.publishUntil, today)))
    .returning({ id: creditRecords.id });
  console.log(JSON.stringify({ job: 'daily', today, expiredRecords: expired.length }));
  return { expiredRecords: expired.length };
}
