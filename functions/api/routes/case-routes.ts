// The two public case resources share one shape; objections.ts and repairs.ts declare their own routes with it.
import type { Context } from 'hono';
import { ApiError } from '../errors';
import { readCaseRequest } from '../case-request';
import type { AppEnv } from '../router';
import { ObjectionInputSchema, RepairInputSchema } from '../schemas/cases';
import { getDb } from '../../db/client';
import { submitCase } from '../../cases/submit-case';
import { trackCase } from '../../cases/track-case';
import { checkTurnstile, turnstileSecret } from '../../cases/turnstile';
import { todayInChina } from '../../domain/dates';
import type { CaseKind } from '../../domain/reference';

export async function handleSubmission(c: Context<AppEnv>, kind: CaseKind) {
  const now = new Date();
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
    today: todayInChina(now),
  });
  // A replay answers like the original, but says so, so that a client can tell.
  return c.json(receipt, replayed ? 200 : 201, replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

export async function handleTracking(c: Context<AppEnv>, kind: CaseKind, reference: string) {
  const found = await trackCase(getDb(c.env.DB), reference, c.req.header('X-Access-Code') ?? '');
  if (!found || found.kind !== kind) throw new ApiError(404, 'not_found', '办件编号或查询码不正确。');
  return c.json({ reference: found.reference, status: found.status, timeline: found.timeline }, 200);
}
