// The no-JavaScript objection and repair forms. They start from the letter in the applicant's hand
// (the 决定书文号, DOMAIN.md §3 两书同达) or from a record on a profile, say whether the application
// can be made before anyone writes, and then file it by the same use case as the API
// (functions/cases/receive-case.ts), answers kept on error.
import { env } from 'cloudflare:workers';
import type { Db } from '../../functions/db/client';
import { getCreditProfile, type PublicRecord } from '../../functions/db/queries/enterprises';
import { findPublicRecordsByDecisionNo, type RecordWithEnterprise } from '../../functions/db/queries/records-by-decision';
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
import { DecisionNoQuery } from '../../functions/disclosure/query-input';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { caseAvailability, type CaseAvailability } from '../../functions/domain/case-availability';
import { caseDeadlines, type CaseDeadlines } from '../../functions/domain/case-deadlines';
import type { Clock } from '../../functions/domain/clock';
import { DomainError, fieldErrorsFrom, type FieldError } from '../../functions/domain/errors';
import { cleanLine } from '../../functions/domain/text';
import { parseUscc } from '../../functions/domain/uscc';
import type { CaseKind } from '../../functions/domain/vocabulary';
import { statusOf } from '../../functions/http/status';

/** The record an application is about, its employer, and whether the application can be made. */
export interface CaseSubject {
  enterprise: { uscc: string; name: string };
  record: PublicRecord;
  availability: CaseAvailability;
}

export interface CaseFormState {
  status: number;
  values: Record<string, string>;
  errors: FieldError[];
  receipt: CaseReceipt | null;
  /** Idempotency token of this form instance: a double submit or a refresh creates one case. */
  token: string;
  /** Null while the applicant is still finding the record. */
  subject: CaseSubject | null;
  /** The first step's answer: the records a typed decision number found (several only when one number produced several). */
  matches: RecordWithEnterprise[];
  /** What the confirmation lists as received. */
  received: { name: string; size: number }[];
  /** The deadlines a submission made today would get, shown before the person writes. */
  deadlines: CaseDeadlines;
}

const subjectOf = (kind: CaseKind, found: { enterprise: { uscc: string; name: string }; record: PublicRecord }): CaseSubject => ({
  ...found,
  availability: caseAvailability(kind, found.record),
});

/** The record named by a profile's link or the form's hidden fields. */
async function subjectByRecord(db: Db, kind: CaseKind, uscc: string | undefined, recordId: string | undefined, today: string) {
  const code = uscc ? parseUscc(uscc) : null;
  if (!code?.ok || !recordId) return null;
  const profile = await getCreditProfile(db, code.code, today);
  const record = profile?.records.find((r) => String(r.id) === recordId);
  return profile && record ? subjectOf(kind, { enterprise: profile.enterprise, record }) : null;
}

/** The first step: the records of a typed decision number, or why none was found. */
async function lookUpDecisionNo(db: Db, typed: string, today: string): Promise<{ matches: RecordWithEnterprise[]; errors: FieldError[] }> {
  const parsed = DecisionNoQuery.safeParse({ decisionNo: typed });
  if (!parsed.success) return { matches: [], errors: fieldErrorsFrom(parsed.error.issues) };
  const matches = await findPublicRecordsByDecisionNo(db, parsed.data.decisionNo, today);
  if (matches.length > 0) return { matches, errors: [] };
  return {
    matches,
    errors: [
      {
        path: 'decisionNo',
        message:
          '没有找到该文号的公示记录。请核对决定书上的文号（括号和空格不影响查找）；决定作出后 7 个工作日内公示，刚收到的决定书可能尚未公示。',
      },
    ],
  };
}

/** The files of the form, as the confirmation lists them. */
function receivedFiles(body: SubmissionBody): CaseFormState['received'] {
  if (body.type !== 'form') return [];
  return [...body.form.values()].flatMap((v) =>
    typeof v !== 'string' && v.size > 0 ? [{ name: cleanLine(v.name) || '附件', size: v.size }] : [],
  );
}

/** Field paths as element ids: `applicant.name` → `applicant-name`. */
export const fieldId = (path: string) => path.replaceAll('.', '-');

/** Where a refusal without a field of its own is shown. */
const GENERAL_FIELD = 'statement';

export type FormSubmission<R> =
  | { ok: true; receipt: R; values: Record<string, string>; token: string; received: CaseFormState['received'] }
  | { ok: false; status: number; errors: FieldError[]; values: Record<string, string>; token: string };

/**
 * A no-JavaScript form's POST, for objections, repairs and complaints alike: read within its limits,
 * filed by `file` with the form's own token as idempotency key (a double submit or a refresh files
 * one case), refusals back as field errors with the answers kept. `db`: the request's D1 session
 * (Astro.locals.db), which hands the browser its bookmark after filing.
 */
export async function fileFormSubmission<R>(
  request: Request,
  clock: Clock,
  db: Db,
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
    const intake = { db, files: env.FILES, limiter: env.SUBMIT_LIMITER, clock, turnstileSecret: turnstileSecret(env) };
    const { receipt } = await file(intake, body, { headers: request.headers, idempotencyKey: token });
    return { ok: true, receipt, values, token, received: receivedFiles(body) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const errors = error.fields?.length ? error.fields : [{ path: generalField, message: error.message }];
    return { ok: false, status: statusOf(error.kind), errors, values, token };
  }
}

export async function handleCaseForm(kind: CaseKind, request: Request, url: URL, clock: Clock, db: Db): Promise<CaseFormState> {
  const today = clock.today();
  const blank = {
    receipt: null,
    subject: null,
    matches: [],
    received: [],
    deadlines: caseDeadlines(defaultCalendar, kind, { submittedOn: today }),
  } satisfies Partial<CaseFormState>;

  if (request.method !== 'POST') {
    const values = {
      uscc: url.searchParams.get('uscc') ?? '',
      recordId: url.searchParams.get('recordId') ?? '',
      decisionNo: (url.searchParams.get('decisionNo') ?? '').slice(0, 200),
    };
    const token = crypto.randomUUID();
    if (url.searchParams.has('decisionNo')) {
      const { matches, errors } = await lookUpDecisionNo(db, values.decisionNo, today);
      const subject = matches.length === 1 ? subjectOf(kind, matches[0]!) : null;
      return { ...blank, status: errors.length ? 422 : 200, values, errors, token, matches, subject };
    }
    return {
      ...blank,
      status: 200,
      values,
      errors: [],
      token,
      subject: await subjectByRecord(db, kind, values.uscc, values.recordId, today),
    };
  }

  const posted = await fileFormSubmission(request, clock, db, GENERAL_FIELD, (intake, body, meta) => receiveCase(intake, kind, body, meta));
  const subject = await subjectByRecord(db, kind, posted.values.uscc, posted.values.recordId, today);
  if (posted.ok) {
    const { receipt, values, token, received } = posted;
    return { ...blank, status: 201, values, errors: [], receipt, token, subject, received };
  }
  return { ...blank, status: posted.status, values: posted.values, errors: posted.errors, token: posted.token, subject };
}
