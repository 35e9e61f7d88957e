// Receiving an objection or a repair application, the same way for the JSON/multipart API and the
// no-JavaScript forms: read the body within its size limit, validate it, then count it against
// the client's rate limit, pass the challenge, and file it (submit-case.ts).
import type { z } from '@hono/zod-openapi';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../domain/attachments';
import type { Clock } from '../domain/clock';
import { DomainError, fieldErrorsFrom, validationFailed } from '../domain/errors';
import type { CaseKind } from '../domain/vocabulary';
import type { Db } from '../db/client';
import { discardBody, readWithin } from '../http/body';
import { clientKey } from '../http/client-key';
import { formToInput, ObjectionInputSchema, RepairInputSchema } from './input';
import { IDEMPOTENCY_KEY, submitCase, type CaseReceipt, type UploadedFile } from './submit-case';
import { checkTurnstile, TURNSTILE_FIELD } from './turnstile';

/** Room for the largest legal submission (5 files of 10 MB) and its multipart framing, no more. */
export const MAX_SUBMISSION_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024;
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 60;

/** A JSON submission carries no files: a few thousand characters of text at most. */
const MAX_JSON_BYTES = 64 * 1024;

const tooLarge = () => new DomainError('too_large', 'payload_too_large', '提交内容过大：每个附件不超过 10 MB，最多 5 个。');

export type SubmissionBody = { type: 'json'; value: unknown } | { type: 'form'; form: FormData };

/** JSON (the API only) or a form, as sent. Malformed bodies and other media types are refused here. */
export async function readSubmissionBody(request: Request, options: { allowJson: boolean }): Promise<SubmissionBody> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  const json = type === 'application/json' && options.allowJson;
  if (!json && type !== 'multipart/form-data' && type !== 'application/x-www-form-urlencoded') {
    await discardBody(request);
    throw new DomainError(
      'unsupported_media',
      'unsupported_media_type',
      options.allowJson ? '请以 application/json 或 multipart/form-data 提交。' : '请以 multipart/form-data 提交（需上传附件）。',
    );
  }
  const bytes = await readWithin(request, json ? MAX_JSON_BYTES : MAX_SUBMISSION_BYTES);
  if (!bytes) throw tooLarge();
  if (json) {
    try {
      return { type: 'json', value: JSON.parse(new TextDecoder().decode(bytes)) };
    } catch {
      throw new DomainError('malformed', 'invalid_json', '请求体不是有效的 JSON。');
    }
  }
  try {
    const form = await new Response(bytes, { headers: { 'Content-Type': request.headers.get('Content-Type')! } }).formData();
    return { type: 'form', form };
  } catch {
    throw new DomainError('malformed', 'invalid_form', '表单数据格式有误。');
  }
}

/** The text fields of a form, to show them again after an error. */
export function formStrings(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  return values;
}

const FILE_FIELDS: Record<string, UploadedFile['role']> = { commitment: 'commitment', evidence: 'evidence', attachments: 'attachment' };

export function formFiles(form: FormData): UploadedFile[] {
  const files: UploadedFile[] = [];
  for (const [field, role] of Object.entries(FILE_FIELDS)) {
    // A file input left empty still sends a part with no name and no bytes.
    for (const value of form.getAll(field)) {
      if (typeof value !== 'string' && (value.size > 0 || value.name)) files.push({ role, field, file: value });
    }
  }
  return files;
}

const schemas: Record<CaseKind, z.ZodType> = { objection: ObjectionInputSchema, repair: RepairInputSchema };

export interface CaseIntake {
  db: Db;
  files: R2Bucket;
  limiter: RateLimit;
  clock: Clock;
  turnstileSecret: string | undefined;
}

export interface SubmissionMeta {
  headers: Headers;
  /** The client's key (Idempotency-Key header), or the form's own token: a replay files nothing new. */
  idempotencyKey: string | null;
}

/**
 * What every public submission passes once its fields are valid: a well-formed idempotency key,
 * the client's rate limit (counted after validation: a mistake corrected is not an attempt) and
 * Turnstile where configured.
 */
export async function admitSubmission(intake: Pick<CaseIntake, 'limiter' | 'turnstileSecret'>, body: SubmissionBody, meta: SubmissionMeta) {
  if (meta.idempotencyKey !== null && !IDEMPOTENCY_KEY.test(meta.idempotencyKey)) {
    throw validationFailed(
      [{ path: 'Idempotency-Key', message: '应为 16–128 位字母、数字、连字符或下划线，建议使用随机 UUID' }],
      'Idempotency-Key 格式不正确。',
    );
  }
  // Without Cloudflare's edge in front (local use) there is no client to key on, and nothing to count.
  const client = clientKey(meta.headers);
  const { success } = client ? await intake.limiter.limit({ key: `submit:${client}` }) : { success: true };
  if (!success) {
    throw new DomainError('too_many', 'rate_limited', `提交过于频繁，请 ${RATE_LIMIT_RETRY_AFTER_SECONDS} 秒后再试；您填写的内容已保留。`, {
      retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_SECONDS,
    });
  }
  const formToken = body.type === 'form' ? body.form.get(TURNSTILE_FIELD) : null;
  const token = typeof formToken === 'string' ? formToken : meta.headers.get('CF-Turnstile-Response');
  const challenge = await checkTurnstile(intake.turnstileSecret, token, meta.headers.get('CF-Connecting-IP'));
  if (challenge) throw validationFailed([challenge], challenge.message);
}

export async function receiveCase(
  intake: CaseIntake,
  kind: CaseKind,
  body: SubmissionBody,
  meta: SubmissionMeta,
): Promise<{ receipt: CaseReceipt; replayed: boolean }> {
  const raw = body.type === 'json' ? body.value : formToInput(formStrings(body.form));
  const parsed = schemas[kind].safeParse(raw);
  if (!parsed.success) throw validationFailed(fieldErrorsFrom(parsed.error.issues));
  await admitSubmission(intake, body, meta);
  const files = body.type === 'form' ? formFiles(body.form) : [];
  return submitCase(intake.db, intake.files, { kind, input: parsed.data, files } as Parameters<typeof submitCase>[2], {
    idempotencyKey: meta.idempotencyKey,
    now: intake.clock.now(),
    today: intake.clock.today(),
  });
}
