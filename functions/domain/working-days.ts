// Working days (工作日), DOMAIN.md §9: "Monday–Friday, minus statutory holidays, plus the make-up
// working weekends (调休) that the State Council announces each year … A year not yet announced is
// never a refusal of service. It is computed provisionally from 《全国年节及纪念日放假办法》 … A
// deadline that depends on a provisional day is shown as 预计 (provisional) and recomputed, with an
// audit entry, when the official year is added."
// Announced years are data in content/calendar/<year>.json, one file per 国务院办公厅 notice; any
// other year comes from statutory-holidays.ts.
import { addDays, dayOfWeek, isIsoDate } from './dates';
import type { CalendarDay, CalendarYear } from './calendar-year';
import { provisionalCalendarYear } from './statutory-holidays';

export type { CalendarDay, CalendarYear } from './calendar-year';

interface IndexedYear {
  source: string;
  provisional: boolean;
  holidays: ReadonlyMap<string, string>;
  workdays: ReadonlyMap<string, string>;
}

export interface WorkingDayCalendar {
  /** Years taken from a State Council notice, by year. */
  readonly announced: ReadonlyMap<number, CalendarYear>;
  /** Every year looked at so far, announced or computed (computed ones are filled in lazily). */
  readonly years: Map<number, IndexedYear>;
}

/** A date that a rule produced, and whether it rests on a day of a year not yet announced. */
export interface Deadline {
  date: string;
  /** True when a provisional day was counted: show it as 预计; it may move when the year is announced. */
  provisional: boolean;
}

/** A calendar file that contradicts itself; raised when the calendar is built, not when a deadline is due. */
export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

const isWeekend = (date: string) => {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
};

/**
 * Indexes one year and rejects data that cannot be right (a date outside its year, a day both
 * off and on, a 调休 working day that is not a weekend), because a typo in a JSON file would
 * otherwise move legal deadlines without anyone noticing.
 */
function indexYear(y: CalendarYear, provisional: boolean): IndexedYear {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const check = (day: CalendarDay, list: string) => {
    if (!isIsoDate(day.date) || Number(day.date.slice(0, 4)) !== y.year) {
      throw new CalendarDataError(`${list} date ${day.date} is not a date in ${y.year}`);
    }
  };
  for (const day of y.holidays) {
    check(day, 'holiday');
    holidays.set(day.date, day.name);
  }
  for (const day of y.workdays) {
    check(day, 'make-up working');
    if (!isWeekend(day.date)) throw new CalendarDataError(`make-up working day ${day.date} is not a Saturday or Sunday`);
    if (holidays.has(day.date)) throw new CalendarDataError(`${day.date} is listed both as a holiday and as a working day`);
    workdays.set(day.date, day.name);
  }
  return { source: y.source, provisional, holidays, workdays };
}

/** A calendar over the announced years; every other year is computed when first needed. */
export function createCalendar(announced: readonly CalendarYear[]): WorkingDayCalendar {
  const byYear = new Map<number, CalendarYear>();
  const years = new Map<number, IndexedYear>();
  for (const y of announced) {
    if (!Number.isInteger(y.year)) throw new CalendarDataError(`calendar year is not an integer: ${String(y.year)}`);
    if (byYear.has(y.year)) throw new CalendarDataError(`calendar year ${y.year} is given twice`);
    byYear.set(y.year, y);
    years.set(y.year, indexYear(y, false));
  }
  return { announced: byYear, years };
}

function yearOf(cal: WorkingDayCalendar, date: string): IndexedYear {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const year = Number(date.slice(0, 4));
  let indexed = cal.years.get(year);
  if (!indexed) {
    indexed = indexYear(provisionalCalendarYear(year), true);
    cal.years.set(year, indexed);
  }
  return indexed;
}

/** Monday–Friday minus statutory holidays, plus 调休 weekends (DOMAIN.md §9). */
export function isWorkingDay(cal: WorkingDayCalendar, date: string): boolean {
  const y = yearOf(cal, date);
  if (y.workdays.has(date)) return true;
  if (y.holidays.has(date)) return false;
  return !isWeekend(date);
}

/** Whether the date's year is computed rather than announced. */
export function isProvisionalDay(cal: WorkingDayCalendar, date: string): boolean {
  return yearOf(cal, date).provisional;
}

/** The holiday's name (春节, 国庆节 …) or the 调休 label for a date, for display next to deadlines. */
export function calendarDayName(cal: WorkingDayCalendar, date: string): string | null {
  const y = yearOf(cal, date);
  return y.workdays.get(date) ?? y.holidays.get(date) ?? null;
}

/** Where a year's days come from: the notice, or the rule it was computed by. */
export function calendarSource(cal: WorkingDayCalendar, year: number): { source: string; provisional: boolean } {
  const y = yearOf(cal, `${String(year).padStart(4, '0')}-01-01`);
  return { source: y.source, provisional: y.provisional };
}

/** The last day covered by a State Council notice, or null when none is loaded. */
export function lastAnnouncedDay(cal: WorkingDayCalendar): string | null {
  const years = [...cal.announced.keys()];
  return years.length ? `${Math.max(...years)}-12-31` : null;
}

/**
 * The n-th working day strictly after `date`: "accepted within 2 working days" of a submission on
 * `date` means by addWorkingDays(cal, date, 2). The day of submission never counts, whether or not
 * it is a working day; every day stepped over decides whether the result is provisional.
 * n = 0 returns `date` unchanged.
 */
export function addWorkingDays(cal: WorkingDayCalendar, date: string, n: number): Deadline {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  let current = date;
  let left = n;
  let provisional = false;
  while (left > 0) {
    current = addDays(current, 1);
    provisional ||= isProvisionalDay(cal, current);
    if (isWorkingDay(cal, current)) left--;
  }
  return { date: current, provisional };
}

/**
 * Working days in the half-open interval (from, to], so that
 * workingDaysBetween(cal, d, addWorkingDays(cal, d, n).date) === n. Negative when `to` is before
 * `from` (e.g. how many working days a case is overdue, read the other way round).
 */
export function workingDaysBetween(cal: WorkingDayCalendar, from: string, to: string): number {
  if (!isIsoDate(from)) throw new RangeError(`not an ISO date: ${from}`);
  if (!isIsoDate(to)) throw new RangeError(`not an ISO date: ${to}`);
  if (to < from) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(cal, d)) count++;
  }
  return count;
}

/** The earlier of two deadlines; provisional if the one chosen is. */
export function earlierDeadline(a: Deadline, b: Deadline): Deadline {
  return a.date <= b.date ? a : b;
}
