// 重大劳动保障违法行为社会公布 (人社部令第29号): the city and every district publish every quarter,
// on the 15th of the month after it, whether or not they have anything to publish. The entries are
// the major_violation records (records.ts), each pointing at its bureau's publication.
import type { violationPublications } from '../../functions/db/schema.ts';
import { bureaus } from '../../functions/domain/authorities.ts';
import { addMonths } from '../../functions/domain/dates.ts';
import { publicationId, quarterOf, quarterRange, type Quarter, type QuarterRef } from '../../functions/domain/major-violations.ts';

export type ViolationPublicationRow = typeof violationPublications.$inferInsert;

/** The day a quarter is published: the 15th of the month after it. */
export const quarterPublicationDay = (q: QuarterRef) => addMonths(`${quarterRange(q).from.slice(0, 8)}15`, 3);

/** Five years back covers every record the seeder writes (four years) with room to spare. */
const YEARS_BACK = 5;

export function publicationRows(today: string): ViolationPublicationRow[] {
  const rows: ViolationPublicationRow[] = [];
  let q = quarterOf(addMonths(today, -12 * YEARS_BACK));
  while (quarterPublicationDay(q) < today) {
    for (const bureau of bureaus) {
      rows.push({
        id: publicationId(q, bureau.code),
        bureauCode: bureau.code,
        authority: bureau.name,
        year: q.year,
        quarter: q.quarter,
        publishedOn: quarterPublicationDay(q),
      });
    }
    q = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: (q.quarter + 1) as Quarter };
  }
  return rows;
}
