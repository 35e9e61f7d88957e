// Reading a submission from either JSON or multipart/form-data into one validated shape.
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { ApiError, fieldErrors } from './errors';
import { formToInput } from './schemas/cases';
import { IDEMPOTENCY_KEY, type UploadedFile } from '../cases/submit-case';
import { TURNSTILE_FIELD } from '../cases/turnstile';

const FILE_FIELDS: Record<string, UploadedFile['role']> = { commitment: 'commitment', evidence: 'evidence', attachments: 'attachment' };

function collectFiles(form: Record<string, unknown>): UploadedFile[] {
  const files: UploadedFile[] = [];
  for (const [field, role] of Object.entries(FILE_FIELDS)) {
    const values = ([] as unknown[]).concat(form[field] ?? []);
    // A file input left empty still sends a part with no name and no bytes.
    for (const value of values) if (value instanceof File && (value.size > 0 || value.name)) files.push({ role, field, file: value });
  }
  return files;
}

export async function readCaseRequest<S extends z.ZodType>(c: Context, schema: S, allowJson: boolean) {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  let raw: unknown;
  let files: UploadedFile[] = [];
  let turnstileToken = c.req.header('CF-Turnstile-Response') ?? null;
  if (type === 'application/json' && allowJson) {
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, 'invalid_json', '请求体不是有效的 JSON。');
    }
  } else if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new ApiError(400, 'invalid_form', '表单数据格式有误。');
    }
    files = collectFiles(form);
    if (typeof form[TURNSTILE_FIELD] === 'string') turnstileToken = form[TURNSTILE_FIELD];
    raw = formToInput(form);
  } else {
    throw new ApiError(
      415,
      'unsupported_media_type',
      allowJson ? '请以 application/json 或 multipart/form-data 提交。' : '请以 multipart/form-data 提交（需上传附件）。',
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError(422, 'validation_failed', '请求内容未通过校验，请按提示修改。', fieldErrors(parsed.error.issues));
  const key = c.req.header('Idempotency-Key') ?? null;
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    throw new ApiError(422, 'validation_failed', 'Idempotency-Key 格式不正确。', [
      { path: 'Idempotency-Key', message: '应为 16–128 位字母、数字、连字符或下划线，建议使用随机 UUID' },
    ]);
  }
  return { input: parsed.data as z.infer<S>, files, idempotencyKey: key, turnstileToken };
}
