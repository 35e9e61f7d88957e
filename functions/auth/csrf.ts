// CSRF tokens of the staff console (synchronizer tokens): HMAC-SHA256 under the Worker secret
// CSRF_SECRET over a per-browser nonce, the signed-in actor and the expiry of their Access session.
// Without the secret nobody can mint one; a token copied from another browser, another actor or an
// earlier session does not verify. The Origin checks stay in front (Astro's checkOrigin, isCrossSiteWrite).
import type { Staff } from './access';
import { fromBase64url, toBase64url } from '../domain/base64url';

const encoder = new TextEncoder();

const message = (nonce: string, staff: Staff) => encoder.encode(`hrss-admin-csrf-v2\n${nonce}\n${staff.actor}\n${staff.expiresAt}`);

const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);

/** An HMAC-SHA256 in base64url is 43 characters. */
const signatureBytes = (text: string) => (/^[A-Za-z0-9_-]{43}$/.test(text) ? fromBase64url(text) : null);

export async function csrfSignature(secret: string, nonce: string, staff: Staff): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), message(nonce, staff))));
}

/** WebCrypto's verify compares in constant time. */
export async function csrfValid(secret: string, nonce: string, staff: Staff, token: string): Promise<boolean> {
  const signature = signatureBytes(token);
  if (!signature) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), signature, message(nonce, staff));
}
