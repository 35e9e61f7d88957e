import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  EXAMPLE_USCC,
  USCC_ALPHABET,
  USCC_WEIGHTS,
  normalizeUscc,
  parseUscc,
  usccCheckCharacter,
  usccDistrictCode,
  usccMessages,
} from '../../functions/domain/uscc';

// DOMAIN.md §1 — 统一社会信用代码 (GB 32100-2015).

/** A code completed with its own check character, for fixtures that must be valid. */
const complete = (first17: string) => first17 + usccCheckCharacter(first17)!;

describe('USCC alphabet and weights (DOMAIN.md §1)', () => {
  it('"18 characters from the 31-character set 0123456789ABCDEFGHJKLMNPQRTUWXY (I, O, S, V, Z never appear)"', () => {
    expect(USCC_ALPHABET).toBe('0123456789ABCDEFGHJKLMNPQRTUWXY');
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const letter of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(letter);
  });

  it('"W_i = 3^(i−1) mod 31 for i = 1..17"', () => {
    const expected: number[] = [];
    let w = 1;
    for (let i = 1; i <= 17; i++) {
      expected.push(w);
      w = (w * 3) % 31;
    }
    expect([...USCC_WEIGHTS]).toEqual(expected);
    expect([...USCC_WEIGHTS]).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
});

describe('usccCheckCharacter (DOMAIN.md §1: "C18 = (31 − Σ C_i·W_i mod 31) mod 31, mapped back into the set")', () => {
  it('gives 3 for the well-known code 91350100M000100Y43', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('agrees with the formula computed by hand', () => {
    const first17 = '91110108MA01ABCD2';
    const sum = [...first17].reduce((s, ch, i) => s + USCC_ALPHABET.indexOf(ch) * 3 ** i, 0);
    // Unreduced powers: 30 · 3^16 is far below 2^53, so the sum is exact; only the end is reduced mod 31.
    const expected = USCC_ALPHABET[(31 - (sum % 31)) % 31];
    expect(usccCheckCharacter(first17)).toBe(expected);
    expect(usccCheckCharacter(first17)).toBe('H');
  });

  it('maps a remainder of 0 to "0", not to "31"', () => {
    // All zeros: Σ = 0, so C18 = (31 − 0) mod 31 = 0.
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it('returns null for a wrong length or a character outside the set', () => {
    expect(usccCheckCharacter('9135010')).toBeNull();
    expect(usccCheckCharacter('91350100M000100YO')).toBeNull();
  });
});

describe('normalizeUscc (DOMAIN.md §1: "spaces and hyphens removed, letters upper-cased")', () => {
  it('removes ASCII spaces and hyphens', () => {
    expect(normalizeUscc(' 9135 0100-M000 100Y43 ')).toBe('91350100M000100Y43');
  });

  it('removes the full-width space (U+3000) and the full-width hyphen', () => {
    expect(normalizeUscc('91350100\u3000M000100Y43')).toBe('91350100M000100Y43');
    expect(normalizeUscc('91350100\uFF0DM000100Y43')).toBe('91350100M000100Y43');
  });

  it('upper-cases letters', () => {
    expect(normalizeUscc('91350100m000100y43')).toBe('91350100M000100Y43');
  });
});

describe('parseUscc (DOMAIN.md §1)', () => {
  it('accepts the well-known valid code 91350100M000100Y43', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      kind: 'uscc',
      checkValid: true,
    });
  });

  it('accepts real-format codes from different registration authorities (1 机构编制, 5 民政, 9 工商)', () => {
    for (const first17 of ['91110108MA01ABCD2', '12100000400000624', '53110000500000000', '91310000132200821']) {
      const code = complete(first17);
      expect(parseUscc(code)).toMatchObject({ ok: true, kind: 'uscc', checkValid: true, code });
    }
  });

  it('accepts a normalised input in lower case with spaces and hyphens', () => {
    expect(parseUscc('9135-0100 m000-100y43')).toMatchObject({ ok: true, code: '91350100M000100Y43', checkValid: true });
  });

  it('rejects empty input', () => {
    expect(parseUscc('  ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('rejects a wrong length ("wrong length or characters → reject")', () => {
    expect(parseUscc('91350100M000100Y4')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseUscc('91350100M000100Y433')).toMatchObject({ ok: false, reason: 'length' });
    expect(parseUscc('91350100M00010')).toMatchObject({ ok: false, reason: 'length' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden letter %s', (letter) => {
    const code = `91350100${letter}000100Y43`;
    expect(parseUscc(code)).toMatchObject({ ok: false, reason: 'characters' });
    expect(parseUscc(code.toLowerCase())).toMatchObject({ ok: false, reason: 'characters' });
  });

  it('rejects punctuation and Chinese characters inside the code', () => {
    expect(parseUscc('91350100M000100Y4。')).toMatchObject({ ok: false, reason: 'characters' });
    expect(parseUscc('91350100M00010号Y43')).toMatchObject({ ok: false, reason: 'characters' });
  });

  it('keeps a code with a wrong check character ("check character wrong → still look the code up") and says what it should be', () => {
    expect(parseUscc('91350100M000100Y44')).toEqual({
      ok: true,
      code: '91350100M000100Y44',
      kind: 'uscc',
      checkValid: false,
      expectedCheck: '3',
    });
  });

  it('accepts a legacy 15-digit 注册号 as is ("store and show them, look them up exactly")', () => {
    expect(parseUscc('110105012345678')).toEqual({ ok: true, code: '110105012345678', kind: 'legacy', checkValid: true });
    expect(parseUscc('1101 0501 2345 678')).toMatchObject({ ok: true, code: '110105012345678', kind: 'legacy' });
  });

  it('does not take 15 characters with a letter for a legacy number', () => {
    expect(parseUscc('11010501234567A')).toMatchObject({ ok: false });
  });

  it('tells the user the expected character when the check fails', () => {
    expect(usccMessages.checkMismatch('3')).toContain('“3”');
  });
});

describe('usccDistrictCode (DOMAIN.md §1: "Positions 3–8: administrative division")', () => {
  it('reads positions 3–8', () => {
    expect(usccDistrictCode(complete('91110105MA01ABCD2'))).toBe('110105');
    expect(usccDistrictCode('91350100M000100Y43')).toBe('350100');
  });

  it('has no district for a legacy number', () => {
    expect(usccDistrictCode('110105012345678')).toBeNull();
  });
});

describe('USCC check character, as a property (DOMAIN.md §1)', () => {
  const first17 = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

  it('appending usccCheckCharacter to any 17 characters of the set gives a valid code', () => {
    fc.assert(
      fc.property(first17, (body) => {
        const result = parseUscc(body + usccCheckCharacter(body));
        expect(result).toMatchObject({ ok: true, kind: 'uscc', checkValid: true });
      }),
    );
  });

  it('any other 18th character gives checkValid false and names the right one', () => {
    fc.assert(
      fc.property(first17, fc.constantFrom(...USCC_ALPHABET), (body, other) => {
        const check = usccCheckCharacter(body)!;
        fc.pre(other !== check);
        expect(parseUscc(body + other)).toEqual({
          ok: true,
          code: body + other,
          kind: 'uscc',
          checkValid: false,
          expectedCheck: check,
        });
      }),
    );
  });

  it('detects every single-character substitution in the first 17 positions', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (body, pos, shift) => {
        const code = body + usccCheckCharacter(body);
        const replaced = USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[pos]!) + shift) % 31]!;
        const typo = code.slice(0, pos) + replaced + code.slice(pos + 1);
        expect(parseUscc(typo)).toMatchObject({ ok: true, checkValid: false });
      }),
    );
  });
});

describe('EXAMPLE_USCC (the code in hints and the API documentation)', () => {
  it('passes its own check character, so a person who copies it is not told it is wrong', () => {
    expect(parseUscc(EXAMPLE_USCC)).toMatchObject({ ok: true, code: EXAMPLE_USCC });
  });
});
