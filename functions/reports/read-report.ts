// Showing an issued report by its number, exactly as issued (the signed bytes from FILES, checked
// against the hash recorded at issue), and what has changed in the employer's record since.
import type { Db } from '../db/client';
import { findIssuedReport, recordStates } from '../db/queries/credit-reports';
import { getCreditProfile } from '../db/queries/enterprises';
import { missingRecordIds, reportChanges, type CreditReport, type ReportChange } from '../domain/credit-report';
import { DomainError } from '../domain/errors';
import { sha256Hex } from '../domain/hex';
import { jwsPayload } from '../domain/jws';
import { parseReportNo } from '../domain/report-number';
import type { IssuedReport } from './issue-report';

const unreadable = () => new DomainError('unavailable', 'report_unavailable', '报告文件暂时无法读取，请稍后再试。');

/** The report issued under `input` (as typed: case, dashes and width do not matter), or null when there is none. */
export async function readIssuedReport(db: Db, files: R2Bucket, input: string): Promise<IssuedReport | null> {
  const reportNo = parseReportNo(input);
  if (!reportNo) return null;
  const row = await findIssuedReport(db, reportNo);
  if (!row) return null;
  const object = await files.get(row.storageKey);
  if (!object) {
    console.error('issued report missing from FILES', row.storageKey);
    throw unreadable();
  }
  const jws = await object.text();
  // Never show bytes other than those issued: an edited or swapped object is an incident, not a report.
  if ((await sha256Hex(jws)) !== row.sha256) {
    console.error('issued report does not match its recorded hash', row.storageKey);
    throw unreadable();
  }
  const report = jwsPayload(jws) as CreditReport | null;
  if (!report) throw unreadable();
  return { reportNo, issuedAt: row.issuedAt, report, jws };
}

/** How the employer's public record for the report's period differs now from what the report lists. */
export async function changesSinceIssue(db: Db, report: CreditReport, today: string): Promise<ReportChange[]> {
  const profile = await getCreditProfile(db, report.enterprise.uscc, today);
  const current = profile?.records ?? [];
  const states = await recordStates(db, missingRecordIds(report, current, today));
  return reportChanges(report, current, states, today);
}
