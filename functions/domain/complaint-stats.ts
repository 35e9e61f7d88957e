// Public statistics of complaints (DOMAIN.md §10, 接诉即办): by month of receipt, district and
// category — received, accepted (立案), closed, median working days to close. Any count under 5 is
// shown as "<5", and a median only where at least 5 cases closed, so that no person can be singled out.
import { workingDaysBetween, type WorkingDayCalendar } from './working-days';
import type { ComplaintCategory } from './vocabulary';

export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED = '<5' as const;
export type PublicCount = number | typeof SUPPRESSED;

/** A count as published: under the threshold it is never shown, not even as 0. */
export const publicCount = (n: number): PublicCount => (n < SUPPRESSION_THRESHOLD ? SUPPRESSED : n);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One complaint as the statistics see it: no identity, no text, only dates and groups. */
export interface StatsRow {
  receivedOn: string;
  /** 6-digit division code, or null when the employer's district is not known. */
  districtCode: string | null;
  category: ComplaintCategory;
  filedOn: string | null;
  closedOn: string | null;
}

export interface StatsCell {
  month: string;
  districtCode: string | null;
  category: ComplaintCategory;
  received: PublicCount;
  accepted: PublicCount;
  closed: PublicCount;
  /** Median working days from receipt to closing, shown only where `closed` is shown. */
  medianWorkingDaysToClose: number | null;
}

export function complaintStatsCells(rows: readonly StatsRow[], cal: WorkingDayCalendar): StatsCell[] {
  const groups = new Map<string, { month: string; districtCode: string | null; category: ComplaintCategory; rows: StatsRow[] }>();
  for (const row of rows) {
    const month = row.receivedOn.slice(0, 7);
    const key = `${month}|${row.districtCode ?? ''}|${row.category}`;
    const group = groups.get(key) ?? { month, districtCode: row.districtCode, category: row.category, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        (a.districtCode ?? '~').localeCompare(b.districtCode ?? '~') ||
        a.category.localeCompare(b.category),
    )
    .map((g) => {
      const closedDays = g.rows.filter((r) => r.closedOn).map((r) => workingDaysBetween(cal, r.receivedOn, r.closedOn!));
      return {
        month: g.month,
        districtCode: g.districtCode,
        category: g.category,
        received: publicCount(g.rows.length),
        accepted: publicCount(g.rows.filter((r) => r.filedOn).length),
        closed: publicCount(closedDays.length),
        medianWorkingDaysToClose: closedDays.length >= SUPPRESSION_THRESHOLD ? median(closedDays) : null,
      };
    });
}
