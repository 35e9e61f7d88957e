// 事后公开: administrative penalty decisions (DOMAIN.md §8), for /api/v1/penalties and /enforcement/penalties.
import { and, count, desc, eq, gte, inArray, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { prepareOnce } from '../compiled';
import { creditRecords, enterprises } from '../schema';
import { unionAll } from 'drizzle-orm/sqlite-core';
import { parseUscc } from '../../domain/uscc';
import { decisionNoKey } from '../../domain/decision-number';
import { violationTypes } from '../../domain/labels';
import { substringMatchExpression } from '../../domain/name-search';
import { SEARCH_WINDOW } from './enterprise-search';
import { publicRecordDetail } from '../../domain/masking';
import { publicView, REPAIR_NOTICE } from '../../domain/publication';
import { publicRecordHalves, publicRecordWhere } from './public-records';

export const PENALTY_COUNT_CAP = 1_000;

export interface PenaltyQuery {
  /** A code, a decision number, a party's name or a violation type (keywordCondition). */
  q: string;
  from: string | null;
  to: string | null;
  violationType: string | null;
  page: number;
  pageSize: number;
}

export interface PublicPenalty {
  id: number;
  decisionNo: string | null;
  partyName: string;
  uscc: string;
  violationType: string | null;
  facts: string | null;
  legalBasis: string | null;
  penaltyTypes: string[];
  penaltyContent: string | null;
  fineFen: number | null;
  decidedAt: string;
  authority: string;
  publishUntil: string | null;
  status: 'published' | 'withdrawn' | 'repaired';
  /** For a withdrawn or repaired decision: why and since when it is no longer shown in full. */
  withdrawal: { reason: string | null; on: string | null } | null;
}

/** A decision number as typed: "…字〔2026〕第 1 号", with any brackets (functions/domain/decision-number.ts). */
const DECISION_NO_SHAPE = /字.*\d{4}.*\d+\s*号/;

/**
 * The keyword box: an exact code, a decision number, or text — which finds parties whose names
 * contain it (bounded by the name index) and decisions of the violation types that contain it
 * (拖欠 → 拖欠工资). Every branch uses an index; the facts themselves are not searched.
 */
function keywordCondition(q: string) {
  const code = parseUscc(q);
  if (code.ok) return eq(creditRecords.uscc, code.code);
  if (DECISION_NO_SHAPE.test(q)) return eq(creditRecords.decisionNoKey, decisionNoKey(q));
  const types = violationTypes.filter((t) => t.includes(q.trim()));
  const match = substringMatchExpression(q);
  const byName = match
    ? inArray(
        creditRecords.uscc,
        sql`(SELECT e.uscc FROM enterprise_name_index AS m JOIN enterprises AS e ON e.id = m.rowid
             WHERE enterprise_name_index MATCH ${`grams:${match}`} LIMIT ${SEARCH_WINDOW})`,
      )
    : undefined;
  const byType = types.length ? inArray(creditRecords.violationType, types) : undefined;
  return byName && byType ? or(byName, byType) : (byName ?? byType);
}

/** `shown`: which records the public sees today (publicRecordWhere, or one of its halves for the count). */
function penaltyWhere(query: Omit<PenaltyQuery, 'page' | 'pageSize'>, shown: SQL) {
  return and(
    eq(creditRecords.kind, 'penalty'),
    shown,
    query.from ? gte(creditRecords.decidedOn, query.from) : undefined,
    query.to ? lte(creditRecords.decidedOn, query.to) : undefined,
    query.violationType ? eq(creditRecords.violationType, query.violationType) : undefined,
    query.q.trim() ? (keywordCondition(query.q) ?? sql`0`) : undefined,
  );
}

/** Newest decision first: the index (kind, decided_on, id) walked backwards, stopping at the page. */
function penaltyRows(db: Db, where: SQL | undefined, limit: number | Placeholder, offset: number) {
  return db
    .select({ record: creditRecords, party: { name: enterprises.name, legalRepresentative: enterprises.legalRepresentative } })
    .from(creditRecords)
    .innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
    .where(where)
    .orderBy(desc(creditRecords.decidedOn), desc(creditRecords.id))
    .limit(limit)
    .offset(offset);
}

export async function listPenalties(db: Db, query: PenaltyQuery, today: string) {
  const [noEnd, endsLater] = publicRecordHalves(today);
  const counted = (shown: SQL) => db.select({ one: sql`1` }).from(creditRecords).where(penaltyWhere(query, shown));
  const [rows, [total]] = await db.batch([
    penaltyRows(db, penaltyWhere(query, publicRecordWhere(today)), query.pageSize, (query.page - 1) * query.pageSize),
    // Counting stops past the cap: an exact total over every decision in the city is not worth a scan.
    db.select({ n: count() }).from(
      unionAll(counted(noEnd), counted(endsLater))
        .limit(PENALTY_COUNT_CAP + 1)
        .as('capped'),
    ),
  ]);
  return {
    items: rows.map(({ record, party }) => toPublicPenalty(record, party, today)),
    total: Math.min(total?.n ?? 0, PENALTY_COUNT_CAP),
    totalCapped: (total?.n ?? 0) > PENALTY_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The newest public decisions, for the home page and the RSS feed: no count, which at a million
 * employers cost forty times the page itself (the capped count walks the expired decisions too).
 */
export async function latestPenalties(db: Db, limit: number, today: string) {
  const rows = await latestRows(db, { today, limit });
  return rows.map(({ record, party }) => toPublicPenalty(record, party, today));
}

/** Built once (prepareOnce): building this select of every column was most of the home page's CPU. */
const latestRows = prepareOnce((db) =>
  penaltyRows(
    db,
    penaltyWhere({ q: '', from: null, to: null, violationType: null }, publicRecordWhere(sql.placeholder('today'))),
    sql.placeholder('limit'),
    0,
  ),
);

export function toPublicPenalty(
  r: typeof creditRecords.$inferSelect,
  party: { name: string; legalRepresentative: string },
  today: string,
): PublicPenalty {
  // A withdrawn or repaired decision shows only the notice, not the facts (publicView).
  const notice = publicView(r, today) === 'notice';
  const shown = notice ? null : publicRecordDetail(r, party.legalRepresentative);
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: r.id,
    decisionNo: r.decisionNo,
    partyName: party.name,
    uscc: r.uscc,
    violationType: r.violationType,
    facts: text(shown?.facts),
    legalBasis: notice ? null : r.legalBasis,
    penaltyTypes: notice ? [] : (r.penaltyTypes ?? []),
    penaltyContent: text(shown?.penaltyContent),
    fineFen: notice ? null : r.fineFen,
    decidedAt: r.decidedOn,
    authority: r.authority,
    publishUntil: r.publishUntil,
    status: r.status === 'withdrawn' || r.status === 'repaired' ? r.status : 'published',
    withdrawal: notice ? recordNotice(r) : null,
  };
}

/** What a notice says in place of the record: the withdrawal reason, or that a repair ended publication. */
export function recordNotice(r: Pick<typeof creditRecords.$inferSelect, 'status' | 'withdrawalReason' | 'withdrawnOn' | 'repairedOn'>) {
  return r.status === 'withdrawn' ? { reason: r.withdrawalReason, on: r.withdrawnOn } : { reason: REPAIR_NOTICE, on: r.repairedOn };
}
