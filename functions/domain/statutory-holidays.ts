// The provisional working-day calendar of a year the State Council has not announced yet
// (DOMAIN.md §9). It follows 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01):
//   第二条 全体公民放假的节日：元旦 1 天（1月1日）；春节 4 天（农历除夕、正月初一至初三）；
//   清明节 1 天（农历清明当日）；劳动节 2 天（5月1日、2日）；端午节 1 天（农历端午当日）；
//   中秋节 1 天（农历中秋当日）；国庆节 3 天（10月1日至3日）。
//   第六条 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。
// Lunar dates and the 清明 solar term come from tyme4ts; no table of them is written here.
// The yearly notice usually adds 调休 (weekend working days that lengthen a break); those cannot
// be foreseen, so a provisional year has none, and every deadline over it is shown as 预计.
import { LunarDay, SolarTerm } from 'tyme4ts';
import { addDays, dayOfWeek } from './dates';
import type { CalendarDay, CalendarYear } from './calendar-year';

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

type SolarDayLike = { getYear(): number; getMonth(): number; getDay(): number };
const fromSolar = (d: SolarDayLike) => iso(d.getYear(), d.getMonth(), d.getDay());

const lunar = (year: number, month: number, day: number) => fromSolar(LunarDay.fromYmd(year, month, day).getSolarDay());

/** The statutory days off of a Gregorian year (第二条), in date order, before any 补假. */
export function statutoryHolidays(year: number): CalendarDay[] {
  const newYear = lunar(year, 1, 1);
  const days: CalendarDay[] = [
    { date: iso(year, 1, 1), name: '元旦' },
    // 除夕 is the day before 正月初一, whether the twelfth month has 29 or 30 days.
    ...[-1, 0, 1, 2].map((offset) => ({ date: addDays(newYear, offset), name: '春节' })),
    { date: fromSolar(SolarTerm.fromName(year, '清明').getSolarDay()), name: '清明节' },
    { date: iso(year, 5, 1), name: '劳动节' },
    { date: iso(year, 5, 2), name: '劳动节' },
    { date: lunar(year, 5, 5), name: '端午节' },
    // 国庆 before 中秋, so that a shared day is named "国庆节、中秋节" as the notices name it.
    { date: iso(year, 10, 1), name: '国庆节' },
    { date: iso(year, 10, 2), name: '国庆节' },
    { date: iso(year, 10, 3), name: '国庆节' },
    { date: lunar(year, 8, 15), name: '中秋节' },
  ];
  // A stable sort: days of the same date keep the order above.
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const isWeekend = (date: string) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/**
 * A year computed from the 办法 alone: the statutory days, plus one 补假 on the next free weekday
 * after the break for each statutory day that fell on a weekend (第六条) or on another holiday
 * (中秋 inside 国庆, as in 2028 and 2031), so that no day of the entitlement is lost.
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  const days = statutoryHolidays(year);
  const off = new Map<string, string>();
  const owed: string[] = [];
  for (const day of days) {
    const earlier = off.get(day.date);
    if (earlier !== undefined) {
      off.set(day.date, `${earlier}、${day.name}`);
      owed.push(day.name);
      continue;
    }
    off.set(day.date, day.name);
    if (isWeekend(day.date)) owed.push(day.name);
  }
  // Each owed day goes to the first weekday after the run of days off it belongs to.
  for (const name of owed) {
    const start = days.find((d) => d.name === name)!.date;
    let date = start;
    while (off.has(date) || isWeekend(date)) date = addDays(date, 1);
    off.set(date, `${name}（补假）`);
  }
  const holidays = [...off].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    year,
    source: `按《全国年节及纪念日放假办法》推算（国务院尚未公布 ${year} 年节假日安排）`,
    holidays,
    workdays: [],
  };
}
