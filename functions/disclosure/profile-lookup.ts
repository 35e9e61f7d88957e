// From what a person typed to a profile or a precise reason why not — one path for the API and the page.
import type { Db } from '../db/client';
import { getCreditProfile, type CreditProfile } from '../db/queries/enterprises';
import type { ErrorKind } from '../domain/errors';
import { parseUscc, usccMessages } from '../domain/uscc';

export type ProfileLookup =
  | { ok: true; profile: CreditProfile }
  | { ok: false; kind: Extract<ErrorKind, 'malformed' | 'not_found'>; code: 'invalid_uscc' | 'not_found'; message: string };

/**
 * DOMAIN.md §1: wrong length or characters → reject; check character wrong → still look the
 * code up; when found, answer with a warning; when not found, reject saying the check
 * character does not match.
 */
export async function lookUpProfile(db: Db, input: string, today: string): Promise<ProfileLookup> {
  const parsed = parseUscc(input);
  if (!parsed.ok) return { ok: false, kind: 'malformed', code: 'invalid_uscc', message: usccMessages[parsed.reason] };
  const profile = await getCreditProfile(db, parsed.code, today);
  if (parsed.kind === 'uscc' && !parsed.checkValid) {
    if (!profile) return { ok: false, kind: 'malformed', code: 'invalid_uscc', message: usccMessages.checkMismatch(parsed.expectedCheck) };
    return { ok: true, profile: { ...profile, warnings: [...profile.warnings, usccMessages.checkWarning] } };
  }
  if (!profile) return { ok: false, kind: 'not_found', code: 'not_found', message: '未查询到使用该代码登记的用人单位。' };
  return { ok: true, profile };
}
