// Tracking a case by reference and access code. A wrong code and an unknown reference must be
// indistinguishable — same answer and, as far as practical, the same time — so a reference cannot
// be confirmed by guessing; and guessing itself is bounded: every attempt is counted, per
// reference and per client, before any hashing (functions/domain/tracking-limits.ts).
import { commitAudited, SYSTEM_ACTOR } from '../audit/append';
import type { Db } from '../db/client';
import { caseSubject, caseTimeline, findCaseByReference } from '../db/queries/cases';
import { findComplaintByReference } from '../db/queries/complaints';
import { complaintProgress } from '../complaints/progress';
import { clearAttempts, countAttempt } from '../db/queries/tracking';
import type { Clock } from '../domain/clock';
import { DomainError } from '../domain/errors';
import { parseReference, verifyAccessCode } from '../domain/reference';
import { TRACKING_LIMITS, trackingWindow } from '../domain/tracking-limits';

/** A well-formed hash of no code anyone holds: checked when the reference is unknown, to spend the same time. */
const DECOY_HASH = `pbkdf2-sha256$100000$${'00'.repeat(16)}$${'00'.repeat(32)}`;

const tooManyError = (retryAfterSeconds: number) =>
  new DomainError(
    'too_many',
    'rate_limited',
    `查询尝试次数过多，为保护办件信息，请在 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试；如查询码遗失，请致电办理窗口。`,
    { retryAfterSeconds },
  );

/** The refusal, answered after the pause of TRACKING_LIMITS.refusedAnswerDelayMs. */
async function tooMany(retryAfterSeconds: number): Promise<never> {
  await new Promise((resolve) => setTimeout(resolve, TRACKING_LIMITS.refusedAnswerDelayMs));
  throw tooManyError(retryAfterSeconds);
}

/**
 * Keys already past their limit in this isolate, and when their window ends (ms). D1 stays the
 * record; this only spares it: a locked reference under attack is refused from memory, so a flood
 * of guesses costs no database write each and other requests keep their speed. Bounded, oldest
 * first out; a lock forgotten here is found again in D1 on the next attempt.
 */
const knownLocks = new Map<string, number>();
const KNOWN_LOCKS_MAX = 10_000;

function lockedUntil(key: string, now: number): number | null {
  const until = knownLocks.get(key);
  if (until === undefined) return null;
  if (until > now) return until;
  knownLocks.delete(key);
  return null;
}

function rememberLock(key: string, until: number) {
  if (knownLocks.size >= KNOWN_LOCKS_MAX) knownLocks.delete(knownLocks.keys().next().value!);
  knownLocks.set(key, until);
}

/** Counts one attempt for `key`; past `limit`, refuses it (and remembers the lock). Answers the count. */
async function countOrRefuse(db: Db, key: string, limit: number, window: ReturnType<typeof trackingWindow>, now: number) {
  if (lockedUntil(key, now) !== null) return tooMany(window.retryAfterSeconds);
  const attempts = await countAttempt(db, key, window.start);
  if (attempts > limit) rememberLock(key, now + window.retryAfterSeconds * 1000);
  return attempts;
}

/**
 * The case, or null for a wrong code or an unknown reference. Throws a `too_many` DomainError when
 * the reference or the client has used up its attempts; the reference's lock is audited once.
 */
export async function trackCase(db: Db, clock: Clock, input: { reference: string; accessCode: string; client: string | null }) {
  const parsed = parseReference(input.reference);
  // The shape of a reference is public; a malformed one needs no hashing to be refused.
  if (!parsed.ok) return null;
  const now = clock.now();
  const window = trackingWindow(now);
  const clientKey = input.client === null ? null : `client:${input.client}`;
  if (clientKey && (await countOrRefuse(db, clientKey, TRACKING_LIMITS.perClient, window, now.getTime())) > TRACKING_LIMITS.perClient) {
    return tooMany(window.retryAfterSeconds);
  }
  const referenceKey = `reference:${parsed.reference}`;
  const attempts = await countOrRefuse(db, referenceKey, TRACKING_LIMITS.perReference, window, now.getTime());
  if (attempts > TRACKING_LIMITS.perReference) {
    if (attempts === TRACKING_LIMITS.perReference + 1) await auditLock(db, clock, parsed.reference, window.start);
    return tooMany(window.retryAfterSeconds);
  }
  if (parsed.kind === 'complaint' || parsed.kind === 'report') {
    const complaint = await findComplaintByReference(db, parsed.reference);
    if (!(await verifyAccessCode(input.accessCode, complaint?.accessCodeHash ?? DECOY_HASH)) || !complaint) return null;
    await clearAttempts(db, referenceKey, window.start);
    return { kind: parsed.kind, ...(await complaintProgress(db, complaint)) };
  }
  const found = await findCaseByReference(db, parsed.kind, parsed.reference);
  const matches = await verifyAccessCode(input.accessCode, found?.accessCodeHash ?? DECOY_HASH);
  if (!found || !matches) return null;
  await clearAttempts(db, referenceKey, window.start);
  return {
    kind: parsed.kind,
    type: 'case' as const,
    reference: found.reference,
    status: found.status,
    acceptBy: found.acceptBy,
    decideBy: found.decideBy,
    acceptByProvisional: found.acceptByProvisional,
    decideByProvisional: found.decideByProvisional,
    // The record it is about, as the applicant knew it: withdrawn or repaired since, it is still theirs to see.
    subject: await caseSubject(db, found.uscc, found.recordId),
    timeline: await caseTimeline(db, found.reference),
  };
}

/** Staff see in the audit log that a reference was being guessed at, and since when it is closed. */
function auditLock(db: Db, clock: Clock, reference: string, window: string) {
  return commitAudited(db, clock, SYSTEM_ACTOR, async () => ({
    action: 'tracking.locked',
    target: `reference:${reference}`,
    before: null,
    after: { window, attempts: TRACKING_LIMITS.perReference, lockedForMinutes: TRACKING_LIMITS.windowMinutes },
    guards: [],
    statements: [],
    result: undefined,
  }));
}
