// The no-JavaScript objection and repair forms: a plain POST, read, validated and filed by the same
// use case as the API (functions/cases/receive-case.ts), answers kept on error.
import { env } from 'cloudflare:workers';
import { getDb } from '../../functions/db/client';
import { getCreditProfile, type CreditProfile, type PublicRecord } from '../../functions/db/queries/enterprises';
import {
  formStrings,
  readSubmissionBody,
  receiveCase,
  type CaseIntake,
  type SubmissionBody,
  type SubmissionMeta,
} from '../../functions/cases/receive-case';
import type { CaseReceipt } from '../../functions/cases/submit-case';
import { turnstileSecret } from '../../functions/cases/turnstile';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { caseDeadlines, type CaseDeadlines } from '../../functions/domain/case-deadlines';
import type { Clock } from '../../functions/domain/clock';
import { DomainError, type FieldError } from '../../functions/domain/errors';
import { parseUscc } from '../../functions/domain/uscc';
import type { CaseKind } from '../../functions/domain/vocabulary';
import { statusOf } from '../../functions/http/status';

export interface CaseFormState {
  status: number;
  values: Record<string, string>;
  errors: FieldError[];
  receipt: CaseReceipt | null;
  /** Idempotency token of this form instance: a double submit or a refresh creates one case. */
  token: string;
  enterprise: CreditProfile['enterprise'] | null;
  record: PublicRecord | null;
  /** The deadlines a submission made today would get, shown before the person writes. */
  deadlines: CaseDeadlines;
}

/** Field paths as element ids: `applicant.name` → `applicant-name`. */
export const fieldId = (path: string) => path.replaceAll('.', '-');

/** Where a refusal without a field of its own is shown. */
const GENERAL_FIELD = 'statement';

async function context(uscc: string | undefined, recordId: string | undefined, today: string) {
  const code = uscc ? parseUscc(uscc) : null;
  if (!code?.ok) return { enterprise: null, record: null };
  const profile = await getCreditProfile(getDb(env.DB), code.code, today);
  return { enterprise: profile?.enterprise ?? null, record: profile?.records.find((r) => String(r.id) === recordId) ?? null };
}

export type FormSubmission<R> =
  | { ok: true; receipt: R; values: Record<string, string>; token: string }
  | { ok: false; status: number; errors: FieldError[]; values: Record<string, string>; token: string };

/**
 * A no-JavaScript form's POST, for objections, repairs and complaints alike: read within its limits,
 * filed by `file` with the form's own token as idempotency key (a double submit or a refresh files
 * one case), refusals back as field errors with the answers kept.
 */
export async function fileFormSubmission<R>(
  request: Request,
  clock: Clock,
  generalField: string,
  file: (intake: CaseIntake, body: SubmissionBody, meta: SubmissionMeta) => Promise<{ receipt: R }>,
): Promise<FormSubmission<R>> {
  let values: Record<string, string> = {};
  let token: string = crypto.randomUUID();
  try {
    const body = await readSubmissionBody(request, { allowJson: false });
    if (body.type === 'form') {
      values = formStrings(body.form);
      if (/^[0-9a-f-]{36}$/.test(values.formToken ?? '')) token = values.formToken!;
    }
    const intake = { db: getDb(env.DB), files: env.FILES, limiter: env.SUBMIT_LIMITER, clock, turnstileSecret: turnstileSecret(env) };
    const { receipt } = await file(intake, body, { headers: request.headers, idempotencyKey: token });
    return { ok: true, receipt, values, token };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const errors = error.fields?.length ? error.fields : [{ path: generalField, message: error.message }];
    return { ok: false, status: statusOf(error.kind), errors, values, token };
  }
}

export async function handleCaseForm(kind: CaseKind, request: Request, url: URL, clock: Clock): Promise<CaseFormState> {
  const today = clock.today();
  const deadlines = caseDeadlines(defaultCalendar, kind, { submittedOn: today });
  const state = async (status: number, values: Record<string, string>, errors: FieldError[], token: string): Promise<CaseFormState> => ({
    status,
    values,
    errors,
    receipt: null,
    token,
    deadlines,
    ...(await context(values.uscc, values.recordId, today)),
  });
  if (request.method !== 'POST') {
    const values = { uscc: url.searchParams.get('uscc') ?? '', recordId: url.searchParams.get('recordId') ?? '' };
    return state(200, values, [], crypto.randomUUID());
  }

  const posted = await fileFormSubmission(request, clock, GENERAL_FIELD, (intake, body, meta) => receiveCase(intake, kind, body, meta));
  if (posted.ok)
    return {
      status: 201,
      values: posted.values,
      errors: [],
      receipt: posted.receipt,
      token: posted.token,
      deadlines,
      enterprise: null,
      record: null,
    };
  return state(posted.status, posted.values, posted.errors, posted.token);
}
