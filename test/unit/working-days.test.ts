import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CalendarDataError,
  addWorkingDays,
  calendarDayName,
  calendarSource,
  createCalendar,
  isWorkingDay,
  lastAnnouncedDay,
  workingDaysBetween,
  type CalendarYear,
} from '../../functions/domain/working-days';
import { provisionalCalendarYear, statutoryHolidays } from '../../functions/domain/statutory-holidays';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { calendarYears, defaultCalendar as cal } from '../../functions/domain/calendar-data';
import { addDays, dayOfWeek } from '../../functions/domain/dates';

// DOMAIN.md §9: "Deadlines are in working days (工作日): Monday–Friday, minus statutory holidays,
// plus the make-up working weekends (调休) that the State Council announces each year … A year not
// yet announced is never a refusal of service. It is computed provisionally from
// 《全国年节及纪念日放假办法》 … A deadline that depends on a provisional day is shown as 预计."

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
    expect(y.workdays.map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('lists every day of the 2026 Spring Festival break, 2月15日 to 23日', () => {
    const spring = byYear(2026)
      .holidays.filter((d) => d.name === '春节')
      .map((d) => d.date);
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

  it('rejects something that is not a date', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays (DOMAIN.md §9)', () => {
  it('counts strictly after the start date: a Monday + 2 is the Wednesday', () => {
    expect(addWorkingDays(cal, '2026-11-23', 2)).toEqual({ date: '2026-11-25', provisional: false });
  });

  it('skips the weekend', () => {
    expect(addWorkingDays(cal, '2026-11-26', 2)).toEqual({ date: '2026-11-30', provisional: false }); // Thursday → Monday
  });

  it('does not count a submission made on a weekend: Saturday + 2 is the Tuesday', () => {
    expect(addWorkingDays(cal, '2026-11-28', 2)).toEqual({ date: '2026-12-01', provisional: false });
  });

  it('carries a 2-working-day acceptance deadline across the National Day holiday and onto the 调休 Saturday', () => {
    // 2026-09-30 (Wed); 10月1日–7日 off; 10月8日 Thu, 9日 Fri, 10日 Sat working (调休).
    expect(addWorkingDays(cal, '2026-09-30', 1)).toEqual({ date: '2026-10-08', provisional: false });
    expect(addWorkingDays(cal, '2026-09-30', 2)).toEqual({ date: '2026-10-09', provisional: false });
    expect(addWorkingDays(cal, '2026-09-30', 3)).toEqual({ date: '2026-10-10', provisional: false });
  });

  it('counts the 调休 Sunday before National Day 2025 as a working day', () => {
    // 2025-09-26 is a Friday; Saturday 27 is off, Sunday 28 is a working day.
    expect(addWorkingDays(cal, '2025-09-26', 1)).toEqual({ date: '2025-09-28', provisional: false });
    expect(addWorkingDays(cal, '2025-09-26', 2)).toEqual({ date: '2025-09-29', provisional: false });
  });

  it('jumps over the nine-day Spring Festival 2026 after the 调休 Saturday', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false });
    expect(addWorkingDays(cal, '2026-02-13', 2)).toEqual({ date: '2026-02-24', provisional: false });
  });

  it('computes a 10-working-day decision deadline across National Day 2026', () => {
    // Accepted Monday 2026-09-28: 29, 30, 10-08, 09, 10 (Sat), 12, 13, 14, 15, 16.
    expect(addWorkingDays(cal, '2026-09-28', 10)).toEqual({ date: '2026-10-16', provisional: false });
  });

  it('crosses from 2025 into 2026, where 1月1日–3日 are off and Sunday 4日 is worked', () => {
    expect(addWorkingDays(cal, '2025-12-31', 1)).toEqual({ date: '2026-01-04', provisional: false });
    expect(addWorkingDays(cal, '2025-12-31', 2)).toEqual({ date: '2026-01-05', provisional: false });
  });

  it('returns the date itself for n = 0 and rejects negative or fractional n', () => {
    expect(addWorkingDays(cal, '2026-11-25', 0)).toEqual({ date: '2026-11-25', provisional: false });
    expect(() => addWorkingDays(cal, '2026-11-25', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-11-25', 1.5)).toThrow(RangeError);
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
        const to = addWorkingDays(cal, from, n).date;
        expect(workingDaysBetween(cal, from, to)).toBe(n);
        if (n > 0) expect(isWorkingDay(cal, to)).toBe(true);
      }),
    );
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

  it('treats an announced year with no holidays as Monday–Friday only', () => {
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

describe('statutory days of a year not yet announced (DOMAIN.md §9, 《全国年节及纪念日放假办法》第二条)', () => {
  // The lunar dates and 清明 as tyme4ts computes them, written out so that a change in the library
  // or in how it is called shows here: 除夕 to 初三, 清明, 端午 (五月初五), 中秋 (八月十五).
  const expected: Record<number, { spring: string[]; qingming: string; duanwu: string; zhongqiu: string }> = {
    2027: {
      spring: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      qingming: '2027-04-05',
      duanwu: '2027-06-09',
      zhongqiu: '2027-09-15',
    },
    2028: {
      spring: ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'],
      qingming: '2028-04-04',
      duanwu: '2028-05-28',
      zhongqiu: '2028-10-03',
    },
    2029: {
      spring: ['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15'],
      qingming: '2029-04-04',
      duanwu: '2029-06-16',
      zhongqiu: '2029-09-22',
    },
    2030: {
      spring: ['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05'],
      qingming: '2030-04-05',
      duanwu: '2030-06-05',
      zhongqiu: '2030-09-12',
    },
    2031: {
      spring: ['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25'],
      qingming: '2031-04-05',
      duanwu: '2031-06-24',
      zhongqiu: '2031-10-01',
    },
  };

  it.each(Object.entries(expected))('gives %s the 办法’s 13 days: 元旦, 春节 ×4, 清明, 劳动节 ×2, 端午, 中秋, 国庆 ×3', (y, e) => {
    const year = Number(y);
    const days = statutoryHolidays(year);
    const byName = (name: string) => days.filter((d) => d.name === name).map((d) => d.date);
    expect(byName('元旦')).toEqual([`${year}-01-01`]);
    expect(byName('春节')).toEqual(e.spring);
    expect(byName('清明节')).toEqual([e.qingming]);
    expect(byName('劳动节')).toEqual([`${year}-05-01`, `${year}-05-02`]);
    expect(byName('端午节')).toEqual([e.duanwu]);
    expect(byName('中秋节')).toEqual([e.zhongqiu]);
    expect(byName('国庆节')).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
    expect(days).toHaveLength(13);
  });

  it.each([2025, 2026])('agrees with the announced %s calendar: every statutory day is a day off there too', (year) => {
    const announced = new Set(calendarYears.find((y) => y.year === year)!.holidays.map((d) => d.date));
    for (const day of statutoryHolidays(year)) expect(announced.has(day.date), `${day.name} ${day.date}`).toBe(true);
  });
});

describe('the provisional calendar (DOMAIN.md §9; 办法第六条: a holiday on a weekend is made up on a working day)', () => {
  const days = (year: number) => new Map(provisionalCalendarYear(year).holidays.map((d) => [d.date, d.name]));

  it('makes up the weekend days of 春节 2027 (Sat 6 and Sun 7 February) on the Tuesday and Wednesday after', () => {
    const y = days(2027);
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) expect(y.get(d)).toBe('春节');
    expect(y.get('2027-02-09')).toBe('春节（补假）');
    expect(y.get('2027-02-10')).toBe('春节（补假）');
    expect(y.has('2027-02-11')).toBe(false);
  });

  it('makes up 元旦 2028, a Saturday, on Monday 3 January', () => {
    expect(days(2028).get('2028-01-03')).toBe('元旦（补假）');
  });

  it('keeps both days when 中秋 falls inside 国庆 (2028-10-03): one more day off after the break', () => {
    const y = days(2028);
    expect(y.get('2028-10-03')).toBe('国庆节、中秋节');
    // 10-01 is a Sunday (made up on Wed 4), and 中秋 on 10-03 is made up on Thu 5.
    expect(y.get('2028-10-04')).toBe('国庆节（补假）');
    expect(y.get('2028-10-05')).toBe('中秋节（补假）');
    expect(y.has('2028-10-06')).toBe(false);
  });

  it('has no 调休 working weekends, which only a notice can announce', () => {
    for (const year of [2027, 2028, 2029, 2030, 2031]) expect(provisionalCalendarYear(year).workdays).toEqual([]);
  });

  it('says where its days come from', () => {
    expect(calendarSource(cal, 2027)).toEqual({ source: expect.stringContaining('按《全国年节及纪念日放假办法》推算'), provisional: true });
    expect(calendarSource(cal, 2026)).toEqual({ source: expect.stringContaining('国办发明电〔2025〕7号'), provisional: false });
  });
});

describe('deadlines over a year not yet announced (DOMAIN.md §9: "never a refusal of service … shown as 预计")', () => {
  it('counts into 2027 from December 2026 and marks the deadline provisional', () => {
    // 2026-12-31 Thu; 2027-01-01 Fri is 元旦, so the third working day is Tue 5 January.
    expect(addWorkingDays(cal, '2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: true });
  });

  it('skips the provisional 春节 2027 days and weekends: 2 working days after Wed 3 February is Thu 11 February', () => {
    expect(addWorkingDays(cal, '2027-02-03', 1)).toEqual({ date: '2027-02-04', provisional: true });
    expect(addWorkingDays(cal, '2027-02-03', 2)).toEqual({ date: '2027-02-11', provisional: true });
  });

  it('works in any year, e.g. across 春节 2031 (Wed 22 to Sat 25 January, the Saturday made up on Mon 27)', () => {
    expect(addWorkingDays(cal, '2031-01-21', 1)).toEqual({ date: '2031-01-28', provisional: true });
    expect(isWorkingDay(cal, '2031-01-27')).toBe(false);
  });

  it('is not provisional when every day counted is announced, even if the start day is not', () => {
    expect(addWorkingDays(cal, '2024-12-31', 1)).toEqual({ date: '2025-01-02', provisional: false });
    expect(addWorkingDays(cal, '2026-12-28', 3)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it('names the last announced day, which CI watches', () => {
    expect(lastAnnouncedDay(cal)).toBe(`${Math.max(...calendarYears.map((y) => y.year))}-12-31`);
    expect(lastAnnouncedDay(createCalendar([]))).toBeNull();
  });

  it('is the inverse of workingDaysBetween in provisional years too', () => {
    const start = Date.UTC(2026, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 40 }), (offset, n) => {
        const from = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const to = addWorkingDays(cal, from, n);
        expect(workingDaysBetween(cal, from, to.date)).toBe(n);
        if (n > 0) expect(to.provisional).toBe(true);
      }),
    );
  });
});

describe('content/calendar (DOMAIN.md §9: "The announced calendar is data kept with the content and updated yearly")', () => {
  it('lists every file of content/calendar in calendar-data.ts, so an added year is used', () => {
    const files = readdirSync(join(import.meta.dirname, '../../content/calendar')).filter((f) => /^\d{4}\.json$/.test(f));
    expect(calendarYears.map((y) => `${y.year}.json`).sort()).toEqual(files.sort());
  });
});
