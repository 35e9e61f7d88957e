// 重大劳动保障违法行为社会公布 (人社部令第29号): the city and every district publish every quarter,
// on the first working day from the 15th of the month after it, whether or not they have anything to publish — but for one
// late district. The entries are the major_violation records (records.ts), each pointing at its
// bureau's publication, or a draft while that is still to come.
import type { violationPublications } from '../../functions/db/schema.ts';
import { bureaus } from '../../functions/domain/authorities.ts';
import { addMonths } from '../../functions/domain/dates.ts';
import { defaultCalendar } from '../../functions/domain/calendar-data.ts';
import { workingDayFrom } from './days.ts';
import { publicationId, quarterOf, quarterRange, type Quarter, type QuarterRef } from '../../functions/domain/major-violations.ts';

export type ViolationPublicationRow = typeof violationPublications.$inferInsert;

/** The day a quarter is published: the first working day from the 15th of the month after it. */
export function quarterPublicationDay(q: QuarterRef): string {
  return workingDayFrom(defaultCalendar, addMonths(`${quarterRange(q).from.slice(0, 8)}15`, 3));
}

/** Five years back covers every record the seeder writes (four years) with room to spare. */
const YEARS_BACK = 5;

/**
 * One district is late with its latest quarter, whatever the date: its entries wait as drafts, and
 * the console has a quarter to publish (the browser tests publish it).
 */
export const LATE_BUREAU = '110119';

const nextQuarter = (q: QuarterRef): QuarterRef =>
  q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: (q.quarter + 1) as Quarter };

/** The latest quarter whose publication day has passed. */
function latestPublished(today: string): QuarterRef {
  let q = quarterOf(addMonths(today, -6));
  while (quarterPublicationDay(nextQuarter(q)) < today) q = nextQuarter(q);
  return q;
}

/** Whether the bureau's publication of the quarter exists in the demo data as of `today`. */
export function isPublished(q: QuarterRef, bureauCode: string, today: string): boolean {
  if (quarterPublicationDay(q) >= today) return false;
  const late = latestPublished(today);
  return !(bureauCode === LATE_BUREAU && q.year === late.year && q.quarter === late.quarter);
}

export function publicationRows(today: string): ViolationPublicationRow[] {
  const rows: ViolationPublicationRow[] = [];
  for (let q = quarterOf(addMonths(today, -12 * YEARS_BACK)); quarterPublicationDay(q) < today; q = nextQuarter(q)) {
    for (const bureau of bureaus) {
      if (!isPublished(q, bureau.code, today)) continue;
      rows.push({
        id: publicationId(q, bureau.code),
        bureauCode: bureau.code,
        authority: bureau.name,
        year: q.year,
        quarter: q.quarter,
        publishedOn: quarterPublicationDay(q),
      });
    }
  }
  return rows;
}
