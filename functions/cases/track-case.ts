// Tracking a case by reference and access code. A wrong code and an unknown reference must be
// indistinguishable — same answer and, as far as practical, the same time — so a reference
// cannot be confirmed by guessing.
import type { Db } from '../db/client';
import { caseTimeline, findCaseByReference } from '../db/queries/cases';
import { parseReference, verifyAccessCode } from '../domain/reference';

/** A well-formed hash of no code anyone holds: checked when the reference is unknown, to spend the same time. */
const DECOY_HASH = `pbkdf2-sha256$100000$${'00'.repeat(16)}$${'00'.repeat(32)}`;

export async function trackCase(db: Db, referenceInput: string, accessCode: string) {
  const parsed = parseReference(referenceInput);
  const found = parsed.ok ? await findCaseByReference(db, parsed.kind, parsed.reference) : null;
  const matches = await verifyAccessCode(accessCode, found?.accessCodeHash ?? DECOY_HASH);
  if (!found || !matches || !parsed.ok) return null;
  return {
    kind: parsed.kind,
    reference: found.reference,
    status: found.status,
    acceptBy: found.acceptBy,
    decideBy: found.decideBy,
    acceptByProvisional: found.acceptByProvisional,
    decideByProvisional: found.decideByProvisional,
    timeline: await caseTimeline(db, found.reference),
  };
}
