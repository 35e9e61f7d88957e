// Counting tracking attempts (functions/domain/tracking-limits.ts). The count is one statement, so
// of any number of concurrent attempts each gets its own number and no two pass as the same one.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { trackingAttempts } from '../schema';

/** Counts one more attempt for `key` in `window` and answers how many there have been. */
export async function countAttempt(db: Db, key: string, window: string): Promise<number> {
  const [row] = await db
    .insert(trackingAttempts)
    .values({ key, window, count: 1 })
    .onConflictDoUpdate({ target: [trackingAttempts.key, trackingAttempts.window], set: { count: sql`${trackingAttempts.count} + 1` } })
    .returning({ count: trackingAttempts.count });
  return row?.count ?? 1;
}

export async function clearAttempts(db: Db, key: string, window: string) {
  await db.delete(trackingAttempts).where(and(eq(trackingAttempts.key, key), eq(trackingAttempts.window, window)));
}

/** Windows that have ended hold nothing anyone needs (the daily job clears them). */
export async function pruneAttempts(db: Db, before: string) {
  await db.delete(trackingAttempts).where(lt(trackingAttempts.window, before));
}
