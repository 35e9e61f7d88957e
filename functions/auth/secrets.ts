// Worker secrets (`wrangler secret put …`; locally .dev.vars, written by `npm run dev:keys`). They
// are not in wrangler.toml, so not among the generated binding types; read them here, by name.
import { parseSigningKey, publicJwk, type SigningKey } from '../domain/jws';
import type { JWK } from 'jose';

export type SecretName = 'AUDIT_SIGNING_KEY' | 'REPORT_SIGNING_KEY' | 'CSRF_SECRET' | 'TURNSTILE_SECRET' | 'WEBHOOK_SECRET_KEY';

export function secret(env: object, name: SecretName): string | undefined {
  const value = (env as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export const signingKey = (env: object, name: 'AUDIT_SIGNING_KEY' | 'REPORT_SIGNING_KEY'): SigningKey | null =>
  parseSigningKey(secret(env, name));

/**
 * The public keys to publish for a signing key: the current one and every retired one, so that
 * what was signed before a rotation still verifies. Retired keys are a var holding a JWKS.
 */
export function publishedKeys(env: object, name: 'AUDIT_SIGNING_KEY' | 'REPORT_SIGNING_KEY', retiredVar: string): JWK[] {
  const current = signingKey(env, name);
  let retired: JWK[] = [];
  try {
    const raw = (env as Record<string, unknown>)[retiredVar];
    if (typeof raw === 'string' && raw.trim()) retired = (JSON.parse(raw) as { keys?: JWK[] }).keys ?? [];
  } catch {
    console.error(`${retiredVar} is not a JWKS; only the current key is published`);
  }
  // A retired key pasted with its private member must still only ever be published as its public half.
  const publicOnly = retired.map(({ d: _private, ...rest }) => rest);
  return [...(current ? [publicJwk(current)] : []), ...publicOnly.filter((k) => k.kid !== current?.kid)];
}
