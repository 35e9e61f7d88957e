// Enterprise lookups shared by the API routes and the Astro pages.
import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { bound, compile } from '../compiled';
import { creditRecords, enterprises, objections, recordChanges, repairs } from '../schema';
import type { ReportSourceRecord } from '../../domain/credit-report';
import { districtName } from '../../domain/districts';
import { nameIndexRow } from '../../domain/name-search';
import { publicRecordDetail, type RecordStatements } from '../../domain/masking';
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
  return db.select().from(enterprises).where(eq(enterprises.uscc, uscc)).get();
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

/** What a public record is shaped from (toPublicRecord): every column it shows or its dates depend on. */
const factKeys = [
  'id',
  'kind',
  'severity',
  'title',
  'decisionNo',
  'authority',
  'decidedOn',
  'publishedOn',
  'publishUntil',
  'status',
  'correctionNote',
  'detail',
  'withdrawalReason',
  'withdrawnOn',
  'repairedOn',
] as const;
export type RecordFacts = Pick<typeof creditRecords.$inferSelect, (typeof factKeys)[number]>;

/** The statements publicRecordDetail masks besides correctionNote and detail, which are facts too. */
type RecordStatementColumns = Omit<RecordStatements, keyof RecordFacts>;
/** Each of them, so that a statement added to RecordStatements and left out here does not compile. */
const statementColumns = {
  violationType: true,
  facts: true,
  legalBasis: true,
  penaltyTypes: true,
  penaltyContent: true,
  handling: true,
  fineFen: true,
} as const satisfies Record<keyof RecordStatementColumns, true>;
const statementKeys = Object.keys(statementColumns) as (keyof RecordStatementColumns)[];

/**
 * Columns as one JSON object built by SQLite, keyed like drizzle's row (json columns nested, not
 * quoted). The keys are identifiers of this file, written into the SQL rather than bound.
 */
function jsonObjectOf<K extends keyof typeof creditRecords.$inferSelect>(keys: readonly K[]) {
  const columns = getTableColumns(creditRecords);
  return sql`json_object(${sql.join(
    keys.map((key) => {
      const value = columns[key].dataType === 'json' ? sql`json(${columns[key]})` : sql`${columns[key]}`;
      return sql`${sql.raw(`'${key}'`)}, ${value}`;
    }),
    sql`, `,
  )})`;
}

/**
 * The profile in one statement and one row: the enterprise, and its public records as a JSON array
 * that SQLite builds — each with whether an open case sits on it and its detail as the change log
 * holds it (record_changes.record: masked once, by publicRecordDetail, in the batch that last
 * changed the record). The statements to mask come along only for a record the log has no public
 * form of. One value to decode, carrying no column the profile does not use.
 */
const profileStatement = compile(sql`
  SELECT ${enterprises.uscc} AS uscc, ${enterprises.name} AS name, ${enterprises.districtCode} AS districtCode,
    ${enterprises.industry} AS industry, ${enterprises.address} AS address, ${enterprises.status} AS status,
    ${enterprises.legalRepresentative} AS legalRepresentative, ${enterprises.grade} AS grade,
    ${enterprises.gradeYear} AS gradeYear, ${enterprises.gradeReason} AS gradeReason,
    (SELECT json_group_array(json_object(
        'record', ${jsonObjectOf(factKeys)},
        'objectionPending', ${openCase(objections)},
        'repairPending', ${openCase(repairs)},
        'loggedDetail', json(json_extract(${recordChanges.record}, '$.detail')),
        'statements', CASE WHEN ${recordChanges.record} IS NULL THEN ${jsonObjectOf(statementKeys)} END))
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
  record: RecordFacts;
  objectionPending: number;
  repairPending: number;
  loggedDetail: Record<string, unknown> | null;
  /** Present exactly when loggedDetail is null. */
  statements: RecordStatementColumns | null;
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
    toPublicRecord(
      row.record,
      openCaseFlags(row),
      today,
      () => row.loggedDetail ?? publicRecordDetail({ ...row.record, ...row.statements! }, enterprise.legalRepresentative),
    ),
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
 * `publicDetail` gives the record's statements and facts in their public form, masked (DOMAIN.md
 * §8); it is asked for only when the record is shown in full. Every write of a record shown in full
 * logs that form in the same batch (admin/record-changes.ts, the importer, the seed), so a read that
 * has the log's copy passes it; otherwise publicRecordDetail masks the row as it is read.
 */
export function toPublicRecord(
  r: RecordFacts,
  flags: RecordFlag[],
  today: string,
  publicDetail: () => Record<string, unknown>,
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
    detail: isNotice ? null : publicDetail(),
    notice: isNotice ? recordNotice(r) : null,
    repair: repairView(r, today),
  };
}

function repairView(r: RecordFacts, today: string): PublicRecord['repair'] {
  if (r.severity === 'none' || publicView(r, today) !== 'full') return null;
  const eligibility = repairEligibility(r, today);
  if (eligibility.eligible) return { possible: true, from: null, message: null };
  return { possible: false, from: eligibility.from ?? null, message: eligibility.message };
}
