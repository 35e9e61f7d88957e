// The no-JavaScript objection and repair forms: a plain POST, validated on the server by the same
// schemas and the same submitCase workflow as the API, answers kept on error.
import { env } from 'cloudflare:workers';
import { ApiError, fieldErrors, type FieldError } from '../../functions/api/errors';
import { ObjectionInputSchema, RepairInputSchema, formToInput } from '../../functions/api/schemas/cases';
import { clientKey, MAX_SUBMISSION_BYTES, RATE_LIMIT_RETRY_AFTER_SECONDS } from '../../functions/api/middleware/submissions';
import { getDb } from '../../functions/db/client';
import { getCreditProfile, type CreditProfile, type PublicRecord } from '../../functions/db/queries/enterprises';
import { submitCase, type CaseReceipt, type CaseSubmission, type UploadedFile } from '../../functions/cases/submit-case';
import { parseUscc } from '../../functions/domain/uscc';
import { checkTurnstile, turnstileSecret, TURNSTILE_FIELD } from '../../functions/cases/turnstile';
import type { CaseKind } from '../../functions/domain/vocabulary';
import type { Clock } from '../../functions/domain/clock';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { caseDeadlines, type CaseDeadlines } from '../../functions/domain/case-deadlines';

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

const FILE_ROLES: Record<string, UploadedFile['role']> = { commitment: 'commitment', evidence: 'evidence', attachments: 'attachment' };

/** Field paths as element ids: `applicant.name` → `applicant-name`. */
export const fieldId = (path: string) => path.replaceAll('.', '-');

async function context(uscc: string | undefined, recordId: string | undefined, today: string) {
  const code = uscc ? parseUscc(uscc) : null;
  if (!code?.ok) return { enterprise: null, record: null };
  const profile = await getCreditProfile(getDb(env.DB), code.code, today);
  return { enterprise: profile?.enterprise ?? null, record: profile?.records.find((r) => String(r.id) === recordId) ?? null };
}

export async function handleCaseForm(kind: CaseKind, request: Request, url: URL, clock: Clock): Promise<CaseFormState> {
  const now = clock.now();
  const today = clock.today();
  const deadlines = caseDeadlines(defaultCalendar, kind, { submittedOn: today });
  if (request.method !== 'POST') {
    const values = { uscc: url.searchParams.get('uscc') ?? '', recordId: url.searchParams.get('recordId') ?? '' };
    return {
      status: 200,
      values,
      errors: [],
      receipt: null,
      token: crypto.randomUUID(),
      deadlines,
      ...(await context(values.uscc, values.recordId, today)),
    };
  }

  const fail = async (status: number, errors: FieldError[], values: Record<string, string>, token: string): Promise<CaseFormState> => ({
    status,
    values,
    errors,
    receipt: null,
    token,
    deadlines,
    ...(await context(values.uscc, values.recordId, today)),
  });

  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_SUBMISSION_BYTES) {
    return fail(413, [{ path: 'attachments', message: '提交内容过大：每个附件不超过 10 MB，最多 5 个。' }], {}, crypto.randomUUID());
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, [{ path: 'statement', message: '表单数据格式有误，请重新填写。' }], {}, crypto.randomUUID());
  }
  const values: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') values[key] = value;
    else if (FILE_ROLES[key] && (value.size > 0 || value.name)) files.push({ role: FILE_ROLES[key]!, field: key, file: value });
  }
  const token = /^[0-9a-f-]{36}$/.test(values.formToken ?? '') ? values.formToken! : crypto.randomUUID();

  const { success } = await env.SUBMIT_LIMITER.limit({ key: `submit:${clientKey((n) => request.headers.get(n) ?? undefined)}` });
  if (!success) {
    return fail(
      429,
      [{ path: 'statement', message: `提交过于频繁，请 ${RATE_LIMIT_RETRY_AFTER_SECONDS} 秒后再提交；您填写的内容已保留。` }],
      values,
      token,
    );
  }

  const schema = kind === 'objection' ? ObjectionInputSchema : RepairInputSchema;
  const parsed = schema.safeParse(formToInput(values));
  if (!parsed.success) return fail(422, fieldErrors(parsed.error.issues), values, token);

  try {
    const challenge = await checkTurnstile(turnstileSecret(env), values[TURNSTILE_FIELD] ?? null, request.headers.get('CF-Connecting-IP'));
    if (challenge) return fail(422, [challenge], values, token);
    const { receipt } = await submitCase(getDb(env.DB), env.FILES, { kind, input: parsed.data, files } as CaseSubmission, {
      idempotencyKey: token,
      now,
      today,
    });
    return { status: 201, values, errors: [], receipt, token, deadlines, enterprise: null, record: null };
  } catch (error) {
    if (error instanceof ApiError) {
      return fail(error.status, error.fields ?? [{ path: 'statement', message: error.message }], values, token);
    }
    throw error;
  }
}
