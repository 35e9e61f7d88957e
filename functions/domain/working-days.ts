// Working days (工作日), DOMAIN.md §9: "Monday–Friday, minus statutory holidays, plus the make-up
// working weekends (调休) that the State Council announces each year. The calendar is data kept
// with the content and updated yearly; a missing year is an explicit error, not a guess."
// The data lives in content/calendar/<year>.json, one file per 国务院办公厅 notice.
import { addDays, dayOfWeek, isIsoDate } from './dates';

export interface CalendarDay {
  date: string;
  name: string;
}

/** One year as published by the State Council (the shape of content/calendar/<year>.json). */
export interface CalendarYear {
  year: number;
  /** The notice the dates come from, so a reader can check them. */
  source: string;
  /** Every day off the notice announces, weekends inside a holiday included. */
  holidays: readonly CalendarDay[];
  /** Weekend days that the notice turns into working days (调休上班). */
  workdays: readonly CalendarDay[];
}

export interface WorkingDayCalendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly holidays: ReadonlyMap<string, string>;
  readonly workdays: ReadonlyMap<string, string>;
}

/**
 * Thrown whenever a rule needs a date whose year has no State Council notice in the calendar.
 * Guessing (e.g. "Monday–Friday only") would silently put deadlines on holidays, so callers must
 * surface this to staff, who add content/calendar/<year>.json.
 */
export class CalendarYearMissingError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(
      `工作日历缺少 ${year} 年的数据：请按国务院办公厅关于 ${year} 年部分节假日安排的通知补充 content/calendar/${year}.json。` +
        ` The working-day calendar has no data for ${year}: add content/calendar/${year}.json from the State Council's holiday notice.`,
    );
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
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
 * Builds a calendar and rejects data that cannot be right (a date outside its year, a day both
 * off and on, a 调休 working day that is not a weekend), because a typo in a JSON file would
 * otherwise move legal deadlines without anyone noticing.
 */
export function createCalendar(years: readonly CalendarYear[]): WorkingDayCalendar {
  const byYear = new Map<number, CalendarYear>();
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const y of years) {
    if (!Number.isInteger(y.year)) throw new CalendarDataError(`calendar year is not an integer: ${String(y.year)}`);
    if (byYear.has(y.year)) throw new CalendarDataError(`calendar year ${y.year} is given twice`);
    byYear.set(y.year, y);
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
  }
  return { years: byYear, holidays, workdays };
}

function requireYear(cal: WorkingDayCalendar, date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const year = Number(date.slice(0, 4));
  if (!cal.years.has(year)) throw new CalendarYearMissingError(year);
}

/** Monday–Friday minus statutory holidays, plus announced 调休 weekends (DOMAIN.md §9). */
export function isWorkingDay(cal: WorkingDayCalendar, date: string): boolean {
  requireYear(cal, date);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return !isWeekend(date);
}

/** The holiday's name (春节, 国庆节 …) or the 调休 label for a date, for display next to deadlines. */
export function calendarDayName(cal: WorkingDayCalendar, date: string): string | null {
  requireYear(cal, date);
  return cal.workdays.get(date) ?? cal.holidays.get(date) ?? null;
}

/**
 * The n-th working day strictly after `date`: "accepted within 2 working days" of a submission on
 * `date` means by addWorkingDays(cal, date, 2). The day of submission never counts, whether or not
 * it is a working day, so its own year need not be in the calendar; every day stepped over must be.
 * n = 0 returns `date` unchanged.
 */
export function addWorkingDays(cal: WorkingDayCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(cal, current)) left--;
  }
  return current;
}

/**
 * Working days in the half-open interval (from, to], so that
 * workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n. Negative when `to` is before
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
