// 重大劳动保障违法行为社会公布 (人社部令第29号, DOMAIN.md §6): the quarterly publications and their
// entries as the public reads them (/api/v1/major-violations, /enforcement/major-violations), and
// the statements staff publish a quarter with (functions/admin/violation-publications.ts).
import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises, violationEntryCounts, violationPublications } from '../schema';
import { sqlStatement, statementOf, type Statement } from './audit';
import { prepareEach, prepareOnce } from '../compiled';
import { publicCountWhere, publicRecordWhere } from './public-records';
import { recordNotice } from './penalties';
import { publicRecordDetail } from '../../domain/masking';
import { publicView } from '../../domain/publication';
import { quarterLabel, quarterRange, type Quarter, type QuarterRef } from '../../domain/major-violations';

export interface MajorViolationQuery {
  year: number | null;
  quarter: Quarter | null;
  page: number;
  pageSize: number;
}

/** One entry with the fields of 第六条, as published. */
export interface MajorViolationEntry {
  id: number;
  publicationId: string;
  year: number;
  quarter: number;
  publishedOn: string;
  authority: string;
  subjectName: string;
  uscc: string;
  address: string | null;
  legalRepresentative: string | null;
  facts: string | null;
  handling: string | null;
  decisionNo: string | null;
  publishUntil: string | null;
  status: 'published' | 'withdrawn' | 'repaired';
  notice: { on: string | null; reason: string | null } | null;
}

export type PublicationRow = typeof violationPublications.$inferSelect;

type Row = {
  record: typeof creditRecords.$inferSelect;
  publication: PublicationRow;
  enterprise: { name: string; address: string; legalRepresentative: string } | null;
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * The subject as it stood when the quarter was published (frozen into `detail` then), falling back
 * to the register for entries published before the snapshot was kept.
 */
function toEntry({ record: r, publication: p, enterprise: e }: Row, today: string): MajorViolationEntry {
  const notice = publicView(r, today) === 'notice';
  const legalRepresentative = text(r.detail?.legalRepresentative) ?? e?.legalRepresentative ?? null;
  const shown = notice ? null : publicRecordDetail(r, legalRepresentative);
  return {
    id: r.id,
    publicationId: p.id,
    year: p.year,
    quarter: p.quarter,
    publishedOn: p.publishedOn,
    authority: p.authority,
    subjectName: text(r.detail?.subjectName) ?? e?.name ?? r.uscc,
    uscc: r.uscc,
    address: notice ? null : (text(r.detail?.address) ?? e?.address ?? null),
    legalRepresentative: notice ? null : legalRepresentative,
    facts: text(shown?.facts),
    handling: text(shown?.handling),
    decisionNo: r.decisionNo,
    publishUntil: r.publishUntil,
    status: r.status === 'withdrawn' || r.status === 'repaired' ? r.status : 'published',
    notice: notice ? recordNotice(r) : null,
  };
}

/** Which publications a page reads from: all, one year's, or one quarter's. */
type Filter = 'all' | 'year' | 'quarter';
const filterOf = (query: Pick<MajorViolationQuery, 'year' | 'quarter'>): Filter =>
  query.year === null ? 'all' : query.quarter === null ? 'year' : 'quarter';

/**
 * A page of entries as its statement, built once per filter (functions/db/compiled.ts); today,
 * year, quarter, limit and offset are placeholders. A CROSS JOIN is SQLite's way to keep the
 * publications as the outer loop: D1 keeps no statistics, and without them the planner walks every
 * major violation in force by kind rather than the quarter's few. The page is chosen by id first,
 * from the records' covering index, and only its rows are read in full: sorting a quarter's 20,000
 * entries with every column and employer took 96 ms, the ids 2 ms.
 */
const entryPages = prepareEach((db, filter: Filter) => {
  const today = sql.placeholder('today');
  const order = [desc(violationPublications.publishedOn), asc(violationPublications.id), asc(creditRecords.id)];
  const pageIds = db
    .select({ id: creditRecords.id })
    .from(violationPublications)
    .crossJoin(creditRecords)
    .where(
      and(
        eq(creditRecords.publicationId, violationPublications.id),
        lte(violationPublications.publishedOn, today),
        eq(creditRecords.kind, 'major_violation'),
        publicRecordWhere(today),
        filter === 'all' ? undefined : eq(violationPublications.year, sql.placeholder('year')),
        filter === 'quarter' ? eq(violationPublications.quarter, sql.placeholder('quarter')) : undefined,
      ),
    )
    .orderBy(...order)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'));
  return db
    .select({
      record: creditRecords,
      publication: violationPublications,
      enterprise: { name: enterprises.name, address: enterprises.address, legalRepresentative: enterprises.legalRepresentative },
    })
    .from(creditRecords)
    .innerJoin(violationPublications, eq(violationPublications.id, creditRecords.publicationId))
    .leftJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
    .where(inArray(creditRecords.id, pageIds))
    .orderBy(...order);
});

/**
 * One page of entries still within their publication period, newest publication first, from the
 * publications out by today. How many there are in all is entriesInForce of publishedQuarters.
 */
export async function listMajorViolations(db: Db, query: MajorViolationQuery, today: string): Promise<MajorViolationEntry[]> {
  const rows = await entryPages(filterOf(query))(db, {
    today,
    year: query.year,
    quarter: query.quarter,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return rows.map((row) => toEntry(row, today));
}

const EXPORT_PAGE = 500;

/** Every entry matching the filter, for the CSV download. */
export async function* allMajorViolations(db: Db, query: Pick<MajorViolationQuery, 'year' | 'quarter'>, today: string) {
  for (let page = 1; ; page++) {
    const items = await listMajorViolations(db, { ...query, page, pageSize: EXPORT_PAGE }, today);
    yield* items;
    if (items.length < EXPORT_PAGE) return;
  }
}

/** A quarter as the public can browse it: its publications and the entries still in force. */
export interface PublishedQuarter extends QuarterRef {
  /** The latest publication date among the quarter's publications. */
  publishedOn: string;
  publications: { id: string; authority: string; publishedOn: string; entries: number }[];
  entries: number;
}

/**
 * Each publication out by today with its entries in force, added up from violation_entry_counts
 * (schema.ts): 18,000 rows where counting the records themselves walked 221,000 index entries per
 * request, 13.8 ms in SQLite at 1,000,000 employers. Built once; today is a placeholder.
 */
const publicationsInForce = prepareOnce((db) => {
  const today = sql.placeholder('today');
  const ofThisPublication = and(eq(violationEntryCounts.publicationId, violationPublications.id), publicCountWhere(today));
  const entries = sql<number>`(SELECT coalesce(sum(${violationEntryCounts.n}), 0) FROM ${violationEntryCounts} WHERE ${ofThisPublication})`;
  return db
    .select({ publication: violationPublications, entries })
    .from(violationPublications)
    .where(lte(violationPublications.publishedOn, today))
    .orderBy(desc(violationPublications.year), desc(violationPublications.quarter), asc(violationPublications.bureauCode));
});

/**
 * The quarters that can still be browsed: every quarter with an entry in force, and the newest
 * published quarter even when it had nothing to publish (so that "nothing this quarter" is said).
 * Newest first. The table holds one row per bureau and quarter, a few hundred in all.
 */
export async function publishedQuarters(db: Db, today: string): Promise<PublishedQuarter[]> {
  const rows = await publicationsInForce(db, { today });
  const byQuarter = new Map<string, PublishedQuarter>();
  for (const { publication: p, entries } of rows) {
    const key = `${p.year}-${p.quarter}`;
    let q = byQuarter.get(key);
    if (!q) {
      q = { year: p.year, quarter: p.quarter as Quarter, publishedOn: p.publishedOn, publications: [], entries: 0 };
      byQuarter.set(key, q);
    }
    q.publications.push({ id: p.id, authority: p.authority, publishedOn: p.publishedOn, entries });
    q.entries += entries;
    if (p.publishedOn > q.publishedOn) q.publishedOn = p.publishedOn;
  }
  return [...byQuarter.values()].filter((q, i) => i === 0 || q.entries > 0);
}

/** How many entries in force the filter takes in: the sum of its quarters' (listMajorViolations' total). */
export function entriesInForce(quarters: readonly PublishedQuarter[], filter: Pick<MajorViolationQuery, 'year' | 'quarter'>): number {
  return quarters
    .filter((q) => (filter.year === null || q.year === filter.year) && (filter.quarter === null || q.quarter === filter.quarter))
    .reduce((sum, q) => sum + q.entries, 0);
}

// ── staff: publishing a quarter ─────────────────────────────────────────────────────────────

export async function findPublication(db: Db, bureauCode: string, q: QuarterRef): Promise<PublicationRow | null> {
  const [row] = await db
    .select()
    .from(violationPublications)
    .where(
      and(
        eq(violationPublications.bureauCode, bureauCode),
        eq(violationPublications.year, q.year),
        eq(violationPublications.quarter, q.quarter),
      ),
    );
  return row ?? null;
}

export async function listPublications(db: Db, limit = 40): Promise<PublicationRow[]> {
  return db
    .select()
    .from(violationPublications)
    .orderBy(desc(violationPublications.year), desc(violationPublications.quarter), asc(violationPublications.bureauCode))
    .limit(limit);
}

/** Drafts the quarter's publication takes: the bureau's unpublished entries decided by the quarter's end. */
const pendingWhere = (authority: string, q: QuarterRef) =>
  and(
    eq(creditRecords.kind, 'major_violation'),
    eq(creditRecords.status, 'draft'),
    eq(creditRecords.authority, authority),
    isNull(creditRecords.publicationId),
    lte(creditRecords.decidedOn, quarterRange(q).to),
  );

export async function pendingEntries(db: Db, authority: string, q: QuarterRef) {
  return (
    db
      .select({
        record: creditRecords,
        enterprise: { name: enterprises.name, address: enterprises.address, legalRepresentative: enterprises.legalRepresentative },
      })
      .from(creditRecords)
      .leftJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
      .where(pendingWhere(authority, q))
      .orderBy(asc(creditRecords.decidedOn), asc(creditRecords.id))
      // A bureau publishes a handful a quarter; a batch this size stays far inside D1's limits.
      .limit(MAX_ENTRIES_PER_PUBLICATION + 1)
  );
}

/** Entries one publication may carry; more would be a data problem to look at, not to publish blindly. */
export const MAX_ENTRIES_PER_PUBLICATION = 500;

/** Guards of the audited batch: the quarter is still unpublished and the entries are still the drafts read. */
export function publicationGuards(bureauCode: string, q: QuarterRef, ids: readonly number[]): SQL[] {
  const list = JSON.stringify(ids);
  return [
    sql`NOT EXISTS (SELECT 1 FROM ${violationPublications} WHERE ${and(
      eq(violationPublications.bureauCode, bureauCode),
      eq(violationPublications.year, q.year),
      eq(violationPublications.quarter, q.quarter),
    )})`,
    sql`(SELECT count(*) FROM ${creditRecords} WHERE ${creditRecords.id} IN (SELECT value FROM json_each(${list}))
      AND ${creditRecords.status} = 'draft' AND ${creditRecords.publicationId} IS NULL) = ${ids.length}`,
  ];
}

/**
 * The publication row, then its entries made public with the subject frozen as it stands today
 * (29号令 publishes the name, address and responsible person of the time).
 */
export function publishQuarterStatements(
  db: Db,
  row: typeof violationPublications.$inferInsert,
  ids: readonly number[],
  at: string,
): Statement[] {
  const q = { year: row.year, quarter: row.quarter as Quarter };
  const statements = [statementOf(db, db.insert(violationPublications).values(row))];
  if (ids.length === 0) return statements;
  const subject = (column: string) => sql`(SELECT ${sql.raw(`e.${column}`)} FROM ${enterprises} e WHERE e.uscc = ${creditRecords}.uscc)`;
  statements.push(
    sqlStatement(
      db,
      sql`UPDATE ${creditRecords} SET status = 'published', published_on = ${row.publishedOn}, publication_id = ${row.id},
        updated_at = ${at},
        detail = json_set(coalesce(detail, '{}'),
          '$.subjectName', ${subject('name')}, '$.address', ${subject('address')},
          '$.legalRepresentative', ${subject('legal_representative')}, '$.period', ${quarterLabel(q)})
        WHERE ${creditRecords.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    ),
  );
  return statements;
}
