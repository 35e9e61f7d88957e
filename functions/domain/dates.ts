// Legal dates are calendar dates in China Standard Time (UTC+8, no daylight saving), written
// as ISO `YYYY-MM-DD`. Arithmetic is done on UTC midnights so no host time zone leaks in.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Dates are taken apart and put together by arithmetic rather than by parsing and printing a Date
// (test/unit/dates.test.ts holds them to the Date forms on every day of 1999–2032).
interface DateParts {
  year: number;
  month: number;
  day: number;
}

function partsOf(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  // Years before 1000 are refused as well: no legal date of this service lies there.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function isoOf({ year, month, day }: DateParts): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return partsOf(value) !== null;
}

/**
 * A date as people type it — 2026-06-01, 2026/6/1, 2026.06.01, 2026年6月1日, full-width digits —
 * as YYYY-MM-DD; null when it is not a real date.
 */
export function parseDateInput(input: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(input.normalize('NFKC').trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function mustParts(date: string): DateParts {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`not an ISO date: ${date}`);
  return parts;
}

function toUtc(date: string): Date {
  const { year, month, day } = mustParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today's date in Beijing. */
export function todayInChina(now: Date): string {
  return fromUtc(new Date(now.getTime() + CST_OFFSET_MS));
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Calendar months; the day is clamped to the target month's length (01-31 + 1 month = 02-28/29). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = mustParts(date);
  const index = year * 12 + month - 1 + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return isoOf({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toUtc(date).getUTCDay();
}

/** 2026年11月25日 */
export function formatChineseDate(date: string): string {
  const { year, month, day } = mustParts(date.slice(0, 10));
  return `${year}年${month}月${day}日`;
}

/** An instant as Beijing wall-clock time: 2026年11月25日 16:05. */
export function formatChineseDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + CST_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${formatChineseDate(fromUtc(local))} ${hh}:${mm}`;
}

/** Integer fen → "12,345.00 元". By hand: toLocaleString goes through ICU, a profile's dearest call per record. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}
