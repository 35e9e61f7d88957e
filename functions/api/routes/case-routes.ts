// The two public case resources share one shape; objections.ts and repairs.ts declare their own routes with it.
// The body is read and validated by functions/cases/receive-case.ts, the same reader the forms use,
// so the route documents it by reference and installs no validator of its own.
import type { Context } from 'hono';
import { createRoute, type z } from '@hono/zod-openapi';
import { errorResponse } from '../errors';
import { AccessCodeHeader, CaseCreatedSchema, CaseStatusSchema, ReferenceParam } from '../schemas/cases';
import type { AppEnv } from '../router';
import { readSubmissionBody, receiveCase, type CaseIntake, type SubmissionBody, type SubmissionMeta } from '../../cases/receive-case';
import { clientKey } from '../../http/client-key';
import { trackCase } from '../../cases/track-case';
import { turnstileSecret } from '../../cases/turnstile';
import { DomainError } from '../../domain/errors';
import type { CaseKind } from '../../domain/vocabulary';
import type { ReferenceKind } from '../../domain/reference';

/**
 * A public submission through the API: the body read within its limits, filed by `file` (an
 * objection, a repair, a complaint), 201 — or 200 for a replay, which says so, so that a client can tell.
 */
export async function handleFiling<R>(
  c: Context<AppEnv>,
  file: (intake: CaseIntake, body: SubmissionBody, meta: SubmissionMeta) => Promise<{ receipt: R; replayed: boolean }>,
) {
  const body = await readSubmissionBody(c.req.raw, { allowJson: true });
  const intake = {
    db: c.var.db,
    files: c.env.FILES,
    limiter: c.env.SUBMIT_LIMITER,
    clock: c.var.clock,
    turnstileSecret: turnstileSecret(c.env),
  };
  const { receipt, replayed } = await file(intake, body, {
    headers: c.req.raw.headers,
    idempotencyKey: c.req.header('Idempotency-Key') ?? null,
  });
  return c.json(receipt, replayed ? 200 : 201, replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

export const handleSubmission = (c: Context<AppEnv>, kind: CaseKind) =>
  handleFiling(c, (intake, body, meta) => receiveCase(intake, kind, body, meta));

async function tracked(c: Context<AppEnv>, kinds: readonly ReferenceKind[], reference: string) {
  const found = await trackCase(c.var.db, c.var.clock, {
    reference,
    accessCode: c.req.header('X-Access-Code') ?? '',
    client: clientKey(c.req.raw.headers),
  });
  if (!found || !kinds.includes(found.kind)) throw new DomainError('not_found', 'not_found', '办件编号或查询码不正确。');
  return found;
}

export async function handleTracking(c: Context<AppEnv>, kind: CaseKind, reference: string) {
  const found = await tracked(c, [kind], reference);
  if (found.type !== 'case') throw new DomainError('not_found', 'not_found', '办件编号或查询码不正确。');
  const { kind: _kind, type: _type, ...view } = found;
  return c.json(view, 200);
}

/** Complaints and reports answer under one resource, whichever prefix (TS, JB) the reference has. */
export async function handleComplaintTracking(c: Context<AppEnv>, reference: string) {
  const found = await tracked(c, ['complaint', 'report'], reference);
  if (found.type !== 'complaint') throw new DomainError('not_found', 'not_found', '办件编号或查询码不正确。');
  const { kind: _kind, type: _type, ...view } = found;
  return c.json(view, 200);
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The submit and track routes of one case resource, documented alike. */
export function caseRoutes<Created extends z.ZodType = typeof CaseCreatedSchema, Status extends z.ZodType = typeof CaseStatusSchema>(
  kindLabel: string,
  schemas: { json: string; form: string; created?: Created; status?: Status; conflict?: string },
) {
  const created = (schemas.created ?? CaseCreatedSchema) as Created;
  const progress = (schemas.status ?? CaseStatusSchema) as Status;
  const submit = createRoute({
    method: 'post',
    path: '/',
    summary: `提交${kindLabel}`,
    request: {
      body: {
        required: true,
        description: 'JSON, or multipart/form-data with files',
        content: { 'application/json': { schema: ref(schemas.json) }, 'multipart/form-data': { schema: ref(schemas.form) } },
      },
    },
    responses: {
      201: {
        description: 'Received; the access code is shown only in this response',
        content: { 'application/json': { schema: created } },
      },
      200: {
        description: 'The same Idempotency-Key was used before: the original case, unchanged',
        content: { 'application/json': { schema: created } },
      },
      400: errorResponse('Malformed JSON or form'),
      409: errorResponse(
        schemas.conflict ?? 'case_already_open: an application for this record is being handled; no other applicant is named',
      ),
      413: errorResponse('Body too large'),
      415: errorResponse('Neither JSON nor multipart'),
      422: errorResponse('Validation failed; see fields (idempotency_key_reused: the same key with another body)'),
      429: errorResponse('Too many submissions from this client; see Retry-After'),
      503: errorResponse('Storage or verification unavailable; nothing was stored'),
    },
  });
  const track = createRoute({
    method: 'get',
    path: '/{reference}',
    summary: `查询${kindLabel}办理进度`,
    request: { params: ReferenceParam, headers: AccessCodeHeader },
    responses: {
      200: { description: 'Status, deadlines and timeline', content: { 'application/json': { schema: progress } } },
      404: errorResponse('Unknown reference or wrong access code (indistinguishable)'),
      429: errorResponse('Too many attempts for this reference or from this client; see Retry-After'),
    },
  });
  return { submit, track };
}
