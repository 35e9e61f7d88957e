// 统一社会信用代码 (GB 32100-2015), DOMAIN.md §1.

/** The 31 characters of the code, valued 0–30 in this order (I, O, S, V, Z never appear). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** W_i = 3^(i−1) mod 31 for i = 1..17. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
/** Legacy 15-digit 工商注册号, still found as "统一社会信用代码（或注册号）". */
const LEGACY_SHAPE = /^\d{15}$/;

/** Removes spaces (including full-width) and hyphens, upper-cases letters. */
export function normalizeUscc(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\u3000\-\u2010-\u2015\uFF0D]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters, or null if one of them is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccParse =
  /** A well-formed 18-character code whose check character matches. */
  | { ok: true; code: string; kind: 'uscc'; checkValid: true }
  /** Well-formed but the check character does not match: look it up anyway (some early codes fail the check). */
  | { ok: true; code: string; kind: 'uscc'; checkValid: false; expectedCheck: string }
  | { ok: true; code: string; kind: 'legacy'; checkValid: true }
  | { ok: false; code: string; reason: 'empty' | 'length' | 'characters' };

/** Normalises and classifies user input. Only a wrong length or foreign characters are rejected outright. */
export function parseUscc(input: string): UsccParse {
  const code = normalizeUscc(input);
  if (code.length === 0) return { ok: false, code, reason: 'empty' };
  if (LEGACY_SHAPE.test(code)) return { ok: true, code, kind: 'legacy', checkValid: true };
  if (code.length !== 18) return { ok: false, code, reason: 'length' };
  if (!USCC_SHAPE.test(code)) return { ok: false, code, reason: 'characters' };
  const expected = usccCheckCharacter(code.slice(0, 17))!;
  if (expected === code[17]) return { ok: true, code, kind: 'uscc', checkValid: true };
  return { ok: true, code, kind: 'uscc', checkValid: false, expectedCheck: expected };
}

/** Positions 3–8: the administrative division where the entity registered. */
export function usccDistrictCode(code: string): string | null {
  return code.length === 18 ? code.slice(2, 8) : null;
}

/** Messages a person can act on, shared by the API and the pages. */
export const usccMessages = {
  empty: '请输入统一社会信用代码。',
  length: '统一社会信用代码应为 18 位（旧注册号为 15 位数字），请核对位数。',
  characters: '统一社会信用代码只含数字和大写字母，且不含 I、O、S、V、Z，请核对。',
  checkMismatch: (expected: string) => `校验位不符：按前 17 位计算，第 18 位应为“${expected}”，很可能是输入有误，请核对。`,
  checkWarning: '该代码的校验位不符合 GB 32100-2015，但与登记信息一致（部分早期赋码存在此情况）。',
} as const;

/** The code shown as an example in hints and the API documentation: a valid one, check character included. */
export const EXAMPLE_USCC = '91110105MA01ABCD39';
