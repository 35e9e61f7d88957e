// Hands the change log to the webhook queue, one message per change and platform. The log is the
// outbox: a change is committed first (with its row in record_changes), and this reads it from
// each platform's position, queues it, then moves the position on — so a crash between the two
// sends it again rather than never (at least once; the change's cursor is the idempotency key).
// It runs right after every staff write (functions/api/routes/admin.ts, src/middleware.ts), after
// the daily job, and every minute from the cron trigger, which catches anything the others missed.
import { getDb } from '../db/client';
import { changesAfter, headCursor, type ChangeItem } from '../db/queries/changes';
import { chunkRows } from '../db/queries/admin-imports';
import { advanceSubscription, laggingSubscriptions } from '../db/queries/webhooks';
import type { Clock } from '../domain/clock';

export interface DeliveryMessage {
  subscriptionId: number;
  change: ChangeItem;
}

const PAGE = 100;
/** Per run and platform; the next run goes on from where this one stopped. */
const MAX_PAGES = 20;
/** Queues take at most 100 messages and 256 KB in one sendBatch. */
const BATCH_MESSAGES = 100;
const BATCH_BYTES = 200_000;

/** Queues every change each active platform has not been sent yet; returns how many messages went. */
export async function dispatchChanges(env: Pick<Env, 'DB' | 'WEBHOOKS'>, clock: Clock): Promise<number> {
  const db = getDb(env.DB);
  const head = await headCursor(db);
  let sent = 0;
  for (const subscription of await laggingSubscriptions(db, head)) {
    let cursor = subscription.cursor;
    for (let page = 0; page < MAX_PAGES && cursor < head; page++) {
      const items = await changesAfter(db, cursor, PAGE, clock.today());
      if (items.length === 0) break;
      const wanted = items
        .filter((i) => subscription.events.includes(i.type))
        .map((change) => ({ subscriptionId: subscription.id, change }));
      for (const batch of chunkRows(wanted, BATCH_MESSAGES, BATCH_BYTES))
        await env.WEBHOOKS.sendBatch(batch.map((body) => ({ body, contentType: 'json' as const })));
      sent += wanted.length;
      const last = items.at(-1)!.cursor;
      // Another dispatcher got there first: its messages are queued, ours are duplicates the receiver drops.
      if (!(await advanceSubscription(db, subscription.id, cursor, last))) break;
      cursor = last;
    }
  }
  return sent;
}

/** For waitUntil: a failed dispatch is logged and left to the next run, never an error for the staff member who wrote. */
export function dispatchSoon(env: Pick<Env, 'DB' | 'WEBHOOKS'>, clock: Clock): Promise<void> {
  return dispatchChanges(env, clock).then(
    () => undefined,
    (error) => console.error('webhook dispatch failed; the next run retries', error),
  );
}
