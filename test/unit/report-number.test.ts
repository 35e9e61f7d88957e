import { describe, expect, it } from 'vitest';
import { generateReportNo, parseReportNo } from '../../functions/domain/report-number';
import { REFERENCE_ALPHABET } from '../../functions/domain/reference';

// DOMAIN.md §11: a report "carries a report number"; anyone holding it opens the report, so the
// number is random (nobody can list who asked for reports) and easy to type from paper.

describe('generateReportNo', () => {
  it('is BG-<year>-XXXXX-XXXXX in the reference alphabet (no 0/O, 1/I/L, 2/Z, 5/S, 8/B)', () => {
    const no = generateReportNo(2026);
    expect(no).toMatch(new RegExp(`^BG-2026-[${REFERENCE_ALPHABET}]{5}-[${REFERENCE_ALPHABET}]{5}$`));
  });

  it('is not sequential: a thousand numbers are all different', () => {
    expect(new Set(Array.from({ length: 1000 }, () => generateReportNo(2026))).size).toBe(1000);
  });

  it('refuses an implausible year', () => {
    expect(() => generateReportNo(1999)).toThrow(RangeError);
    expect(() => generateReportNo(2026.5)).toThrow(RangeError);
  });
});

describe('parseReportNo', () => {
  it('reads back every number it makes', () => {
    for (let i = 0; i < 50; i++) {
      const no = generateReportNo(2027);
      expect(parseReportNo(no)).toBe(no);
    }
  });

  it('folds what people type: case, spaces, any dash, full-width characters', () => {
    expect(parseReportNo('bg 2026 7k3qx 9mpac')).toBe('BG-2026-7K3QX-9MPAC');
    expect(parseReportNo('BG20267K3QX9MPAC')).toBe('BG-2026-7K3QX-9MPAC');
    expect(parseReportNo('ＢＧ－２０２６－７Ｋ３ＱＸ－９ＭＰＡＣ')).toBe('BG-2026-7K3QX-9MPAC');
  });

  it('refuses other shapes, other prefixes, characters outside the alphabet, and long input', () => {
    for (const input of [
      '',
      'BG-2026-7K3QX',
      'YY-2026-7K3QX-9MPAC',
      'BG-2026-7K3QX-9MPA0',
      'BG-1999-7K3QX-9MPAC',
      `BG-2026-${'3'.repeat(100)}`,
    ]) {
      expect(parseReportNo(input), input).toBeNull();
    }
  });
});
