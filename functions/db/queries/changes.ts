// The change log (record_changes, DOMAIN.md §12): the statements that write it inside each change's
// own batch, and the reads that serve it — the feed, the cursor a snapshot resumes from, and the
// newest withdrawals and repairs for the site's feeds. A row holds what happened, why, and the
// record as the profile renders it (toPublicRecord, masked) at that moment, so that serving a
// page of 1,000 changes is one range read, with no masking to redo.
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises, recordChanges } from '../schema';
import { sqlStatement, statementOf, type Statement } from './audit';
import { periodEndedWhere, publicRecordWhere } from './public-records';
import { toPublicRecord, type PublicRecord } from './enterprises';
import { changeSeenOn, isTombstone, shareableRecord, tombstoneReason } from '../../domain/changes';
import { EXPIRY_NOTICE } from '../../domain/publication';
import type { ChangeType, RecordKind } from '../../domain/vocabulary';
import { publicRecordDetail } from '../../domain/masking';

export interface LoggedChange {
  at: string;
  type: ChangeType;
  recordId: number;
  uscc: string;
  kind: RecordKind;
  reason: string | null;
  /** Content changes: the record as a copy holds it; null for a tombstone. */
  record: PublicRecord | null;
}

/** The record as another platform's copy holds it: the profile's rendering, without its live states. */
export function sharedRecord(row: typeof creditRecords.$inferSelect, legalRepresentative: string | null, today: string): PublicRecord {
  return shareableRecord(toPublicRecord(row, [], today, () => publicRecordDetail(row, legalRepresentative)));
}

// INSERT OR REPLACE: the record's previous row (unique record_id) is deleted and the new one takes
// the next AUTOINCREMENT cursor, in one statement — the log keeps only the latest word on a record.
const columns = sql`(at, type, record_id, uscc, kind, reason, record, publish_until)`;

/** The rows of changes, for the batch that makes them; any number, in one statement (one JSON parameter). */
export function logChangesStatement(db: Db, changes: LoggedChange[]): Statement {
  const rows = changes.map((c) => ({ ...c, record: c.record && JSON.stringify(c.record), publishUntil: c.record?.publishUntil ?? null }));
  const v = (path: string) => sql.raw(`json_extract(j.value, '$.${path}')`);
  return sqlStatement(
    db,
    sql`INSERT OR REPLACE INTO ${recordChanges} ${columns}
      SELECT ${v('at')}, ${v('type')}, ${v('recordId')}, ${v('uscc')}, ${v('kind')}, ${v('reason')}, ${v('record')}, ${v('publishUntil')}
      FROM json_each(${JSON.stringify(rows)}) AS j ORDER BY j.key`,
  );
}

/** The tombstones of the daily expiry: exactly the rows the job's UPDATE (same condition) marks expired, run before it in its batch. */
export function logExpiryStatement(db: Db, today: string, at: string): Statement {
  const reason = tombstoneReason('expired', { withdrawalReason: null });
  return sqlStatement(
    db,
    sql`INSERT OR REPLACE INTO ${recordChanges} ${columns}
      SELECT ${at}, 'expired', ${creditRecords.id}, ${creditRecords.uscc}, ${creditRecords.kind}, ${reason}, NULL, NULL
      FROM ${creditRecords} WHERE ${periodEndedWhere(today)} ORDER BY ${creditRecords.id}`,
  );
}

/**
 * The daily expiry: records shown in full whose 公示截止期 has come are marked expired, and each gets
 * its tombstone in the same batch (one transaction), so no copy keeps a record the site has dropped.
 */
export async function expirePeriodEnded(db: Db, today: string, at: string): Promise<number[]> {
  const [, expired] = await db.$client.batch<{ id: number }>([
    logExpiryStatement(db, today, at),
    statementOf(
      db,
      db.update(creditRecords).set({ status: 'expired', updatedAt: at }).where(periodEndedWhere(today)).returning({ id: creditRecords.id }),
    ),
  ]);
  return (expired?.results ?? []).map((r) => r.id);
}

/** The cursor of the newest change: a snapshot read after it, plus the feed after it, is the whole public state. */
export async function headCursor(db: Db): Promise<number> {
  const [row] = await db.select({ cursor: sql<number | null>`max(${recordChanges.cursor})` }).from(recordChanges);
  return row?.cursor ?? 0;
}

/** How many changes follow `after`, counted up to `cap` (a platform far behind needs no exact figure). */
export async function changesAfterCount(db: Db, after: number, cap: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(db.select({ one: sql`1` }).from(recordChanges).where(gt(recordChanges.cursor, after)).limit(cap).as('pending'));
  return row?.n ?? 0;
}

/** One item of GET /api/v1/changes: a logged change at its place in the total order (a tombstone's reason says why). */
export type ChangeItem = { cursor: number } & LoggedChange;

/** A change as stored, ready to serve: its content still the JSON text it was written as. */
export type StoredChange = Omit<ChangeItem, 'record'> & { recordJson: string | null };

function seenOn(change: typeof recordChanges.$inferSelect, today: string): StoredChange {
  const content = change.record === null ? null : { status: 'published' as const, publishUntil: change.publishUntil };
  const type = changeSeenOn(change.type, content, today);
  const base = { cursor: change.cursor, at: change.at, type, recordId: change.recordId, uscc: change.uscc, kind: change.kind };
  // Content past its period is given as the expiry the daily job is about to log.
  if (isTombstone(type)) return { ...base, reason: type === change.type ? change.reason : EXPIRY_NOTICE, recordJson: null };
  return { ...base, reason: null, recordJson: change.record };
}

/** A page of the feed as stored: the changes after `after`, oldest first — a range of the primary key and nothing else. */
export async function storedChangesAfter(db: Db, after: number, limit: number, today: string): Promise<StoredChange[]> {
  const rows = await db.select().from(recordChanges).where(gt(recordChanges.cursor, after)).orderBy(asc(recordChanges.cursor)).limit(limit);
  return rows.map((row) => seenOn(row, today));
}

/** The same page with each record parsed (the webhook dispatcher's messages). */
export async function changesAfter(db: Db, after: number, limit: number, today: string): Promise<ChangeItem[]> {
  return (await storedChangesAfter(db, after, limit, today)).map(({ recordJson, ...change }) => ({
    ...change,
    record: recordJson === null ? null : (JSON.parse(recordJson) as PublicRecord),
  }));
}

/**
 * The newest withdrawals and repairs of a kind or of one employer whose notice is still public
 * (publicView 'notice'), newest first, with the party's name: entries of the site's feeds.
 */
export async function recentNotices(db: Db, of: { kinds: RecordKind[] } | { uscc: string }, today: string, limit: number) {
  const scope = 'uscc' in of ? eq(recordChanges.uscc, of.uscc) : inArray(recordChanges.kind, of.kinds);
  return db
    .select({ change: recordChanges, record: creditRecords, partyName: enterprises.name })
    .from(recordChanges)
    .innerJoin(creditRecords, and(eq(creditRecords.id, recordChanges.recordId), publicRecordWhere(today)))
    .innerJoin(enterprises, eq(enterprises.uscc, recordChanges.uscc))
    .where(and(scope, inArray(recordChanges.type, ['withdrawn', 'repaired'])))
    .orderBy(desc(recordChanges.cursor))
    .limit(limit);
}

export type RecentNotice = Awaited<ReturnType<typeof recentNotices>>[number];
