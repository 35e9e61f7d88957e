// Checking a compact JWS (RFC 7515) signed with EdDSA over Ed25519, on WebCrypto alone, so that the
// Worker, the command-line verifiers (Node) and the report page in the browser run this one
// function, and the browser downloads a few hundred bytes instead of a JOSE library. Only what
// signCompact (jws.ts) produces is accepted: alg EdDSA, a kid, no `crit`, a base64url payload.
import type { JWK } from 'jose';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(
    text
      .replaceAll('-', '+')
      .replaceAll('_', '/')
      .padEnd(Math.ceil(text.length / 4) * 4, '='),
  );
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function jsonOf(bytes: Uint8Array | null): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    return undefined;
  }
}

/** The kid of a compact JWS's protected header, or null when it has none or is not a JWS. */
export function jwsKeyId(jws: string): string | null {
  const header = jsonOf(fromBase64Url(jws.split('.')[0] ?? ''));
  const kid = header && typeof header === 'object' ? (header as { kid?: unknown }).kid : undefined;
  return typeof kid === 'string' ? kid : null;
}

/**
 * The signed value when `jws` verifies against the key of `keys` named by its kid, else null —
 * never an exception, whatever the input. The header decides nothing but the kid: the algorithm
 * is fixed here, so "none", HMAC keyed with the public key and other algorithm confusions fail.
 */
export async function verifyCompact(jws: string, keys: readonly JWK[]): Promise<unknown | null> {
  try {
    const parts = jws.trim().split('.');
    if (parts.length !== 3) return null;
    const [head, body, sig] = parts as [string, string, string];
    const header = jsonOf(fromBase64Url(head));
    if (!header || typeof header !== 'object' || Array.isArray(header)) return null;
    const { alg, kid, crit, b64 } = header as Record<string, unknown>;
    if (alg !== 'EdDSA' || typeof kid !== 'string' || crit !== undefined || (b64 !== undefined && b64 !== true)) return null;
    const jwk = keys.find((k) => k.kid === kid);
    if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return null;
    if (jwk.alg !== undefined && jwk.alg !== 'EdDSA' && jwk.alg !== 'Ed25519') return null;
    const signature = fromBase64Url(sig);
    const payload = fromBase64Url(body);
    if (signature?.length !== 64 || !payload) return null;
    // Only the public members: a JWK with `d` or `key_ops` of its own must not change what is imported.
    const key = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
    const signed = new TextEncoder().encode(`${head}.${body}`);
    if (!(await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, signed))) return null;
    const value = jsonOf(payload);
    return value === undefined ? null : value;
  } catch {
    return null;
  }
}

/**
 * The payload of a compact JWS without checking its signature — only for a JWS read back from the
 * site's own store, whose bytes are checked against the hash recorded at issue.
 */
export function jwsPayload(jws: string): unknown | null {
  return jsonOf(fromBase64Url(jws.split('.')[1] ?? '')) ?? null;
}
