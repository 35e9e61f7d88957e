// 专用信用报告 (dedicated labour-security credit report), DOMAIN.md §11 — 《北京市优化营商环境条例》
// (2024 revision) 第61条: a report in place of the 有无违法违规记录证明. What a report contains, for
// which period, and how a report issued earlier differs from what the public sees now. The API,
// the pages, the command-line verifier and the tests all take the report's content from here.
import { canonicalJson } from './canonical-json';
import { addMonths } from './dates';
import type { FieldError } from './errors';
import { publicView } from './publication';
import type { Grade, RecordKind, RecordStatus, Severity } from './vocabulary';

/** The shape of a signed report; a verifier refuses any other. Raise it when the shape changes. */
export const REPORT_FORMAT = 'hrss-credit-report/1';
export const REPORT_ISSUER = '北京市人力资源和社会保障局';
export const REPORT_BASIS = '《北京市优化营商环境条例》第六十一条';
/** DOMAIN.md §11: "where there are none, the plain statement". */
export const NO_NEGATIVE_RECORDS_STATEMENT = '报告期内无劳动保障领域行政处罚等失信记录';
/** "Free of charge" (§11), on the report and on the page that issues it. */
export const FREE_OF_CHARGE = '本报告免费开具，本局不以任何名义收取费用。';
/** "up to 3 years back" (§11). */
export const MAX_REPORT_MONTHS = 36;

export interface ReportPeriod {
  from: string;
  to: string;
}

/** The earliest first day a report issued on `today` may cover. */
export const earliestReportDate = (today: string) => addMonths(today, -MAX_REPORT_MONTHS);

/** "default the last 3 years". */
export const defaultReportPeriod = (today: string): ReportPeriod => ({ from: earliestReportDate(today), to: today });

/** Why a period cannot be reported on `today`, per field; empty when it can. */
export function reportPeriodProblems(period: ReportPeriod, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const earliest = earliestReportDate(today);
  if (period.from < earliest) problems.push({ path: 'from', message: `报告期最长为近 3 年，起始日不能早于 ${earliest}` });
  if (period.to > today) problems.push({ path: 'to', message: `截止日不能晚于今天（${today}）` });
  if (period.from > period.to) problems.push({ path: 'to', message: '截止日不能早于起始日' });
  return problems;
}

/** A record as the profile publishes it (db/queries/enterprises.ts PublicRecord extends it). */
export interface ReportSourceRecord {
  id: number;
  kind: RecordKind;
  severity: Severity;
  title: string;
  decisionNo: string | null;
  authority: string;
  decidedAt: string;
  publishUntil: string | null;
  status: RecordStatus;
  /** Already in its public form (masking.ts publicRecordDetail); null for notices. */
  detail: Record<string, unknown> | null;
}

/** Everything a report is made from: the public profile, nothing more (§8: nothing personal beyond it). */
export interface ReportSource {
  enterprise: {
    uscc: string;
    name: string;
    district: string;
    industry: string;
    address: string;
    status: string;
    legalRepresentative: string;
  };
  /** The grades the bureau has assessed, by year (the profile holds the latest). */
  assessments: { year: number; grade: Grade; reason: string | null }[];
  records: readonly ReportSourceRecord[];
}

/** A record as a report lists it: its public content, without the status (a report lists only published records). */
export type ReportRecord = Omit<ReportSourceRecord, 'status' | 'detail'> & { detail: Record<string, unknown> };

/** The signed content. Every member is plain JSON, so its canonical JSON is what the JWS signs. */
export interface CreditReport {
  format: typeof REPORT_FORMAT;
  reportNo: string;
  /** The moment of issue, ISO-8601 UTC. */
  issuedAt: string;
  issuer: string;
  basis: string;
  period: ReportPeriod;
  enterprise: ReportSource['enterprise'];
  grades: { year: number; grade: Grade; reason: string | null }[];
  /** Every public negative record decided in the period, newest first. */
  negativeRecords: ReportRecord[];
  /** The sampling results of the period, clean ones included, newest first. */
  samplingResults: ReportRecord[];
  /** NO_NEGATIVE_RECORDS_STATEMENT when negativeRecords is empty, else null. */
  statement: string | null;
}

const inPeriod = (date: string, period: ReportPeriod) => date >= period.from && date <= period.to;

/**
 * Whether a record belongs in a report of `period` issued on `today`: shown in full to the public
 * (so "records that were repaired, withdrawn or whose publication ended are not listed", 36号
 * 停止共享和使用), decided in the period, and either negative (a severity, §2) or a sampling result.
 * No-penalty outcomes (一案三书) are neither: they are "never shown as a penalty".
 */
export function reportSection(record: ReportSourceRecord, period: ReportPeriod, today: string): 'negative' | 'sampling' | null {
  if (publicView(record, today) !== 'full' || !inPeriod(record.decidedAt, period)) return null;
  if (record.kind === 'sampling_result') return 'sampling';
  return record.severity === 'none' ? null : 'negative';
}

/**
 * The members a report signs, by name: a profile's record carries more (flags, notices, repair
 * advice) that describe the moment of reading, not the record, and would make a report differ
 * from an identical one issued a minute later.
 */
const REPORTED_MEMBERS = ['id', 'kind', 'severity', 'title', 'decisionNo', 'authority', 'decidedAt', 'publishUntil'] as const;

function reportRecord(r: ReportSourceRecord): ReportRecord {
  const members = Object.fromEntries(REPORTED_MEMBERS.map((name) => [name, r[name]])) as Omit<ReportRecord, 'detail'>;
  return { ...members, detail: r.detail ?? {} };
}

const newestFirst = (a: ReportRecord, b: ReportRecord) => (a.decidedAt === b.decidedAt ? b.id - a.id : a.decidedAt < b.decidedAt ? 1 : -1);

/** The records of a report of `period` as of `today`, by section. */
export function reportRecords(records: readonly ReportSourceRecord[], period: ReportPeriod, today: string) {
  const negativeRecords: ReportRecord[] = [];
  const samplingResults: ReportRecord[] = [];
  for (const r of records) {
    const section = reportSection(r, period, today);
    if (section === 'negative') negativeRecords.push(reportRecord(r));
    else if (section === 'sampling') samplingResults.push(reportRecord(r));
  }
  return { negativeRecords: negativeRecords.sort(newestFirst), samplingResults: samplingResults.sort(newestFirst) };
}

/** The report as issued at `issuedAt` (today is its date in Beijing). */
export function buildCreditReport(
  source: ReportSource,
  issue: { reportNo: string; issuedAt: string; today: string; period: ReportPeriod },
): CreditReport {
  const { period } = issue;
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  const { negativeRecords, samplingResults } = reportRecords(source.records, period, issue.today);
  return {
    format: REPORT_FORMAT,
    reportNo: issue.reportNo,
    issuedAt: issue.issuedAt,
    issuer: REPORT_ISSUER,
    basis: REPORT_BASIS,
    period: { from: period.from, to: period.to },
    enterprise: { ...source.enterprise },
    // "the grade for each assessed year in the chosen period"
    grades: source.assessments.filter((a) => a.year >= first && a.year <= last).sort((a, b) => b.year - a.year),
    negativeRecords,
    samplingResults,
    statement: negativeRecords.length === 0 ? NO_NEGATIVE_RECORDS_STATEMENT : null,
  };
}

// ---------------------------------------------------------------------------------------------
// After issue: a report is a snapshot (§11); the employer's record may change afterwards.

export const reportChangeKinds = ['corrected', 'withdrawn', 'repaired', 'expired', 'removed', 'added'] as const;
export type ReportChangeKind = (typeof reportChangeKinds)[number];

export const reportChangeLabels: Record<ReportChangeKind, string> = {
  corrected: '报告开具后已更正',
  withdrawn: '报告开具后已撤销',
  repaired: '报告开具后已信用修复，终止公示',
  expired: '报告开具后公示期届满，已停止公示',
  removed: '报告开具后已不再公示',
  added: '报告开具后新公示',
};

export interface ReportChange {
  recordId: number;
  change: ReportChangeKind;
}

/**
 * How the records of an issued report differ from a report of the same period made now: a listed
 * record whose public content changed (corrected), one that left public view (and why, from its
 * current status), and records that now belong in the period but were not listed (published
 * after issue). Grades are not compared: only the latest assessment is kept, so an older year's
 * grade leaving the profile says nothing about that year.
 */
export function reportChanges(
  issued: Pick<CreditReport, 'period' | 'negativeRecords' | 'samplingResults'>,
  current: readonly ReportSourceRecord[],
  statusOf: ReadonlyMap<number, { status: RecordStatus; publishUntil: string | null }>,
  today: string,
): ReportChange[] {
  const now = reportRecords(current, issued.period, today);
  const nowById = new Map([...now.negativeRecords, ...now.samplingResults].map((r) => [r.id, r]));
  const listed = [...issued.negativeRecords, ...issued.samplingResults];
  const changes: ReportChange[] = [];
  for (const r of listed) {
    const present = nowById.get(r.id);
    if (present) {
      if (canonicalJson(present) !== canonicalJson(r)) changes.push({ recordId: r.id, change: 'corrected' });
      continue;
    }
    const state = statusOf.get(r.id);
    if (!state) changes.push({ recordId: r.id, change: 'removed' });
    else if (state.status === 'withdrawn' || state.status === 'repaired') changes.push({ recordId: r.id, change: state.status });
    else if (state.status === 'expired' || publicView(state, today) === null) changes.push({ recordId: r.id, change: 'expired' });
    // Still published but no longer in the period: its decision date was corrected.
    else changes.push({ recordId: r.id, change: 'corrected' });
  }
  const listedIds = new Set(listed.map((r) => r.id));
  for (const id of nowById.keys()) if (!listedIds.has(id)) changes.push({ recordId: id, change: 'added' });
  return changes;
}

/** The ids of listed records that a report made now no longer lists: their status is needed to say why. */
export function missingRecordIds(
  issued: Pick<CreditReport, 'period' | 'negativeRecords' | 'samplingResults'>,
  current: readonly ReportSourceRecord[],
  today: string,
) {
  const now = reportRecords(current, issued.period, today);
  const present = new Set([...now.negativeRecords, ...now.samplingResults].map((r) => r.id));
  return [...issued.negativeRecords, ...issued.samplingResults].map((r) => r.id).filter((id) => !present.has(id));
}
