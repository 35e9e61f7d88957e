// Enterprise lookups shared by the API routes and the Astro pages.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises, objections, repairs } from '../schema';
import type { RecordKind, RecordStatus, Severity } from '../../domain/vocabulary';
import { districtName } from '../../domain/districts';
import { nameIndexRow } from '../../domain/name-search';
import { publicRecordDetail } from '../../domain/masking';
import { repairEligibility } from '../../domain/repair-eligibility';
import { publicView } from '../../domain/publication';
import { openCaseStatuses } from '../../domain/vocabulary';
import { publicRecordWhere } from './public-records';
import { recordNotice } from './penalties';

export type RecordFlag = 'objection_pending' | 'repair_pending' | 'corrected';

export interface PublicRecord {
  id: number;
  kind: RecordKind;
  severity: Severity;
  title: string;
  decisionNo: string | null;
  authority: string;
  decidedAt: string;
  publishedAt: string | null;
  publishUntil: string | null;
  status: RecordStatus;
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

/**
 * The public credit profile as of `today`. Expired records are filtered here, in the query,
 * so they never reach a response even before the nightly job archives them (DOMAIN.md §2).
 */
export async function getCreditProfile(db: Db, uscc: string, today: string): Promise<CreditProfile | null> {
  // One statement: the enterprise, its public records, and whether an open case sits on each.
  const openCase = (table: typeof objections | typeof repairs) =>
    sql<number>`EXISTS (SELECT 1 FROM ${table}
      WHERE ${table.recordId} = ${creditRecords.id} AND ${inArray(table.status, [...openCaseStatuses])})`;
  const rows = await db
    .select({ enterprise: enterprises, record: creditRecords, objectionPending: openCase(objections), repairPending: openCase(repairs) })
    .from(enterprises)
    .leftJoin(creditRecords, and(eq(creditRecords.uscc, enterprises.uscc), publicRecordWhere(today)))
    .where(eq(enterprises.uscc, uscc))
    .orderBy(desc(creditRecords.decidedOn), desc(creditRecords.id));
  const enterprise = rows[0]?.enterprise;
  if (!enterprise) return null;
  const records = rows.flatMap(({ record, objectionPending, repairPending }) => {
    if (!record) return [];
    const flags: RecordFlag[] = [];
    if (objectionPending) flags.push('objection_pending');
    if (repairPending) flags.push('repair_pending');
    return [toPublicRecord(record, flags, enterprise.legalRepresentative, today)];
  });

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

export function toPublicRecord(
  r: typeof creditRecords.$inferSelect,
  flags: RecordFlag[],
  legalRepresentative: string,
  today: string,
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
    detail: isNotice ? null : publicRecordDetail(r, legalRepresentative),
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
