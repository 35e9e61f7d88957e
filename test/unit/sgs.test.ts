import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenAsWanYuan, SGS_PENALTY_FIELDS, sgsDate, sgsSubjectCategory, sgsSubjectCodes } from '../../functions/domain/sgs';
import { usccCheckCharacter } from '../../functions/domain/uscc';
import { DOMAIN_12_FIELDS } from '../fixtures/domain-12-fields';

// DOMAIN.md §12: the national 双公示 fields of 行政处罚, in which 信用中国 takes departments' data.

const code = (first17: string) => first17 + usccCheckCharacter(first17);

describe('SGS_PENALTY_FIELDS', () => {
  it('are the names of §12 in its order, with no field for a natural person’s ID number', () => {
    expect([...SGS_PENALTY_FIELDS]).toEqual(DOMAIN_12_FIELDS);
    expect(SGS_PENALTY_FIELDS.some((f) => /身份证|证件号码/.test(f))).toBe(false);
  });
});

describe('行政相对人类别 and 代码', () => {
  it('an 个体工商户 by its code (registration authority 9, category 2, GB 32100-2015); other employers are organisations', () => {
    expect(sgsSubjectCategory(code('92110105MA01AAAA0'))).toBe('个体工商户');
    expect(sgsSubjectCategory(code('91110105MA01AAAA0'))).toBe('法人及非法人组织');
    expect(sgsSubjectCategory('110105000123456')).toBe('法人及非法人组织');
  });

  it('代码_1 is the 统一社会信用代码, 代码_2 a legacy 15-digit 注册号 (DOMAIN.md §1)', () => {
    expect(sgsSubjectCodes(code('91110105MA01AAAA0'))).toEqual([code('91110105MA01AAAA0'), null]);
    expect(sgsSubjectCodes('110105000123456')).toEqual([null, '110105000123456']);
  });
});

describe('罚款金额（万元）', () => {
  it('is the exact amount in 万元 (money is kept in fen)', () => {
    expect(fenAsWanYuan(1_234_567)).toBe('1.234567');
    expect(fenAsWanYuan(2_000_000)).toBe('2');
    expect(fenAsWanYuan(2_500_000)).toBe('2.5');
    expect(fenAsWanYuan(50)).toBe('0.00005');
    expect(fenAsWanYuan(0)).toBe('0');
  });

  it('loses nothing: reading it back gives the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => {
        const [whole, fraction = ''] = fenAsWanYuan(fen).split('.');
        expect(Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0'))).toBe(fen);
      }),
    );
  });

  it('dates as the template writes them', () => {
    expect(sgsDate('2026-06-01')).toBe('2026/06/01');
    expect(sgsDate(null)).toBeNull();
  });
});
