// The Worker secrets a local site and the tests need (functions/auth/secrets.ts): Ed25519 keys that
// sign audit checkpoints and credit reports, the CSRF secret of the staff console, and the AES key
// that seals the platforms' webhook secrets. Production sets its own with `wrangler secret put`;
// locally they live in .dev.vars (never committed).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';

export type LocalSecrets = Record<'AUDIT_SIGNING_KEY' | 'REPORT_SIGNING_KEY' | 'CSRF_SECRET' | 'WEBHOOK_SECRET_KEY', string>;

/** A private Ed25519 JWK with a kid derived from the key, as the Worker expects it. */
export async function newSigningKey(prefix: string): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return JSON.stringify({ ...jwk, kid: `${prefix}-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}` });
}

export async function newLocalSecrets(): Promise<LocalSecrets> {
  return {
    AUDIT_SIGNING_KEY: await newSigningKey('audit'),
    REPORT_SIGNING_KEY: await newSigningKey('report'),
    CSRF_SECRET: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'),
    WEBHOOK_SECRET_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'),
  };
}

/** Adds to .dev.vars each secret it lacks (existing values stay, so signed checkpoints keep verifying); the names added. */
export async function ensureLocalSecrets(devVarsPath: string): Promise<string[]> {
  const text = existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8') : '';
  const present = new Set([...text.matchAll(/^\s*([A-Z_][A-Z0-9_]*)\s*=/gm)].map((m) => m[1]));
  const fresh = await newLocalSecrets();
  const missing = (Object.keys(fresh) as (keyof LocalSecrets)[]).filter((name) => !present.has(name));
  if (missing.length === 0) return [];
  const lines = missing.map((name) => `${name}='${fresh[name]}'`);
  const head = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  writeFileSync(devVarsPath, `${head}# Local secrets, written by npm run dev:keys / npm start; local use only.\n${lines.join('\n')}\n`);
  return missing;
}
