import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../functions/domain/dates';

describe('formatYuan (fines and recovered wages, stored in fen)', () => {
  it('writes yuan with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(100)).toBe('1.00 元');
    expect(formatYuan(99_999)).toBe('999.99 元');
    expect(formatYuan(100_000)).toBe('1,000.00 元');
    expect(formatYuan(1_234_567_890)).toBe('12,345,678.90 元');
    expect(formatYuan(-250_050)).toBe('-2,500.50 元');
  });

  it('agrees with the locale formatting it replaces', () => {
    for (const fen of [1, 12, 123, 1234, 12_345, 123_456, 1_234_567, 98_765_432_100]) {
      const expected = (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(formatYuan(fen)).toBe(`${expected} 元`);
    }
  });
});
