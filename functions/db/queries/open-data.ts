// Bulk reads for open data. Rows are read in keyset pages so a download of any size streams
// through the Worker in bounded memory and bounded D1 response sizes.
import { and, asc, count, desc, eq, gt, lte } from 'drizzle-orm';
import { publicRecordWhere } from './public-records';
import type { Db } from '../client';
import { toPublicPenalty } from './penalties';
import { toPublicRecord } from './enterprises';
import { creditRecords, enterprises, recordChanges, repairs, samplingResults } from '../schema';
import { shareableRecord } from '../../domain/changes';
import { publicRecordDetail } from '../../domain/masking';

const PAGE = 1000;

/** What a keyset stream yields. */
type RowOf<F extends (...args: never[]) => AsyncIterable<unknown>> = ReturnType<F> extends AsyncIterable<infer T> ? T : never;

async function* keyset<T extends { id: number }>(fetchPage: (afterId: number) => Promise<T[]>): AsyncGenerator<T> {
  let after = 0;
  for (;;) {
    const rows = await fetchPage(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export function publishedSamplingResults(db: Db, today: string) {
  return keyset((after) =>
    db
      .select()
      .from(samplingResults)
      .where(and(gt(samplingResults.id, after), lte(samplingResults.publishedOn, today)))
      .orderBy(asc(samplingResults.id))
      .limit(PAGE),
  );
}

export function publicPenalties(db: Db, today: string) {
  return keyset(async (after) =>
    (
      await db
        .select({ record: creditRecords, party: { name: enterprises.name, legalRepresentative: enterprises.legalRepresentative } })
        .from(creditRecords)
        .innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
        .where(and(gt(creditRecords.id, after), eq(creditRecords.kind, 'penalty'), publicRecordWhere(today)))
        .orderBy(asc(creditRecords.id))
        .limit(PAGE)
    ).map((row) => toPublicPenalty(row.record, row.party, today)),
  );
}

/**
 * 双公示 (DOMAIN.md §12): the decisions shown in full only — a withdrawn or repaired one is no longer
 * shared at all (36号 停止共享和使用), its tombstone travels through the change feed instead.
 */
export function sgsPenalties(db: Db, today: string) {
  return keyset(async (after) =>
    (
      await db
        .select({ record: creditRecords, party: { name: enterprises.name, legalRepresentative: enterprises.legalRepresentative } })
        .from(creditRecords)
        .innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
        .where(and(gt(creditRecords.id, after), eq(creditRecords.kind, 'penalty'), publicRecordWhere(today, 'full')))
        .orderBy(asc(creditRecords.id))
        .limit(PAGE)
    ).map((row) => ({
      ...toPublicPenalty(row.record, row.party, today),
      legalRepresentative: row.party.legalRepresentative,
      correctionNote: row.record.correctionNote,
    })),
  );
}

export type SgsPenalty = RowOf<typeof sgsPenalties>;

/**
 * Every public record of every kind, as a copy holds it (the change feed's `record`), with the
 * cursor of the record's latest logged change: what a platform starts its copy from.
 */
export function publicRecordsSnapshot(db: Db, today: string) {
  return keyset(async (after) =>
    (
      await db
        .select({
          record: creditRecords,
          party: { name: enterprises.name, legalRepresentative: enterprises.legalRepresentative },
          cursor: recordChanges.cursor,
        })
        .from(creditRecords)
        .innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
        .leftJoin(recordChanges, eq(recordChanges.recordId, creditRecords.id))
        .where(and(gt(creditRecords.id, after), publicRecordWhere(today)))
        .orderBy(asc(creditRecords.id))
        .limit(PAGE)
    ).map((row) => ({
      id: row.record.id,
      uscc: row.record.uscc,
      enterpriseName: row.party.name,
      cursor: row.cursor ?? 0,
      record: shareableRecord(toPublicRecord(row.record, [], today, () => publicRecordDetail(row.record, row.party.legalRepresentative))),
    })),
  );
}

export type SnapshotRecord = RowOf<typeof publicRecordsSnapshot>;

/** 信用修复结果公示: approved repairs, with the enterprise and the record whose publication stopped. */
export async function listPublishedRepairs(db: Db, paging: { page: number; pageSize: number } | { afterId: number; limit: number }) {
  const base = db
    .select({
      id: repairs.id,
      uscc: repairs.uscc,
      enterpriseName: enterprises.name,
      recordId: repairs.recordId,
      recordTitle: creditRecords.title,
      decisionNo: creditRecords.decisionNo,
      decidedOn: repairs.decidedOn,
      outcome: repairs.outcome,
    })
    .from(repairs)
    .innerJoin(enterprises, eq(enterprises.uscc, repairs.uscc))
    .innerJoin(creditRecords, eq(creditRecords.id, repairs.recordId));
  if ('afterId' in paging) {
    return base
      .where(and(eq(repairs.outcome, 'approved'), gt(repairs.id, paging.afterId)))
      .orderBy(asc(repairs.id))
      .limit(paging.limit);
  }
  return base
    .where(eq(repairs.outcome, 'approved'))
    .orderBy(desc(repairs.decidedOn), desc(repairs.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
}

export async function countPublishedRepairs(db: Db) {
  const [row] = await db.select({ n: count() }).from(repairs).where(eq(repairs.outcome, 'approved'));
  return row?.n ?? 0;
}

export function approvedRepairs(db: Db) {
  return keyset((after) => listPublishedRepairs(db, { afterId: after, limit: PAGE }));
}
