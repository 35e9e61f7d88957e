import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CalendarDataError,
  CalendarYearMissingError,
  addWorkingDays,
  calendarDayName,
  createCalendar,
  isWorkingDay,
  workingDaysBetween,
  type CalendarYear,
} from '../../functions/domain/working-days';
import { calendarYears, defaultCalendar as cal } from '../../functions/domain/calendar-data';
import { addDays, dayOfWeek } from '../../functions/domain/dates';

// DOMAIN.md §9: "Deadlines are in working days (工作日): Monday–Friday, minus statutory holidays,
// plus the make-up working weekends (调休) that the State Council announces each year. The calendar
// is data kept with the content and updated yearly; a missing year is an explicit error, not a guess."

describe('calendar data (content/calendar, DOMAIN.md §9)', () => {
  const byYear = (year: number) => calendarYears.find((y) => y.year === year)!;

  it('holds 2025 as announced in 国办发明电〔2024〕12号: 28 days off, 5 make-up working days', () => {
    const y = byYear(2025);
    expect(y.source).toContain('国办发明电〔2024〕12号');
    expect(y.holidays).toHaveLength(28);
    expect(y.workdays.map((d) => d.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('holds 2026 as announced in 国办发明电〔2025〕7号: 33 days off, 6 make-up working days', () => {
    const y = byYear(2026);
    expect(y.source).toContain('国办发明电〔2025〕7号');
    expect(y.holidays).toHaveLength(33);
    expect(y.workdays.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('lists every day of the 2026 Spring Festival break, 2月15日 to 23日', () => {
    const spring = byYear(2026).holidays.filter((d) => d.name === '春节').map((d) => d.date);
    expect(spring).toEqual(Array.from({ length: 9 }, (_, i) => addDays('2026-02-15', i)));
  });

  it('makes every 调休 working day a Saturday or Sunday', () => {
    for (const y of calendarYears) for (const d of y.workdays) expect([0, 6]).toContain(dayOfWeek(d.date));
  });
});

describe('isWorkingDay (DOMAIN.md §9)', () => {
  it('is true on an ordinary Monday–Friday', () => {
    expect(isWorkingDay(cal, '2026-11-25')).toBe(true); // Wednesday
    expect(isWorkingDay(cal, '2025-03-14')).toBe(true); // Friday
  });

  it('is false on an ordinary weekend', () => {
    expect(isWorkingDay(cal, '2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-11-29')).toBe(false); // Sunday
  });

  it('is false on a statutory holiday that falls on a weekday ("minus statutory holidays")', () => {
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false); // Thursday, 国庆节
    expect(isWorkingDay(cal, '2025-01-28')).toBe(false); // Tuesday, 除夕
    expect(isWorkingDay(cal, '2026-06-19')).toBe(false); // Friday, 端午节
  });

  it('is true on an announced 调休 weekend ("plus the make-up working weekends")', () => {
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // Sunday
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true); // Saturday
  });

  it('names the day for display', () => {
    expect(calendarDayName(cal, '2026-10-10')).toBe('国庆节调休');
    expect(calendarDayName(cal, '2026-02-17')).toBe('春节');
    expect(calendarDayName(cal, '2026-11-25')).toBeNull();
  });

  it('throws CalendarYearMissingError for a year without a notice ("a missing year is an explicit error")', () => {
    expect(() => isWorkingDay(cal, '2027-03-03')).toThrow(CalendarYearMissingError);
    expect(() => isWorkingDay(cal, '2024-10-01')).toThrow(CalendarYearMissingError);
  });

  it('rejects something that is not a date', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays (DOMAIN.md §9)', () => {
  it('counts strictly after the start date: a Monday + 2 is the Wednesday', () => {
    expect(addWorkingDays(cal, '2026-11-23', 2)).toBe('2026-11-25');
  });

  it('skips the weekend', () => {
    expect(addWorkingDays(cal, '2026-11-26', 2)).toBe('2026-11-30'); // Thursday → Monday
  });

  it('does not count a submission made on a weekend: Saturday + 2 is the Tuesday', () => {
    expect(addWorkingDays(cal, '2026-11-28', 2)).toBe('2026-12-01');
  });

  it('carries a 2-working-day acceptance deadline across the National Day holiday and onto the 调休 Saturday', () => {
    // 2026-09-30 (Wed); 10月1日–7日 off; 10月8日 Thu, 9日 Fri, 10日 Sat working (调休).
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkingDays(cal, '2026-09-30', 3)).toBe('2026-10-10');
  });

  it('counts the 调休 Sunday before National Day 2025 as a working day', () => {
    // 2025-09-26 is a Friday; Saturday 27 is off, Sunday 28 is a working day.
    expect(addWorkingDays(cal, '2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays(cal, '2025-09-26', 2)).toBe('2025-09-29');
  });

  it('jumps over the nine-day Spring Festival 2026 after the 调休 Saturday', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24');
  });

  it('computes a 10-working-day decision deadline across National Day 2026', () => {
    // Accepted Monday 2026-09-28: 29, 30, 10-08, 09, 10 (Sat), 12, 13, 14, 15, 16.
    expect(addWorkingDays(cal, '2026-09-28', 10)).toBe('2026-10-16');
  });

  it('crosses from 2025 into 2026, where 1月1日–3日 are off and Sunday 4日 is worked', () => {
    expect(addWorkingDays(cal, '2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkingDays(cal, '2025-12-31', 2)).toBe('2026-01-05');
  });

  it('returns the date itself for n = 0 and rejects negative or fractional n', () => {
    expect(addWorkingDays(cal, '2026-11-25', 0)).toBe('2026-11-25');
    expect(() => addWorkingDays(cal, '2026-11-25', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-11-25', 1.5)).toThrow(RangeError);
  });

  it('throws CalendarYearMissingError with a Chinese and English message when the deadline runs into a missing year', () => {
    // 2026-12-31 is a Thursday; the third working day lies in 2027, which has no notice here.
    let error: unknown;
    try {
      addWorkingDays(cal, '2026-12-30', 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarYearMissingError);
    const missing = error as CalendarYearMissingError;
    expect(missing.year).toBe(2027);
    expect(missing.message).toContain('工作日历缺少 2027 年的数据');
    expect(missing.message).toContain('no data for 2027');
    expect(missing.message).toContain('content/calendar/2027.json');
  });

  it('does not need the start date’s own year, only the days it steps over', () => {
    // 2024 is not in the calendar, but the deadline for 2024-12-31 is decided by 2025 alone.
    expect(addWorkingDays(cal, '2024-12-31', 1)).toBe('2025-01-02');
  });
});

describe('workingDaysBetween (DOMAIN.md §9)', () => {
  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween(cal, '2026-11-23', '2026-11-27')).toBe(4);
    expect(workingDaysBetween(cal, '2026-11-23', '2026-11-23')).toBe(0);
  });

  it('counts no working day across the National Day break itself', () => {
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-07')).toBe(0);
  });

  it('is negative when to is before from', () => {
    expect(workingDaysBetween(cal, '2026-11-27', '2026-11-23')).toBe(-4);
  });

  it('is the inverse of addWorkingDays for any start in 2025–2026', () => {
    const start = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const from = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const to = addWorkingDays(cal, from, n);
        expect(workingDaysBetween(cal, from, to)).toBe(n);
        if (n > 0) expect(isWorkingDay(cal, to)).toBe(true);
      }),
    );
  });

  it('throws CalendarYearMissingError rather than counting Mondays to Fridays of an unknown year', () => {
    expect(() => workingDaysBetween(cal, '2026-12-20', '2027-01-10')).toThrow(CalendarYearMissingError);
  });
});

describe('createCalendar (DOMAIN.md §9: the calendar is data)', () => {
  const year = (over: Partial<CalendarYear>): CalendarYear => ({
    year: 2030,
    source: 'test',
    holidays: [],
    workdays: [],
    ...over,
  });

  it('treats a year with no holidays as Monday–Friday only', () => {
    const c = createCalendar([year({})]);
    expect(isWorkingDay(c, '2030-01-01')).toBe(true); // Tuesday, no notice entry
    expect(isWorkingDay(c, '2030-01-05')).toBe(false); // Saturday
  });

  it('rejects the same year twice', () => {
    expect(() => createCalendar([year({}), year({})])).toThrow(CalendarDataError);
  });

  it('rejects a date filed under the wrong year', () => {
    expect(() => createCalendar([year({ holidays: [{ date: '2031-01-01', name: '元旦' }] })])).toThrow(CalendarDataError);
  });

  it('rejects a make-up working day that is not a weekend', () => {
    expect(() => createCalendar([year({ workdays: [{ date: '2030-01-07', name: '调休' }] })])).toThrow(CalendarDataError);
  });

  it('rejects a day that is both off and worked', () => {
    const d = { date: '2030-01-05', name: 'x' };
    expect(() => createCalendar([year({ holidays: [d], workdays: [d] })])).toThrow(CalendarDataError);
  });
});
