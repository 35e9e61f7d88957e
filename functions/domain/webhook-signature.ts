// How a webhook delivery is signed (DESIGN.md: `X-Signature: sha256=<hmac>`), shared by the queue
// consumer that signs (functions/sync/deliver.ts) and by the reference client that checks
// (scripts/mirror): HMAC-SHA256 with the platform's own secret over "<timestamp>.<body>", so that
// neither the body nor the time it was sent can be changed, and an old delivery cannot be replayed.
import { toHex } from './hex';

export const SIGNATURE_HEADER = 'X-Signature';
/** Seconds since the epoch when the delivery was signed. */
export const TIMESTAMP_HEADER = 'X-Signature-Timestamp';
/** The change's cursor: the same change delivered twice carries the same key, so a receiver can drop the second. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A receiver refuses a delivery signed longer ago than this (or as far in the future). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();
const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
const signedText = (timestamp: number, body: string) => encoder.encode(`${timestamp}.${body}`);

/** The value of X-Signature: `sha256=` and the lower-case hex HMAC. */
export async function webhookSignature(secret: string, timestamp: number, body: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), signedText(timestamp, body));
  return `sha256=${toHex(new Uint8Array(mac))}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** The receiver's side: the signature matches the body and timestamp, and the timestamp is recent. */
export async function checkWebhookSignature(
  secret: string,
  headers: { signature: string | null; timestamp: string | null },
  body: string,
  nowSeconds: number,
): Promise<SignatureCheck> {
  const hex = /^sha256=([0-9a-f]{64})$/.exec(headers.signature ?? '')?.[1];
  const timestamp = /^\d{1,12}$/.test(headers.timestamp ?? '') ? Number(headers.timestamp) : null;
  if (!hex || timestamp === null) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const mac = new Uint8Array(hex.match(/../g)!.map((b) => Number.parseInt(b, 16)));
  // verify() compares in constant time.
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), mac, signedText(timestamp, body));
  return valid ? { ok: true } : { ok: false, reason: 'mismatch' };
}
