// Deadlines of objections and repairs in working days (DOMAIN.md §3, §4, §9).
import { addWorkingDays, type WorkingDayCalendar } from './working-days';

/** "Accepted or rejected for completeness within 2 working days." */
export const ACCEPT_WITHIN_WORKING_DAYS = 2;
/** "Decided within 10 working days of acceptance." */
export const DECIDE_WITHIN_WORKING_DAYS = 10;

/**
 * At submission the acceptance date is not known yet, so the decision deadline a company is told
 * counts from the latest acceptance date; staff see it recomputed from the real acceptance.
 */
export function caseDeadlines(cal: WorkingDayCalendar, submittedOn: string) {
  const acceptBy = addWorkingDays(cal, submittedOn, ACCEPT_WITHIN_WORKING_DAYS);
  return { acceptBy, decideBy: addWorkingDays(cal, acceptBy, DECIDE_WITHIN_WORKING_DAYS) };
}
