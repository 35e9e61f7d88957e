import { describe, expect, it } from 'vitest';
import { addMonths, formatChineseDate, isIsoDate } from '../../functions/domain/dates';

// The Date-based forms these functions had, kept as the reference the arithmetic must agree with.
const viaDate = {
  isIsoDate(value: string) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
  },
  addMonths(date: string, months: number) {
    const d = new Date(`${date}T00:00:00Z`);
    const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
    return target.toISOString().slice(0, 10);
  },
};

/** Every day from 1999-01-01 to 2032-12-31, the years of leap days, century rules aside, this service sees. */
function* everyDay() {
  for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2032, 11, 31); t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

describe('isIsoDate', () => {
  it('takes real calendar dates and refuses the rest', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate('0999-12-31')).toBe(false);
  });

  it('agrees with Date on every day and every impossible day of 1999–2032', () => {
    for (const day of everyDay()) expect(isIsoDate(day)).toBe(true);
    for (let year = 1999; year <= 2032; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [29, 30, 31, 32]) {
          const value = `${year}-${String(month).padStart(2, '0')}-${day}`;
          expect(isIsoDate(value), value).toBe(viaDate.isIsoDate(value));
        }
      }
    }
  });
});

describe('addMonths (DOMAIN.md §2 publication periods are counted in calendar months)', () => {
  it('clamps the day to the length of the month it lands in', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-08-31', -2)).toBe('2026-06-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonths('2026-05-20', 36)).toBe('2029-05-20');
  });

  it('agrees with Date on every day of 1999–2032, forwards and backwards', () => {
    for (const day of everyDay()) {
      for (const months of [-60, -13, -12, -1, 1, 3, 6, 11, 12, 24, 36, 60]) {
        const expected = viaDate.addMonths(day, months);
        if (addMonths(day, months) !== expected) expect(`${day} + ${months}`).toBe(expected);
      }
    }
  });

  it('refuses what is not a date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('not a date', 1)).toThrow(RangeError);
  });
});

describe('formatChineseDate', () => {
  it('writes the date without leading zeros, from a date or the date part of an instant', () => {
    expect(formatChineseDate('2026-06-01')).toBe('2026年6月1日');
    expect(formatChineseDate('2026-11-25T08:05:00Z')).toBe('2026年11月25日');
  });
});
