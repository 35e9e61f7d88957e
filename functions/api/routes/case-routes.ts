// The two public case resources share one shape; objections.ts and repairs.ts declare their own routes with it.
import type { Context } from 'hono';
import { createRoute, type z } from '@hono/zod-openapi';
import { errorResponse } from '../errors';
import { AccessCodeHeader, CaseCreatedSchema, CaseStatusSchema, ReferenceParam } from '../schemas/cases';
import { submissionBodyLimit, submissionRateLimit } from '../middleware/submissions';
import { ApiError } from '../errors';
import { readCaseRequest } from '../case-request';
import type { AppEnv } from '../router';
import { ObjectionInputSchema, RepairInputSchema } from '../schemas/cases';
import { getDb } from '../../db/client';
import { submitCase } from '../../cases/submit-case';
import { trackCase } from '../../cases/track-case';
import { checkTurnstile, turnstileSecret } from '../../cases/turnstile';
import type { CaseKind } from '../../domain/vocabulary';

export async function handleSubmission(c: Context<AppEnv>, kind: CaseKind) {
  const now = c.var.clock.now();
  const db = getDb(c.env.DB);
  const submission =
    kind === 'objection'
      ? { kind, ...(await readCaseRequest(c, ObjectionInputSchema, true)) }
      : { kind, ...(await readCaseRequest(c, RepairInputSchema, true)) };
  const challenge = await checkTurnstile(turnstileSecret(c.env), submission.turnstileToken, c.req.header('CF-Connecting-IP') ?? null);
  if (challenge) throw new ApiError(422, 'validation_failed', challenge.message, [challenge]);
  const { receipt, replayed } = await submitCase(db, c.env.FILES, submission as Parameters<typeof submitCase>[2], {
    idempotencyKey: submission.idempotencyKey,
    now,
    today: c.var.clock.today(),
  });
  // A replay answers like the original, but says so, so that a client can tell.
  return c.json(receipt, replayed ? 200 : 201, replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

export async function handleTracking(c: Context<AppEnv>, kind: CaseKind, reference: string) {
  const found = await trackCase(getDb(c.env.DB), reference, c.req.header('X-Access-Code') ?? '');
  if (!found || found.kind !== kind) throw new ApiError(404, 'not_found', '办件编号或查询码不正确。');
  const { kind: _kind, ...view } = found;
  return c.json(view, 200);
}

/** The submit and track routes of one case resource, documented alike. */
export function caseRoutes(kindLabel: string, schemas: { json: z.ZodType; form: z.ZodType }) {
  const submit = createRoute({
    method: 'post',
    path: '/',
    summary: `提交${kindLabel}`,
    middleware: [submissionRateLimit, submissionBodyLimit] as const,
    request: {
      body: {
        // Declared optional only so that each media type is validated on its own (a required body
        // would run the JSON schema over multipart requests too); a missing body still fails with 415.
        required: false,
        description: 'JSON, or multipart/form-data with files',
        content: { 'application/json': { schema: schemas.json }, 'multipart/form-data': { schema: schemas.form } },
      },
    },
    responses: {
      201: {
        description: 'Received; the access code is shown only in this response',
        content: { 'application/json': { schema: CaseCreatedSchema } },
      },
      200: {
        description: 'The same Idempotency-Key was used before: the original case, unchanged',
        content: { 'application/json': { schema: CaseCreatedSchema } },
      },
      400: errorResponse('Malformed JSON or form'),
      413: errorResponse('Body too large'),
      415: errorResponse('Neither JSON nor multipart'),
      422: errorResponse('Validation failed; see fields'),
      429: errorResponse('Too many submissions from this client; see Retry-After'),
      503: errorResponse('Storage or working-day calendar unavailable; nothing was stored'),
    },
  });
  const track = createRoute({
    method: 'get',
    path: '/{reference}',
    summary: `查询${kindLabel}办理进度`,
    request: { params: ReferenceParam, headers: AccessCodeHeader },
    responses: {
      200: { description: 'Status and timeline', content: { 'application/json': { schema: CaseStatusSchema } } },
      404: errorResponse('Unknown reference or wrong access code (indistinguishable)'),
    },
  });
  return { submit, track };
}
