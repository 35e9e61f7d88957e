// Issuing a 专用信用报告 (DOMAIN.md §11), the same way for POST /api/v1/reports and the form on
// /credit/{uscc}/report: validate, count the request against the client's limit, read the public
// profile, build the report (functions/domain/credit-report.ts), sign it, and store it so that the
// number shows exactly what was issued.
import type { Db } from '../db/client';
import { claimReportNo, releaseReportNo } from '../db/queries/credit-reports';
import { lookUpProfile } from '../disclosure/profile-lookup';
import type { Clock } from '../domain/clock';
import {
  buildCreditReport,
  defaultReportPeriod,
  reportPeriodProblems,
  type CreditReport,
  type ReportSource,
} from '../domain/credit-report';
import { DomainError, fieldErrorsFrom, validationFailed } from '../domain/errors';
import { sha256Hex } from '../domain/hex';
import { signCompact, type SigningKey } from '../domain/jws';
import { generateReportNo } from '../domain/report-number';
import { clientKey } from '../http/client-key';
import { ReportRequestSchema } from './input';

export const REPORT_RETRY_AFTER_SECONDS = 60;

export interface ReportDesk {
  db: Db;
  files: R2Bucket;
  /** REPORT_LIMITER: issues per client a minute, against bulk issuing. */
  limiter: RateLimit;
  clock: Clock;
  /** REPORT_SIGNING_KEY; without it nothing can be issued. */
  key: SigningKey | null;
}

/** What POST /api/v1/reports answers and GET /api/v1/reports/{reportNo} repeats. */
export interface IssuedReport {
  reportNo: string;
  issuedAt: string;
  report: CreditReport;
  /** Compact JWS (EdDSA) over the canonical JSON of `report`. */
  jws: string;
}

const unavailable = () => new DomainError('unavailable', 'report_unavailable', '报告开具服务暂时不可用，未开具任何报告，请稍后再试。');

/** The profile as the report's source: what the public sees, nothing more (DOMAIN.md §8). */
function sourceOf(profile: Awaited<ReturnType<typeof lookUpProfile>> & { ok: true }): ReportSource {
  const { enterprise, grade, records } = profile.profile;
  return {
    enterprise: {
      uscc: enterprise.uscc,
      name: enterprise.name,
      district: enterprise.district,
      industry: enterprise.industry,
      address: enterprise.address,
      status: enterprise.status,
      legalRepresentative: enterprise.legalRepresentative,
    },
    assessments: grade.value && grade.year !== null ? [{ year: grade.year, grade: grade.value, reason: grade.reasons[0] ?? null }] : [],
    records,
  };
}

export async function issueReport(desk: ReportDesk, raw: unknown, headers: Headers): Promise<IssuedReport> {
  const parsed = ReportRequestSchema.safeParse(raw);
  if (!parsed.success) throw validationFailed(fieldErrorsFrom(parsed.error.issues));
  const today = desk.clock.today();
  const fallback = defaultReportPeriod(today);
  const period = { from: parsed.data.from ?? fallback.from, to: parsed.data.to ?? fallback.to };
  const problems = reportPeriodProblems(period, today);
  if (problems.length) throw validationFailed(problems, '报告期不符合要求：最长为近 3 年，且不晚于今天。');

  // Counted after validation (a corrected date is not another attempt), before any lookup, so that
  // trying code after code to harvest reports is limited too. Without Cloudflare's edge in front
  // (local use) there is no client to count.
  const client = clientKey(headers);
  const { success } = client ? await desk.limiter.limit({ key: `report:${client}` }) : { success: true };
  if (!success) {
    throw new DomainError('too_many', 'rate_limited', `开具报告过于频繁，请 ${REPORT_RETRY_AFTER_SECONDS} 秒后再试。`, {
      retryAfterSeconds: REPORT_RETRY_AFTER_SECONDS,
    });
  }
  if (!desk.key) {
    console.error('REPORT_SIGNING_KEY is missing or not an Ed25519 private JWK with a kid: no report can be issued');
    throw unavailable();
  }

  const found = await lookUpProfile(desk.db, parsed.data.uscc, today);
  if (!found.ok) throw new DomainError(found.kind, found.code, found.message);
  const source = sourceOf(found);
  const issuedAt = desk.clock.now().toISOString();
  const year = Number(today.slice(0, 4));

  // A clash of random numbers is vanishingly rare; the primary key refuses it and another is drawn.
  for (let attempt = 0; attempt < 3; attempt++) {
    const reportNo = generateReportNo(year);
    const report = buildCreditReport(source, { reportNo, issuedAt, today, period });
    const jws = await signCompact(report, desk.key);
    const sha256 = await sha256Hex(jws);
    const storageKey = `reports/${reportNo}.jws`;
    const row = {
      reportNo,
      uscc: source.enterprise.uscc,
      periodFrom: period.from,
      periodTo: period.to,
      issuedAt,
      kid: desk.key.kid,
      storageKey,
      sha256,
    };
    if (!(await claimReportNo(desk.db, row))) continue;
    try {
      await desk.files.put(storageKey, jws, {
        httpMetadata: { contentType: 'application/jose', contentDisposition: `attachment; filename="${reportNo}.jws"` },
        sha256,
        customMetadata: { uscc: source.enterprise.uscc },
      });
    } catch (error) {
      console.error('storing an issued report failed', reportNo, error);
      await releaseReportNo(desk.db, reportNo).catch(() => undefined);
      throw unavailable();
    }
    return { reportNo, issuedAt, report, jws };
  }
  throw unavailable();
}
