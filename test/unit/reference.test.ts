import { describe, it, expect, vi, afterEach } from 'vitest';
import fc from 'fast-check';
import { pbkdf2Sync } from 'node:crypto';
import {
  PBKDF2_ITERATIONS,
  REFERENCE_ALPHABET,
  generateAccessCode,
  generateReference,
  hashAccessCode,
  normalizeAccessCode,
  parseReference,
  randomCharacters,
  verifyAccessCode,
} from '../../functions/domain/reference';

// Case references and access codes for 异议申诉 (DOMAIN.md §4) and 信用修复 (§3); DESIGN.md: "The
// access code is shown once and stored only as a hash" and "a wrong code answers exactly like an
// unknown reference (404)".

const A = `[${REFERENCE_ALPHABET}]`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('REFERENCE_ALPHABET', () => {
  it('has 25 distinct digits and capitals', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(25);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(25);
    expect(REFERENCE_ALPHABET).toMatch(/^[0-9A-Z]+$/);
  });

  it.each(['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B'])('leaves out the confusable %s', (ch) => {
    expect(REFERENCE_ALPHABET).not.toContain(ch);
  });
});

describe('randomCharacters', () => {
  it('draws only from the alphabet', () => {
    expect(randomCharacters(500)).toMatch(new RegExp(`^${A}{500}$`));
  });

  it('has no modulo bias: bytes 250–255 are thrown away, 0–249 map evenly', () => {
    // Feed every byte value once, in order; a biased `byte % 25` would also use 250–255 (→ the first 6 characters).
    let next = 0;
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i++) bytes[i] = next++ % 256;
      return array;
    });
    const drawn = randomCharacters(250);
    const counts = new Map<string, number>();
    for (const ch of drawn) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(25);
    for (const n of counts.values()) expect(n).toBe(10);
    // Starting at byte 251: a biased draw would give the second character (251 % 25 = 1); an
    // unbiased one skips 251–255 and takes byte 0 → the first character.
    next = 251;
    expect(randomCharacters(1)).toBe(REFERENCE_ALPHABET[0]);
  });
});

describe('generateReference', () => {
  it('makes YY-<year>-<6 characters> for an objection (异议)', () => {
    expect(generateReference('objection', 2026)).toMatch(new RegExp(`^YY-2026-${A}{6}$`));
  });

  it('makes XF-<year>-<6 characters> for a repair (修复)', () => {
    expect(generateReference('repair', 2027)).toMatch(new RegExp(`^XF-2027-${A}{6}$`));
  });

  it('rejects an implausible year', () => {
    expect(() => generateReference('repair', 26)).toThrow(RangeError);
    expect(() => generateReference('repair', 2026.5)).toThrow(RangeError);
  });

  it('is read back by parseReference', () => {
    fc.assert(
      fc.property(fc.constantFrom('objection' as const, 'repair' as const), fc.integer({ min: 2000, max: 2099 }), (kind, year) => {
        const reference = generateReference(kind, year);
        expect(parseReference(reference)).toEqual({ ok: true, reference, kind, year, code: reference.slice(-6) });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseReference', () => {
  it('normalises case and spaces', () => {
    expect(parseReference(' yy 2026 7k3qx9 ')).toEqual({
      ok: true,
      reference: 'YY-2026-7K3QX9',
      kind: 'objection',
      year: 2026,
      code: '7K3QX9',
    });
  });

  it('accepts the reference without hyphens', () => {
    expect(parseReference('XF20267K3QX9')).toMatchObject({ ok: true, reference: 'XF-2026-7K3QX9', kind: 'repair' });
  });

  it('accepts full-width characters and other dashes, as pasted from a document', () => {
    expect(parseReference('ＸＦ－２０２６－７Ｋ３ＱＸ９')).toMatchObject({ ok: true, reference: 'XF-2026-7K3QX9' });
    expect(parseReference('YY–2026—7K3QX9')).toMatchObject({ ok: true, reference: 'YY-2026-7K3QX9' });
  });

  it('rejects empty input', () => {
    expect(parseReference(' - ')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['YY-2026-7K3QX', 'YY-2026-7K3QX99', 'YY-1999-7K3QX9', 'YY-26-7K3QX9', 'YY-2026-7K3QX9/1'])('rejects the shape %s', (input) => {
    expect(parseReference(input)).toEqual({ ok: false, reason: 'shape' });
  });

  it('rejects an unknown prefix', () => {
    expect(parseReference('AB-2026-7K3QX9')).toEqual({ ok: false, reason: 'prefix' });
  });

  it.each(['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B'])('rejects a code containing %s, which is never issued', (ch) => {
    expect(parseReference(`YY-2026-7K3QX${ch}`)).toEqual({ ok: false, reason: 'characters' });
  });
});

describe('generateAccessCode', () => {
  it('makes two groups of four characters from the alphabet', () => {
    for (let i = 0; i < 50; i++) expect(generateAccessCode()).toMatch(new RegExp(`^${A}{4}-${A}{4}$`));
  });
});

describe('normalizeAccessCode', () => {
  it('ignores case, spaces, hyphens and full width', () => {
    expect(normalizeAccessCode(' k7qx - 9mpa ')).toBe('K7QX9MPA');
    expect(normalizeAccessCode('Ｋ７ＱＸ　９ＭＰＡ')).toBe('K7QX9MPA');
  });
});

describe('hashAccessCode / verifyAccessCode (stored only as a hash)', () => {
  const code = 'K7QX-9MPA';
  let stored: string;

  it('stores pbkdf2-sha256$100000$<16-byte salt hex>$<32-byte hash hex>', async () => {
    stored = await hashAccessCode(code);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(stored).not.toContain('K7QX');
  });

  it('is PBKDF2-HMAC-SHA256 of the normalised code with the stored salt', async () => {
    stored ??= await hashAccessCode(code);
    const [, , saltHex, hashHex] = stored.split('$');
    const independent = pbkdf2Sync('K7QX9MPA', Buffer.from(saltHex!, 'hex'), 100_000, 32, 'sha256').toString('hex');
    expect(hashHex).toBe(independent);
  });

  it('uses a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashAccessCode(code), hashAccessCode(code)]);
    expect(a).not.toBe(b);
  });

  it('verifies the right code, however it is typed', async () => {
    stored ??= await hashAccessCode(code);
    expect(await verifyAccessCode('K7QX-9MPA', stored)).toBe(true);
    expect(await verifyAccessCode(' k7qx 9mpa ', stored)).toBe(true);
  });

  it('refuses a wrong code, even one character off', async () => {
    stored ??= await hashAccessCode(code);
    expect(await verifyAccessCode('K7QX-9MPB', stored)).toBe(false);
    expect(await verifyAccessCode('', stored)).toBe(false);
  });

  it('verifies a hash made elsewhere with the same scheme', async () => {
    const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const hash = pbkdf2Sync('Q3RT7MPA', salt, 100_000, 32, 'sha256').toString('hex');
    const external = `pbkdf2-sha256$100000$${salt.toString('hex')}$${hash}`;
    expect(await verifyAccessCode('q3rt-7mpa', external)).toBe(true);
    expect(await verifyAccessCode('q3rt-7mpb', external)).toBe(false);
  });

  it('answers false for a tampered iteration count', async () => {
    stored ??= await hashAccessCode(code);
    expect(await verifyAccessCode(code, stored.replace('$100000$', '$99999$'))).toBe(false);
    expect(await verifyAccessCode(code, stored.replace('$100000$', '$1000000$'))).toBe(false);
  });

  it.each([
    '',
    'not-a-hash',
    'sha1$100000$00$00',
    'pbkdf2-sha256$abc$0011$0011',
    'pbkdf2-sha256$100000$0011$zz',
    'pbkdf2-sha256$100000$00112233445566778899aabbccddeeff$0011',
  ])('answers false, without throwing, for the malformed stored value %j', async (bad) => {
    expect(await verifyAccessCode(code, bad)).toBe(false);
  });
});

describe('deriveAccessCode (repeatable code for an idempotent resubmission)', () => {
  it('gives the same code for the same key and reference, another for another key or reference', async () => {
    const { deriveAccessCode } = await import('../../functions/domain/reference');
    const a = await deriveAccessCode('0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'YY-2026-7K3QX9');
    expect(a).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
    expect(await deriveAccessCode('0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'YY-2026-7K3QX9')).toBe(a);
    expect(await deriveAccessCode('ffffffffffffffffffffffffffffffff', 'YY-2026-7K3QX9')).not.toBe(a);
    expect(await deriveAccessCode('0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'YY-2026-7K3QX4')).not.toBe(a);
  });
});
