// Case references and access codes for objections (异议申诉, DOMAIN.md §4), credit repairs
// (信用修复, §3) and complaints and reports (举报投诉, §10). The applicant tracks the case with the
// reference and the access code; the code is shown once and stored only as a PBKDF2 hash
// (DESIGN.md, POST /api/v1/objections).
import { toHex } from './hex';
import type { CaseKind, ComplaintKind } from './vocabulary';

/**
 * The 25 characters references and codes are drawn from: digits and capitals without the ones
 * people confuse when reading aloud or copying by hand — 0/O, 1/I/L, 2/Z, 5/S, 8/B.
 * 3 4 6 7 9 A C D E F G H J K M N P Q R T U V W X Y
 */
export const REFERENCE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** Every kind of case the public can file and track by reference (异议, 修复, 投诉, 举报). */
export type ReferenceKind = CaseKind | ComplaintKind;

/** YY = 异议, XF = 修复, TS = 投诉, JB = 举报 — the pinyin initials a caller reads out on the phone. */
export const referencePrefixes: Record<ReferenceKind, string> = { objection: 'YY', repair: 'XF', complaint: 'TS', report: 'JB' };

const CODE_LENGTH = 6;
const ACCESS_CODE_LENGTH = 8;

/**
 * `count` characters from the alphabet, uniformly. A byte is used only below the largest multiple
 * of 25 (250), so `byte % 25` carries no modulo bias; the rare rejected byte is simply redrawn.
 */
export function randomCharacters(count: number, alphabet: string = REFERENCE_ALPHABET): string {
  const size = alphabet.length;
  if (size < 2 || size > 256) throw new RangeError('alphabet must have 2–256 characters');
  const limit = 256 - (256 % size);
  let out = '';
  const bytes = new Uint8Array(Math.max(16, count * 2));
  while (out.length < count) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte >= limit) continue;
      out += alphabet[byte % size];
      if (out.length === count) break;
    }
  }
  return out;
}

/**
 * A new reference such as YY-2026-7K3QX9. 25^6 ≈ 2.4 × 10^8 per prefix and year, so a clash is
 * rare but possible: the unique index on `reference` is the guarantee, and the caller draws again
 * on a conflict.
 */
export function generateReference(kind: ReferenceKind, year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`implausible year ${year}`);
  return `${referencePrefixes[kind]}-${year}-${randomCharacters(CODE_LENGTH)}`;
}

export type ParsedReference =
  | { ok: true; reference: string; kind: ReferenceKind; year: number; code: string }
  | { ok: false; reason: 'empty' | 'shape' | 'prefix' | 'characters' };

/**
 * Full-width forms (ＹＹ－２０２６), any dash, spaces and lower case are what people actually type
 * or paste from a PDF; they are all folded before the shape is checked.
 */
export function foldTyped(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212_]/gu, '')
    .toUpperCase();
}

const REFERENCE_SHAPE = /^([A-Z]{2})(20\d{2})([0-9A-Z]{6})$/;
const ALPHABET_ONLY = new RegExp(`^[${REFERENCE_ALPHABET}]+$`);

/** Validates and normalises what a user typed: " yy 2026 7k3qx9 " → YY-2026-7K3QX9. */
export function parseReference(input: string): ParsedReference {
  const folded = foldTyped(input);
  if (folded === '') return { ok: false, reason: 'empty' };
  const m = REFERENCE_SHAPE.exec(folded);
  if (!m) return { ok: false, reason: 'shape' };
  const prefix = m[1]!;
  const year = m[2]!;
  const code = m[3]!;
  const kind = (Object.keys(referencePrefixes) as ReferenceKind[]).find((k) => referencePrefixes[k] === prefix);
  if (!kind) return { ok: false, reason: 'prefix' };
  if (!ALPHABET_ONLY.test(code)) return { ok: false, reason: 'characters' };
  return { ok: true, reference: `${prefix}-${year}-${code}`, kind, year: Number(year), code };
}

// ---------------------------------------------------------------------------------------------
// Access codes

/** A new access code, shown once: 8 characters in two groups, e.g. K7QX-9MPA (25^8 ≈ 1.5 × 10^11). */
export function generateAccessCode(): string {
  const raw = randomCharacters(ACCESS_CODE_LENGTH);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/**
 * The access code of a submission that carried an idempotency key: HMAC-SHA256(key, reference)
 * in the same alphabet. A repeated submission with the same key is told the same code again
 * although only its hash is stored; only the holder of the (random, client-made) key can derive it.
 */
export async function deriveAccessCode(idempotencyKey: string, reference: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(idempotencyKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const size = REFERENCE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let raw = '';
  for (let round = 0; raw.length < ACCESS_CODE_LENGTH; round++) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${reference}#${round}`)));
    for (const byte of mac) {
      if (byte < limit && raw.length < ACCESS_CODE_LENGTH) raw += REFERENCE_ALPHABET[byte % size];
    }
  }
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** The code as hashed: grouping, spaces, dashes, width and case do not matter. */
export function normalizeAccessCode(input: string): string {
  return foldTyped(input);
}

/**
 * 100,000 is also the most PBKDF2 iterations the Workers runtime accepts, so the count cannot be
 * raised without moving the hash elsewhere; the random salt makes every stored hash distinct.
 */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SCHEME = 'pbkdf2-sha256';

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function derive(code: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(normalizeAccessCode(code)), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** `pbkdf2-sha256$100000$<salt hex>$<hash hex>` of the normalised code. */
export async function hashAccessCode(code: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(code, salt, PBKDF2_ITERATIONS);
  return `${SCHEME}$${PBKDF2_ITERATIONS}$${toHex(salt)}$${toHex(hash)}`;
}

/** Compares every byte whatever the first difference, so timing tells nothing about the hash. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Whether `code` matches a stored hash. A malformed stored value answers false rather than
 * throwing, because the API must answer a wrong code exactly like an unknown reference (404).
 */
export async function verifyAccessCode(code: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== SCHEME) return false;
  const iterations = Number(parts[1]);
  const salt = fromHex(parts[2]!);
  const expected = fromHex(parts[3]!);
  // Bounds keep a corrupted row from asking the runtime for work it refuses or cannot finish.
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS) return false;
  if (!salt || salt.length === 0 || !expected || expected.length !== HASH_BITS / 8) return false;
  const actual = await derive(code, salt, iterations);
  return constantTimeEqual(actual, expected);
}
