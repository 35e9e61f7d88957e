// Enterprise lookups shared by the API routes and the Astro pages.
import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { bound, compile } from '../compiled';
import { creditRecords, enterprises, objections, recordChanges, repairs } from '../schema';
import type { ReportSourceRecord } from '../../domain/credit-report';
import { districtName } from '../../domain/districts';
import { nameIndexRow } from '../../domain/name-search';
import { publicRecordDetail } from '../../domain/masking';
import { repairEligibility } from '../../domain/repair-eligibility';
import { publicView } from '../../domain/publication';
import { openCaseStatuses } from '../../domain/vocabulary';
import { publicRecordWhere } from './public-records';
import { recordNotice } from './penalties';

export type RecordFlag = 'objection_pending' | 'repair_pending' | 'corrected';

/** A record as the public sees it; a 专用信用报告 is made from these records (ReportSourceRecord). */
export interface PublicRecord extends ReportSourceRecord {
  publishedAt: string | null;
  flags: RecordFlag[];
  /** Null for notices: a withdrawn or repaired record shows only that it was, why and when. */
  detail: Record<string, unknown> | null;
  notice: { reason: string | null; on: string | null } | null;
  /** Whether credit repair may be asked now, and if not why and from when (null for records that need none). */
  repair: { possible: boolean; from: string | null; message: string | null } | null;
}

export interface CreditProfile {
  enterprise: {
    uscc: string;
    name: string;
    district: string;
    districtCode: string;
    industry: string;
    address: string;
    status: string;
    legalRepresentative: string;
  };
  grade: { value: 'A' | 'B' | 'C' | null; year: number | null; reasons: string[] };
  records: PublicRecord[];
  warnings: string[];
}

/** (Re)indexes an enterprise's name; run it right after the write that changed the name. */
export function indexEnterpriseName(db: Db, enterprise: { id: number; name: string; districtCode: string }) {
  const row = nameIndexRow(enterprise);
  return db.run(
    sql`INSERT OR REPLACE INTO enterprise_name_index(rowid, district, grams) VALUES (${row.rowid}, ${row.district}, ${row.grams})`,
  );
}

export async function findEnterprise(db: Db, uscc: string) {
  return db.query.enterprises.findFirst({ where: eq(enterprises.uscc, uscc) });
}

/** Whether an open objection or repair sits on the record of the row, as a column of the same statement. */
export const openCase = (table: typeof objections | typeof repairs) =>
  sql<number>`EXISTS (SELECT 1 FROM ${table}
    WHERE ${table.recordId} = ${creditRecords.id} AND ${inArray(table.status, [...openCaseStatuses])})`;

/** The flags a record's open cases give it on every public view. */
export function openCaseFlags(row: { objectionPending: number | boolean; repairPending: number | boolean }): RecordFlag[] {
  const flags: RecordFlag[] = [];
  if (row.objectionPending) flags.push('objection_pending');
  if (row.repairPending) flags.push('repair_pending');
  return flags;
}

/** A record as a JSON object keyed like drizzle's row, built by SQLite (json columns nested, not quoted). */
const recordObject = sql.join(
  Object.entries(getTableColumns(creditRecords)).map(([key, column]) =>
    column.dataType === 'json' ? sql`${key}, json(${column})` : sql`${key}, ${column}`,
  ),
  sql`, `,
);

/**
 * The profile in one statement and one row: the enterprise, and its public records as a JSON array
 * that SQLite builds — each with whether an open case sits on it and its detail as the change log
 * holds it (record_changes.record: masked once, by publicRecordDetail, in the batch that last
 * changed the record). One value to decode instead of a row of forty per record.
 */
const profileStatement = compile(sql`
  SELECT ${enterprises.uscc} AS uscc, ${enterprises.name} AS name, ${enterprises.districtCode} AS districtCode,
    ${enterprises.industry} AS industry, ${enterprises.address} AS address, ${enterprises.status} AS status,
    ${enterprises.legalRepresentative} AS legalRepresentative, ${enterprises.grade} AS grade,
    ${enterprises.gradeYear} AS gradeYear, ${enterprises.gradeReason} AS gradeReason,
    (SELECT json_group_array(json_object(
        'record', json_object(${recordObject}),
        'objectionPending', ${openCase(objections)},
        'repairPending', ${openCase(repairs)},
        'loggedDetail', json(json_extract(${recordChanges.record}, '$.detail'))))
      FROM ${creditRecords} LEFT JOIN ${recordChanges} ON ${recordChanges.recordId} = ${creditRecords.id}
      WHERE ${creditRecords.uscc} = ${enterprises.uscc} AND ${publicRecordWhere(sql.placeholder('today'))}
    ) AS records
  FROM ${enterprises} WHERE ${enterprises.uscc} = ${sql.placeholder('uscc')}`);

type ProfileRow = Pick<
  typeof enterprises.$inferSelect,
  'uscc' | 'name' | 'districtCode' | 'industry' | 'address' | 'status' | 'legalRepresentative' | 'grade' | 'gradeYear' | 'gradeReason'
> & {
  /** JSON: ProfileRecordRow[] */
  records: string;
};

interface ProfileRecordRow {
  record: typeof creditRecords.$inferSelect;
  objectionPending: number;
  repairPending: number;
  loggedDetail: Record<string, unknown> | null;
}

/** Newest decision first, then newest record. */
const newestFirst = (a: ProfileRecordRow, b: ProfileRecordRow) =>
  a.record.decidedOn === b.record.decidedOn ? b.record.id - a.record.id : a.record.decidedOn < b.record.decidedOn ? 1 : -1;

/**
 * The public credit profile as of `today`. Expired records are filtered here, in the query,
 * so they never reach a response even before the nightly job archives them (DOMAIN.md §2).
 */
export async function getCreditProfile(db: Db, uscc: string, today: string): Promise<CreditProfile | null> {
  const enterprise = await bound(db, profileStatement, { uscc, today }).first<ProfileRow>();
  if (!enterprise) return null;
  const rows = (JSON.parse(enterprise.records) as ProfileRecordRow[]).sort(newestFirst);
  const records = rows.map((row) =>
    toPublicRecord(row.record, openCaseFlags(row), enterprise.legalRepresentative, today, row.loggedDetail),
  );

  return {
    enterprise: {
      uscc: enterprise.uscc,
      name: enterprise.name,
      district: districtName(enterprise.districtCode),
      districtCode: enterprise.districtCode,
      industry: enterprise.industry,
      address: enterprise.address,
      status: enterprise.status,
      legalRepresentative: enterprise.legalRepresentative,
    },
    grade: {
      value: enterprise.grade ?? null,
      year: enterprise.gradeYear ?? null,
      reasons: enterprise.gradeReason ? [enterprise.gradeReason] : [],
    },
    records,
    warnings: [],
  };
}

/**
 * `loggedDetail`: the detail the change log stored for this record, when the read has it. Every
 * write of a record shown in full logs its public form in the same batch (admin/record-changes.ts,
 * the importer, the seed), so it is this record's current detail; a record without one (written
 * before the log existed) is masked here.
 */
export function toPublicRecord(
  r: typeof creditRecords.$inferSelect,
  flags: RecordFlag[],
  legalRepresentative: string,
  today: string,
  loggedDetail: Record<string, unknown> | null = null,
): PublicRecord {
  const isNotice = publicView(r, today) === 'notice';
  const allFlags = [...new Set(flags)];
  if (r.correctionNote) allFlags.push('corrected');
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    title: r.title,
    decisionNo: r.decisionNo,
    authority: r.authority,
    decidedAt: r.decidedOn,
    publishedAt: r.publishedOn,
    publishUntil: r.publishUntil,
    status: r.status,
    flags: allFlags,
    // Natural persons other than the responsible person are masked before anything leaves (DOMAIN.md §8).
    detail: isNotice ? null : (loggedDetail ?? publicRecordDetail(r, legalRepresentative)),
    notice: isNotice ? recordNotice(r) : null,
    repair: repairView(r, today),
  };
}

function repairView(r: typeof creditRecords.$inferSelect, today: string): PublicRecord['repair'] {
  if (r.severity === 'none' || publicView(r, today) !== 'full') return null;
  const eligibility = repairEligibility(r, today);
  if (eligibility.eligible) return { possible: true, from: null, message: null };
  return { possible: false, from: eligibility.from ?? null, message: eligibility.message };
}
