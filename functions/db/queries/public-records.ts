// The public-visibility rule of functions/domain/publication.ts (publicView) as SQL, built from the
// same status lists, so that every query that reads credit records for the public agrees with it.
import { and, gt, inArray, isNull, lte, or, type Placeholder, type SQL } from 'drizzle-orm';
import { creditRecords, violationEntryCounts } from '../schema';
import { FULL_VIEW_STATUSES, NOTICE_VIEW_STATUSES } from '../../domain/publication';

const shownStatuses = (view: 'any' | 'full') =>
  view === 'full' ? [...FULL_VIEW_STATUSES] : [...FULL_VIEW_STATUSES, ...NOTICE_VIEW_STATUSES];
const shownStatus = (view: 'any' | 'full') => inArray(creditRecords.status, shownStatuses(view));
const noEnd = isNull(creditRecords.publishUntil);
const endsAfter = (today: string | Placeholder) => gt(creditRecords.publishUntil, today);

/**
 * publicView(record, today) !== null — or, with 'full', publicView(record, today) === 'full'.
 * `today` may be a placeholder, for statements compiled once (functions/db/compiled.ts).
 */
export function publicRecordWhere(today: string | Placeholder, view: 'any' | 'full' = 'any'): SQL {
  return and(shownStatus(view), or(noEnd, endsAfter(today)))!;
}

/**
 * publicRecordWhere as its two disjoint halves — no 公示截止期, or one after today — for counts over
 * an index ending in publish_until: SQLite seeks each half, but walks their OR from the start of the
 * index, through every record whose period has ended and that the daily job has not marked yet
 * (33 ms for the capped count of penalties at 1,000,000 employers, against under 0.1 ms).
 */
export function publicRecordHalves(today: string, view: 'any' | 'full' = 'any'): [SQL, SQL] {
  return [and(shownStatus(view), noEnd)!, and(shownStatus(view), endsAfter(today))!];
}

/**
 * publicRecordWhere over violation_entry_counts, whose publish_until holds OPEN_END (after every
 * date) for records without one, so that one comparison stands for both halves.
 */
export function publicCountWhere(today: string | Placeholder): SQL {
  return and(inArray(violationEntryCounts.status, shownStatuses('any')), gt(violationEntryCounts.publishUntil, today))!;
}

/** Records shown in full until now whose 公示截止期 has come: the daily job marks them expired. */
export function periodEndedWhere(today: string): SQL {
  return and(inArray(creditRecords.status, [...FULL_VIEW_STATUSES]), lte(creditRecords.publishUntil, today))!;
}
