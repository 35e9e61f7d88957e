// The audit log (audit_log): appending under the hash chain, browsing, and reading in id order to verify.
import { and, asc, count, desc, eq, gt, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { bound, compile } from '../compiled';
import { auditCheckpoints, auditLog } from '../schema';
import type { StoredAuditEntry } from '../../domain/audit-chain';
import { canonicalJson } from '../../domain/canonical-json';

// Audited writes are batched on the D1 binding itself: drizzle-orm 0.45's db.batch() throws on raw
// SQL that carries parameters (its SQLiteRaw has no prepared statement), and the audit insert and
// the bulk imports are such SQL. Query builders are turned into the same statements drizzle would run.

export type Statement = D1PreparedStatement;

/** A drizzle insert/update/delete builder as a D1 statement (values mapped as drizzle maps them). */
export function statementOf(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }): Statement {
  const { sql: text, params } = query.toSQL();
  return db.$client.prepare(text).bind(...params);
}

/** Raw SQL (drizzle's `sql` template, so values stay bound parameters) as a D1 statement. */
export function sqlStatement(db: Db, chunk: SQL): Statement {
  return bound(db, compile(chunk), {});
}

export async function latestAuditHash(db: Db): Promise<string | null> {
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.hash ?? null;
}

/** An entry as appended: its content and its hash, the id still to come. */
export type AuditInsert = Omit<StoredAuditEntry, 'id'>;

/**
 * The one way an entry is written. D1 has no interactive transactions, so the predecessor's hash
 * is read before the batch and may be stale by the time the batch runs: a second writer may have
 * chained onto the same predecessor in between. This statement therefore re-checks, inside the
 * batch's transaction, that the newest entry is still `expectedHead` (NULL for an empty log) and
 * that every guard of the caller still holds (e.g. "the case is still in status accepted"); if not,
 * the hash is NULL and the NOT NULL constraint fails the statement — which rolls back the whole
 * batch, the caller's own writes included. D1 runs one write transaction at a time, so two writers
 * can never both pass the check against the same predecessor. The caller re-reads and retries
 * (functions/audit/append.ts); isAuditConflict recognises the failure.
 */
export function appendAuditStatement(db: Db, entry: AuditInsert, expectedHead: string | null, guards: readonly SQL[]): Statement {
  const conditions = [
    sql`(SELECT ${auditLog.hash} FROM ${auditLog} ORDER BY ${auditLog.id} DESC LIMIT 1) IS ${expectedHead}`,
    ...guards.map((g) => sql`(${g})`),
  ];
  const json = (v: unknown) => (v === null || v === undefined ? null : canonicalJson(v));
  return sqlStatement(
    db,
    sql`INSERT INTO ${auditLog} (at, actor, action, target, before, after, prev_hash, hash)
    SELECT ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.target}, ${json(entry.before)}, ${json(entry.after)}, ${entry.prevHash},
      CASE WHEN ${sql.join(conditions, sql` AND `)} THEN ${entry.hash} END`,
  );
}

export function isAuditConflict(error: unknown): boolean {
  const messages: string[] = [];
  for (let e: unknown = error; e && messages.length < 5; e = (e as { cause?: unknown }).cause)
    messages.push(String((e as Error).message ?? e));
  return messages.some((m) => /NOT NULL constraint failed: audit_log\.hash/.test(m));
}

export interface AuditFilter {
  actor: string | null;
  /** Prefix of the target, e.g. `objection:` or `record:42`. */
  target: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

/** The UTC instant of midnight in Beijing at the start of `date` plus `days`. */
const beijingMidnight = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00+08:00`) + days * 86_400_000).toISOString();

export async function listAuditEntries(db: Db, filter: AuditFilter, paging: { page: number; pageSize: number }) {
  const where = and(
    filter.actor ? eq(auditLog.actor, filter.actor) : undefined,
    filter.target ? like(auditLog.target, `${filter.target.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    // Staff think in Beijing dates; entries are stamped in UTC.
    filter.from ? gte(auditLog.at, beijingMidnight(filter.from, 0)) : undefined,
    filter.to ? lt(auditLog.at, beijingMidnight(filter.to, 1)) : undefined,
  );
  const [items, [total]] = await db.batch([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0, ...paging };
}

/** Entries in id order from just after `afterId`, for walking the chain in bounded pages. */
export async function auditEntriesAfter(db: Db, afterId: number, limit: number): Promise<StoredAuditEntry[]> {
  return db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}

export async function auditHead(db: Db) {
  const [row] = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row ?? null;
}

export async function latestCheckpoint(db: Db) {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
  return row ?? null;
}

/** A checkpoint is written once per entry; a second writer for the same head changes nothing. */
export async function insertCheckpoint(db: Db, checkpoint: typeof auditCheckpoints.$inferInsert) {
  await db.insert(auditCheckpoints).values(checkpoint).onConflictDoNothing();
}

export async function listCheckpoints(db: Db) {
  return db
    .select({ seq: auditCheckpoints.seq, hash: auditCheckpoints.hash, at: auditCheckpoints.at, jws: auditCheckpoints.jws })
    .from(auditCheckpoints)
    .orderBy(asc(auditCheckpoints.seq));
}
