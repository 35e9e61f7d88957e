import { describe, expect, it, beforeAll } from 'vitest';
import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { canonicalJson } from '../../functions/domain/canonical-json';
import { jwsKeyId, jwsPayload, parseSigningKey, publicJwk, signCompact, verifyCompact, type SigningKey } from '../../functions/domain/jws';

// Audit checkpoints and credit reports are signed so that anyone can check them offline
// (DESIGN.md: checkpoints are public "so a rewrite or truncation of the log is detectable"; the
// 专用信用报告 is "checkable by whoever receives it", DOMAIN.md §11): compact JWS, EdDSA/Ed25519.

/** A private Ed25519 JWK with a kid, as the Worker secret holds it. */
async function newSecret(kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return JSON.stringify({ ...(await exportJWK(privateKey)), kid });
}

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const fromB64url = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

let key: SigningKey;
let other: SigningKey;
let keySecret: string;
const payload = { seq: 100, hash: 'a'.repeat(64), at: '2026-11-25T16:00:00.000Z' };

beforeAll(async () => {
  keySecret = await newSecret('audit-2026');
  key = parseSigningKey(keySecret)!;
  other = parseSigningKey(await newSecret('audit-other'))!;
});

describe('parseSigningKey', () => {
  it('reads an Ed25519 private JWK with its kid', () => {
    expect(key.kid).toBe('audit-2026');
    expect(key.privateJwk).toEqual(JSON.parse(keySecret));
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['blank', '   \n'],
    ['not JSON', 'not a key'],
    ['JSON but not an object', '"audit"'],
    ['JSON null', 'null'],
    ['an empty object', '{}'],
  ])('refuses %s', (_label, secret) => {
    expect(parseSigningKey(secret)).toBeNull();
  });

  it('refuses a key without a kid, or with a kid that is not a string', () => {
    const { kid: _kid, ...jwk } = JSON.parse(keySecret);
    expect(parseSigningKey(JSON.stringify(jwk))).toBeNull();
    expect(parseSigningKey(JSON.stringify({ ...jwk, kid: 7 }))).toBeNull();
  });

  it('refuses a public key (no d): it could not sign', () => {
    const { d: _d, ...pub } = JSON.parse(keySecret);
    expect(parseSigningKey(JSON.stringify(pub))).toBeNull();
  });

  it('refuses other curves and key types', async () => {
    const jwk = JSON.parse(keySecret);
    expect(parseSigningKey(JSON.stringify({ ...jwk, crv: 'Ed448' }))).toBeNull();
    expect(parseSigningKey(JSON.stringify({ ...jwk, crv: 'X25519' }))).toBeNull();
    const { privateKey: ec } = await generateKeyPair('ES256', { extractable: true });
    expect(parseSigningKey(JSON.stringify({ ...(await exportJWK(ec)), kid: 'ec' }))).toBeNull();
    expect(parseSigningKey(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' }))).toBeNull();
  });
});

describe('publicJwk', () => {
  it('is the public half only, labelled for a JWKS', () => {
    const pub = publicJwk(key);
    expect(pub).not.toHaveProperty('d');
    expect(pub).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: key.privateJwk.x, kid: 'audit-2026', alg: 'EdDSA', use: 'sig' });
  });

  it('does not change the private key', () => {
    publicJwk(key);
    expect(key.privateJwk.d).toBeTypeOf('string');
  });
});

describe('signCompact', () => {
  it('signs the canonical JSON of the value, with alg EdDSA and the kid in the header', async () => {
    const jws = await signCompact({ hash: payload.hash, seq: payload.seq, at: payload.at }, key);
    const [header, body, signature] = jws.split('.');
    expect(JSON.parse(fromB64url(header!))).toEqual({ alg: 'EdDSA', kid: 'audit-2026' });
    expect(fromB64url(body!)).toBe(canonicalJson(payload));
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/); // 64 bytes
  });

  it('gives the same payload whatever order the value was built in', async () => {
    const a = (await signCompact({ seq: 1, hash: 'h', at: 't' }, key)).split('.')[1];
    const b = (await signCompact({ at: 't', hash: 'h', seq: 1 }, key)).split('.')[1];
    expect(a).toBe(b);
  });
});

describe('verifyCompact', () => {
  it('returns the signed value for the right key', async () => {
    const jws = await signCompact(payload, key);
    expect(await verifyCompact(jws, [publicJwk(key)])).toEqual(payload);
  });

  it('picks the key by kid among several (old keys keep verifying after a rotation)', async () => {
    const jws = await signCompact(payload, key);
    expect(await verifyCompact(jws, [publicJwk(other), publicJwk(key)])).toEqual(payload);
  });

  it('returns null for another key under the same kid', async () => {
    const jws = await signCompact(payload, key);
    expect(await verifyCompact(jws, [{ ...publicJwk(other), kid: key.kid }])).toBeNull();
  });

  it('returns null for a kid it does not know', async () => {
    const jws = await signCompact(payload, key);
    expect(await verifyCompact(jws, [publicJwk(other)])).toBeNull();
    expect(await verifyCompact(jws, [])).toBeNull();
  });

  it('returns null when the payload was changed', async () => {
    const [header, , signature] = (await signCompact(payload, key)).split('.');
    const forged = `${header}.${b64url(canonicalJson({ ...payload, hash: 'b'.repeat(64) }))}.${signature}`;
    expect(await verifyCompact(forged, [publicJwk(key)])).toBeNull();
  });

  it('returns null when the header was changed to point at another trusted key', async () => {
    const [, body, signature] = (await signCompact(payload, key)).split('.');
    const forged = `${b64url(JSON.stringify({ alg: 'EdDSA', kid: other.kid }))}.${body}.${signature}`;
    expect(await verifyCompact(forged, [publicJwk(key), publicJwk(other)])).toBeNull();
  });

  it('returns null when the signature was changed', async () => {
    const jws = await signCompact(payload, key);
    const sig = Buffer.from(jws.split('.')[2]!, 'base64url');
    sig[0] = sig[0]! ^ 1;
    const forged = `${jws.split('.').slice(0, 2).join('.')}.${sig.toString('base64url')}`;
    expect(await verifyCompact(forged, [publicJwk(key)])).toBeNull();
  });

  it('returns null for alg "none" (unsigned), even with a known kid', async () => {
    const unsigned = `${b64url(JSON.stringify({ alg: 'none', kid: key.kid }))}.${b64url(canonicalJson(payload))}.`;
    expect(await verifyCompact(unsigned, [publicJwk(key)])).toBeNull();
  });

  it('returns null for an HMAC token keyed with the public key (algorithm confusion)', async () => {
    const pub = publicJwk(key);
    const hmac = await new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .sign(new TextEncoder().encode(JSON.stringify(pub)));
    expect(await verifyCompact(hmac, [pub])).toBeNull();
  });

  it('returns null for a JWS from another key type, even when that key is listed', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jws = await new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
      .setProtectedHeader({ alg: 'ES256', kid: 'ec' })
      .sign(privateKey);
    const ecJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'ec' };
    expect(await verifyCompact(jws, [ecJwk])).toBeNull();
  });

  it('returns null for a header that asks for extensions it does not know (crit) or an unencoded payload (b64)', async () => {
    const [, body, signature] = (await signCompact(payload, key)).split('.');
    for (const extra of [{ crit: ['exp'], exp: 1 }, { b64: false, crit: ['b64'] }, { b64: false }]) {
      const header = b64url(JSON.stringify({ alg: 'EdDSA', kid: key.kid, ...extra }));
      expect(await verifyCompact(`${header}.${body}.${signature}`, [publicJwk(key)])).toBeNull();
    }
  });

  it('uses only the public members of a listed key, and refuses one marked for another algorithm', async () => {
    const jws = await signCompact(payload, key);
    expect(await verifyCompact(jws, [{ ...publicJwk(key), key_ops: ['sign'], d: key.privateJwk.d }])).toEqual(payload);
    expect(await verifyCompact(jws, [{ ...publicJwk(key), alg: 'ES256' }])).toBeNull();
  });

  it('is the same check in the browser: WebCrypto alone, with surrounding whitespace from a paste ignored', async () => {
    const jws = await signCompact(payload, key);
    expect(await verifyCompact(`  ${jws}\n`, [publicJwk(key)])).toEqual(payload);
  });

  it.each([
    ['garbage', 'not.a.jws'],
    ['empty', ''],
    ['two parts', 'abc.def'],
  ])('returns null (does not throw) for %s', async (_label, jws) => {
    expect(await verifyCompact(jws, [publicJwk(key)])).toBeNull();
  });
});

describe('jwsKeyId and jwsPayload', () => {
  it('read the kid and the payload without checking the signature', async () => {
    const jws = await signCompact(payload, key);
    expect(jwsKeyId(jws)).toBe('audit-2026');
    expect(jwsPayload(jws)).toEqual(payload);
  });

  it('give null for what is not a JWS', () => {
    expect(jwsKeyId('garbage')).toBeNull();
    expect(jwsPayload('a.b')).toBeNull();
    expect(jwsPayload('')).toBeNull();
  });
});
