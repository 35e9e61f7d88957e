// Enterprise search (GET /api/v1/enterprises and /credit?q=): by code, by name substring or
// prefix through the bigram FTS5 index, optionally within a district. Never a full scan.
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, type enterprises } from '../schema';
import { publicRecordWhere } from './public-records';
import { parseUscc } from '../../domain/uscc';
import { districtName } from '../../domain/districts';
import { searchCharacters, substringMatchExpression } from '../../domain/name-search';

/**
 * Name matches beyond this many are not counted or paged: a query that broad needs refining,
 * and counting a million index hits would cost more than the lookup itself.
 */
export const SEARCH_WINDOW = 1000;

export interface SearchItem {
  uscc: string;
  name: string;
  district: string;
  districtCode: string;
  grade: 'A' | 'B' | 'C' | null;
  /** Published negative records (severity other than `none`) still within their publication period. */
  negativeRecords: number;
}

export interface SearchResult {
  items: SearchItem[];
  total: number;
  /** True when more than SEARCH_WINDOW enterprises matched and `total` stops there. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  matchedBy: 'code' | 'name' | 'district';
}

export interface SearchQuery {
  q: string;
  district: string | null;
  page: number;
  pageSize: number;
}

export async function searchEnterprises(db: Db, query: SearchQuery, today: string): Promise<SearchResult> {
  const { page, pageSize } = query;
  const offset = (page - 1) * pageSize;
  const code = parseUscc(query.q);

  if (code.ok) {
    const rows = await db.all<ItemRow>(sql`
      SELECT p.*, ${negativeRecords(today)} AS negativeRecords FROM (
        SELECT e.uscc, e.name, e.district_code AS districtCode, e.grade FROM enterprises AS e
        WHERE e.uscc = ${code.code} ${query.district ? sql`AND e.district_code = ${query.district}` : sql``}
      ) AS p`);
    return { items: offset === 0 ? rows.map(toItem) : [], total: rows.length, totalCapped: false, page, pageSize, matchedBy: 'code' };
  }

  const match = matchExpression(query);
  if (!match) return { items: [], total: 0, totalCapped: false, page, pageSize, matchedBy: 'name' };
  const chars = searchCharacters(query.q).join('');

  // The window of matching rowids comes from the index alone; ranking (prefix first, then
  // shorter names) and paging happen inside that bounded window, and the record counts only
  // for the page — all in one statement, one round trip.
  const rows = await db.all<ItemRow & { matched: number }>(sql`
    WITH m AS (SELECT rowid AS id FROM enterprise_name_index
               WHERE enterprise_name_index MATCH ${match} ORDER BY rowid LIMIT ${SEARCH_WINDOW + 1})
    SELECT p.*, ${negativeRecords(today)} AS negativeRecords FROM (
      SELECT e.uscc, e.name, e.district_code AS districtCode, e.grade, (SELECT count(*) FROM m) AS matched
      FROM m JOIN enterprises AS e ON e.id = m.id
      ORDER BY (lower(substr(e.name, 1, ${chars.length})) = ${chars}) DESC, length(e.name), e.name
      LIMIT ${pageSize} OFFSET ${offset}
    ) AS p`);
  const n = rows[0]?.matched ?? (offset > 0 ? await countMatches(db, match) : 0);
  return {
    items: rows.map(toItem),
    total: Math.min(n, SEARCH_WINDOW),
    totalCapped: n > SEARCH_WINDOW,
    page,
    pageSize,
    matchedBy: query.q.trim() ? 'name' : 'district',
  };
}

type ItemRow = Pick<typeof enterprises.$inferSelect, 'uscc' | 'name' | 'districtCode' | 'grade'> & { negativeRecords: number };

/** Negative records (severity other than none) of the row `p` that the public sees in full today. */
const negativeRecords = (today: string) => sql`(
  SELECT count(*) FROM ${creditRecords}
  WHERE ${creditRecords.uscc} = p.uscc AND ${creditRecords.severity} <> 'none' AND ${publicRecordWhere(today, 'full')})`;

function toItem(r: ItemRow): SearchItem {
  return {
    uscc: r.uscc,
    name: r.name,
    district: districtName(r.districtCode),
    districtCode: r.districtCode,
    grade: r.grade ?? null,
    negativeRecords: r.negativeRecords,
  };
}

async function countMatches(db: Db, match: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM (
      SELECT rowid FROM enterprise_name_index WHERE enterprise_name_index MATCH ${match} LIMIT ${SEARCH_WINDOW + 1})`,
  );
  return row?.n ?? 0;
}

function matchExpression(query: SearchQuery): string | null {
  const name = substringMatchExpression(query.q);
  const district = query.district ? `district:"${query.district}"` : null;
  if (name && district) return `${district} AND grams:${name}`;
  return name ? `grams:${name}` : district;
}
