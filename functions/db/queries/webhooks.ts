// Platforms registered for webhooks (webhook_subscriptions) and the log of every delivery attempt
// (webhook_deliveries): the statements registration writes in its audited batch, the dispatcher's
// compare-and-set of a platform's position in the change log, and what the console lists.
import { and, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { webhookDeliveries, webhookSubscriptions } from '../schema';
import { statementOf, type Statement } from './audit';
import type { DeliveryOutcome } from '../../domain/vocabulary';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type DeliveryInsert = typeof webhookDeliveries.$inferInsert;

/** As for records (admin-records.ts): the id is chosen before the batch and claimed by the guard inside it. */
export async function nextSubscriptionId(db: Db): Promise<number> {
  const [row] = await db.select({ max: sql<number | null>`max(${webhookSubscriptions.id})` }).from(webhookSubscriptions);
  return (row?.max ?? 0) + 1;
}

export const subscriptionIdFree = (id: number): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM ${webhookSubscriptions} WHERE ${webhookSubscriptions.id} = ${id})`;

export function insertSubscriptionStatement(db: Db, row: typeof webhookSubscriptions.$inferInsert & { id: number }): Statement {
  return statementOf(db, db.insert(webhookSubscriptions).values(row));
}

/** The subscription is still as the change saw it. */
export const subscriptionUnchanged = (s: Pick<SubscriptionRow, 'id' | 'active' | 'updatedAt'>): SQL =>
  sql`EXISTS (SELECT 1 FROM ${webhookSubscriptions} WHERE ${webhookSubscriptions.id} = ${s.id}
    AND ${webhookSubscriptions.active} = ${s.active ? 1 : 0} AND ${webhookSubscriptions.updatedAt} IS ${s.updatedAt})`;

export function setSubscriptionActiveStatement(db: Db, id: number, active: boolean, at: string): Statement {
  return statementOf(db, db.update(webhookSubscriptions).set({ active, updatedAt: at }).where(eq(webhookSubscriptions.id, id)));
}

export async function findSubscription(db: Db, id: number): Promise<SubscriptionRow | null> {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row ?? null;
}

export async function subscriptionsById(db: Db, ids: number[]): Promise<Map<number, SubscriptionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .where(inArray(webhookSubscriptions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active platforms with changes not yet handed to the queue. */
export async function laggingSubscriptions(db: Db, head: number): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), lt(webhookSubscriptions.cursor, head)));
}

/**
 * Moves a platform's position from `from` to `to` only if no other dispatcher moved it first;
 * false when one did (its messages are already queued, ours are the duplicates a receiver drops).
 */
export async function advanceSubscription(db: Db, id: number, from: number, to: number): Promise<boolean> {
  const moved = await db
    .update(webhookSubscriptions)
    .set({ cursor: to })
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.cursor, from)))
    .returning({ id: webhookSubscriptions.id });
  return moved.length === 1;
}

/** Every platform, newest first, with how its last delivery attempt went. */
export async function listSubscriptions(db: Db) {
  const last = db
    .select({
      subscriptionId: webhookDeliveries.subscriptionId,
      lastId: sql<number>`max(${webhookDeliveries.id})`.as('last_id'),
    })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.subscriptionId)
    .as('last');
  return db
    .select({ subscription: webhookSubscriptions, lastDelivery: webhookDeliveries })
    .from(webhookSubscriptions)
    .leftJoin(last, eq(last.subscriptionId, webhookSubscriptions.id))
    .leftJoin(webhookDeliveries, eq(webhookDeliveries.id, last.lastId))
    .orderBy(desc(webhookSubscriptions.id));
}

/** Written by the queue consumer, one row per attempt (a handful per batch, far below the 100-parameter limit). */
export async function recordDeliveries(db: Db, rows: DeliveryInsert[]) {
  if (rows.length > 0) await db.insert(webhookDeliveries).values(rows);
}

export async function listDeliveries(
  db: Db,
  subscriptionId: number,
  filter: { outcome: DeliveryOutcome | null },
  paging: { page: number; pageSize: number },
) {
  const where = and(
    eq(webhookDeliveries.subscriptionId, subscriptionId),
    filter.outcome ? eq(webhookDeliveries.outcome, filter.outcome) : undefined,
  );
  const [items, [total]] = await db.batch([
    db
      .select()
      .from(webhookDeliveries)
      .where(where)
      .orderBy(desc(webhookDeliveries.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  return { items, total: total?.n ?? 0, ...paging };
}

/** Whether the dead-letter queue gave up on this change for this platform (the log says so). */
export async function wasDeadLettered(db: Db, subscriptionId: number, cursor: number): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        eq(webhookDeliveries.cursor, cursor),
        eq(webhookDeliveries.outcome, 'dead'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The delivery log is kept for a while for staff to read, not for ever. */
export async function pruneDeliveries(db: Db, before: string) {
  await db.delete(webhookDeliveries).where(lt(webhookDeliveries.at, before));
}
