// Day arithmetic the domain module does not offer (dates.ts has addDays and addMonths but no
// differences or random dates). Private to the seeder: legal rules never need these.
import { isWorkingDay, type WorkingDayCalendar } from '../../functions/domain/working-days.ts';
import type { Rng } from './prng.ts';

const DAY_MS = 86_400_000;

// Days ↔ civil dates by arithmetic (H. Hinnant's algorithms): a million enterprises need tens of
// millions of conversions, and Date objects plus toISOString made up a fifth of the run time.

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  const m = Number(date.slice(5, 7));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

export function fromDayNumber(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function shiftDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export interface DateRange {
  from: string;
  to: string;
}

/** A uniform date in [from, to]; null when the range is empty. */
export function randomDate(rng: Rng, range: DateRange): string | null {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  return to < from ? null : fromDayNumber(from + rng.int(to - from + 1));
}

/** A uniform date in the union of ranges (empty ones ignored); null when all are empty. */
export function randomDateIn(rng: Rng, ranges: readonly DateRange[]): string | null {
  const spans = ranges.map((r) => Math.max(0, dayNumber(r.to) - dayNumber(r.from) + 1));
  let pick = rng.int(spans.reduce((a, b) => a + b, 0) || 1);
  for (let k = 0; k < ranges.length; k++) {
    if (pick < spans[k]!) return shiftDays(ranges[k]!.from, pick);
    pick -= spans[k]!;
  }
  return null;
}

/** The n-th working day before `date` (the mirror of addWorkingDays, which only goes forward). */
export function workingDaysBefore(calendar: WorkingDayCalendar, date: string, n: number): string {
  let current = date;
  for (let left = n; left > 0; ) {
    current = shiftDays(current, -1);
    if (isWorkingDay(calendar, current)) left--;
  }
  return current;
}

/** `date` if it is a working day, else the nearest working day in the direction `step` (+1 after, −1 before). */
export function workingDayFrom(calendar: WorkingDayCalendar, date: string, step: 1 | -1 = 1): string {
  let day = date;
  while (!isWorkingDay(calendar, day)) day = shiftDays(day, step);
  return day;
}

/** An instant on a Beijing office day, as ISO-8601 UTC: ("2026-11-20", 9, 30) → 2026-11-20T01:30:00.000Z. */
export function beijingInstant(date: string, hour: number, minute: number): string {
  return new Date(dayNumber(date) * DAY_MS + ((hour - 8) * 60 + minute) * 60_000).toISOString();
}
