// The no-JavaScript form that issues a 专用信用报告 on /credit/{uscc}/report: a plain POST, issued by
// the same use case as POST /api/v1/reports (functions/reports/issue-report.ts), then a redirect to
// the report's own page; on an error the form comes back with the answers kept.
import { env } from 'cloudflare:workers';
import type { Db } from '../../functions/db/client';
import { lookUpProfile, type ProfileLookup } from '../../functions/disclosure/profile-lookup';
import { signingKey } from '../../functions/auth/secrets';
import type { Clock } from '../../functions/domain/clock';
import { defaultReportPeriod } from '../../functions/domain/credit-report';
import { DomainError, type FieldError } from '../../functions/domain/errors';
import { readWithin } from '../../functions/http/body';
import { statusOf } from '../../functions/http/status';
import { MAX_REPORT_REQUEST_BYTES } from '../../functions/reports/input';
import { issueReport } from '../../functions/reports/issue-report';

export interface ReportFormState {
  status: number;
  lookup: ProfileLookup;
  values: { from: string; to: string };
  errors: FieldError[];
  /** Where to send the person once the report is issued. */
  issued: string | null;
  /** Seconds to wait after too many reports from this client (sent as Retry-After). */
  retryAfterSeconds: number | null;
}

/** Where an error without a field of its own (too many requests, signing down) is shown. */
const GENERAL_FIELD = 'from';

export async function handleReportForm(request: Request, uscc: string, clock: Clock, db: Db): Promise<ReportFormState> {
  const lookup = await lookUpProfile(db, uscc, clock.today());
  const values = defaultReportPeriod(clock.today());
  if (!lookup.ok) return { status: statusOf(lookup.kind), lookup, values, errors: [], issued: null, retryAfterSeconds: null };
  if (request.method !== 'POST') return { status: 200, lookup, values, errors: [], issued: null, retryAfterSeconds: null };

  let answers = values;
  try {
    const bytes = await readWithin(request, MAX_REPORT_REQUEST_BYTES);
    if (!bytes) throw new DomainError('too_large', 'payload_too_large', '提交内容过大。');
    const form = new URLSearchParams(new TextDecoder().decode(bytes));
    answers = { from: form.get('from') ?? '', to: form.get('to') ?? '' };
    const desk = { db, files: env.FILES, limiter: env.REPORT_LIMITER, clock, key: signingKey(env, 'REPORT_SIGNING_KEY') };
    const issued = await issueReport(desk, { uscc: lookup.profile.enterprise.uscc, ...answers }, request.headers);
    return { status: 303, lookup, values: answers, errors: [], issued: `/reports/${issued.reportNo}`, retryAfterSeconds: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const errors = error.fields?.length ? error.fields : [{ path: GENERAL_FIELD, message: error.message }];
    return {
      status: statusOf(error.kind),
      lookup,
      values: answers,
      errors,
      issued: null,
      retryAfterSeconds: error.retryAfterSeconds ?? null,
    };
  }
}
