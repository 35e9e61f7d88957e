// The public-visibility rule of functions/domain/publication.ts (publicView) as SQL, built from the
// same status lists, so that every query that reads credit records for the public agrees with it.
import { and, gt, inArray, isNull, lte, or, type Placeholder, type SQL } from 'drizzle-orm';
import { creditRecords } from '../schema';
import { FULL_VIEW_STATUSES, NOTICE_VIEW_STATUSES } from '../../domain/publication';

const withinPeriod = (today: string | Placeholder) => or(isNull(creditRecords.publishUntil), gt(creditRecords.publishUntil, today));

/**
 * publicView(record, today) !== null — or, with 'full', publicView(record, today) === 'full'.
 * `today` may be a placeholder, for statements compiled once (functions/db/compiled.ts).
 */
export function publicRecordWhere(today: string | Placeholder, view: 'any' | 'full' = 'any'): SQL {
  const statuses = view === 'full' ? [...FULL_VIEW_STATUSES] : [...FULL_VIEW_STATUSES, ...NOTICE_VIEW_STATUSES];
  return and(inArray(creditRecords.status, statuses), withinPeriod(today))!;
}

/** Records shown in full until now whose 公示截止期 has come: the daily job marks them expired. */
export function periodEndedWhere(today: string): SQL {
  return and(inArray(creditRecords.status, [...FULL_VIEW_STATUSES]), lte(creditRecords.publishUntil, today))!;
}
