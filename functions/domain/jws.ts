// Signatures that anyone can check offline: a compact JWS (RFC 7515, EdDSA over Ed25519) whose
// payload is the canonical JSON of a value, for audit checkpoints and credit reports. The private
// key is a Worker secret (a JWK with its `kid`); the public halves are published as a JWKS.
import { CompactSign, importJWK, type JWK } from 'jose';
import { canonicalJson } from './canonical-json';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
}

/** The secret as configured, or null when it is missing or not an Ed25519 private JWK with a kid. */
export function parseSigningKey(secret: string | undefined): SigningKey | null {
  if (!secret?.trim()) return null;
  try {
    const jwk = JSON.parse(secret) as JWK;
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') return null;
    return { kid: jwk.kid, privateJwk: jwk };
  } catch {
    return null;
  }
}

/** The public half, for the JWKS. */
export function publicJwk(key: SigningKey): JWK {
  const { d: _private, ...rest } = key.privateJwk;
  return { ...rest, kid: key.kid, alg: 'EdDSA', use: 'sig' };
}

export async function signCompact(payload: unknown, key: SigningKey): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, 'EdDSA');
  return new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .sign(privateKey);
}

// Verification needs no library: jws-verify.ts, shared with the browser.
export { jwsKeyId, jwsPayload, verifyCompact } from './jws-verify';
