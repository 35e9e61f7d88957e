// 拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号, DOMAIN.md §6) as the public reads it, for
// /api/v1/lists/wage-arrears and /credit/lists/wage-arrears: the listings in force, and those that
// ended early or were withdrawn as notices while their term would have run.
import { and, count, desc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises } from '../schema';
import { districtName } from '../../domain/districts';
import { publicRecordDetail } from '../../domain/masking';
import { listedPersons, listingState, type ListedPerson, type ListingState } from '../../domain/wage-arrears-list';
import { publicRecordWhere } from './public-records';
import { recordNotice } from './penalties';

export interface WageArrearsQuery {
  district: string | null;
  year: number | null;
  page: number;
  pageSize: number;
}

export interface WageArrearsEntry {
  id: number;
  employerName: string;
  uscc: string;
  district: string;
  /** 法定代表人, 主要负责人 and 直接责任人员 by name and capacity; empty for a notice. */
  persons: ListedPerson[];
  listedOn: string;
  /** 列入事由: the facts the listing decision states (masked as any public record). */
  reason: string | null;
  decisionNo: string | null;
  authority: string;
  /** The end of the 3-year term: the listing leaves the list on this date by itself. */
  termEndsOn: string | null;
  state: ListingState;
  /** For an early removal or a withdrawal: since when and why it is no longer in force. */
  notice: { on: string | null; reason: string | null } | null;
}

type Row = { record: typeof creditRecords.$inferSelect; employer: { name: string; legalRepresentative: string; districtCode: string } };

function toEntry({ record: r, employer }: Row, today: string): WageArrearsEntry {
  const state = listingState(r, today) ?? 'listed';
  const listed = state === 'listed';
  const shown = listed ? publicRecordDetail(r, employer.legalRepresentative) : null;
  return {
    id: r.id,
    employerName: employer.name,
    uscc: r.uscc,
    district: districtName(employer.districtCode),
    persons: listed ? listedPersons({ legalRepresentative: employer.legalRepresentative, ...shown }) : [],
    listedOn: r.decidedOn,
    reason: typeof shown?.facts === 'string' ? shown.facts : null,
    decisionNo: r.decisionNo,
    authority: r.authority,
    termEndsOn: r.publishUntil,
    state,
    notice: listed ? null : { ...recordNotice(r), reason: state === 'removed' ? REMOVAL_NOTICE : r.withdrawalReason },
  };
}

/** 45号令: an employer that has paid in full and made a 守信承诺 may be removed after 6 months. */
export const REMOVAL_NOTICE = '已全额支付拖欠的农民工工资并作出守信承诺，经申请提前移出名单。';

function where(query: Pick<WageArrearsQuery, 'district' | 'year'>, today: string) {
  return and(
    eq(creditRecords.kind, 'wage_arrears_list'),
    publicRecordWhere(today),
    query.year ? gte(creditRecords.decidedOn, `${query.year}-01-01`) : undefined,
    query.year ? lte(creditRecords.decidedOn, `${query.year}-12-31`) : undefined,
    query.district ? eq(enterprises.districtCode, query.district) : undefined,
  );
}

const selection = {
  record: creditRecords,
  employer: { name: enterprises.name, legalRepresentative: enterprises.legalRepresentative, districtCode: enterprises.districtCode },
};

/**
 * The count joins the employers only when a district asks for them: every listing has its employer
 * (a foreign key), and probing a million employers' index for each of 29,000 listings took 157 ms in
 * SQLite, against 1.7 ms for the listings' own covering index (BENCHMARKS.md).
 */
function countOf(db: Db, query: Pick<WageArrearsQuery, 'district'>, condition: ReturnType<typeof where>) {
  const counted = db.select({ n: count() }).from(creditRecords).$dynamic();
  return (query.district ? counted.innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc)) : counted).where(condition);
}

/** One page, newest listing first. */
export async function listWageArrears(db: Db, query: WageArrearsQuery, today: string) {
  const condition = where(query, today);
  const [rows, [total]] = await db.batch([
    db
      .select(selection)
      .from(creditRecords)
      .innerJoin(enterprises, eq(enterprises.uscc, creditRecords.uscc))
      .where(condition)
      .orderBy(desc(creditRecords.decidedOn), desc(creditRecords.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countOf(db, query, condition),
  ]);
  return { items: rows.map((row) => toEntry(row, today)), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Rows per read when every entry is exported: bounded memory however long the list grows. */
const EXPORT_PAGE = 500;

/** Every entry matching the filter, for the CSV download, read page by page in the list's order. */
export async function* allWageArrears(db: Db, query: Pick<WageArrearsQuery, 'district' | 'year'>, today: string) {
  for (let page = 1; ; page++) {
    const { items } = await listWageArrears(db, { ...query, page, pageSize: EXPORT_PAGE }, today);
    yield* items;
    if (items.length < EXPORT_PAGE) return;
  }
}
