// Deadlines of objections (DOMAIN.md §4) and repairs (§3, 国办发〔2025〕22号) in working days (§9).
// The numbers are data with their source (content/rules/case-time-limits.json), because the
// bureau may have to follow a different reading of the rules without a code change.
import limits from '../../content/rules/case-time-limits.json' with { type: 'json' };
import type { CaseKind } from './vocabulary';
import { addWorkingDays, earlierDeadline, type Deadline, type WorkingDayCalendar } from './working-days';

export interface CaseTimeLimits {
  acceptWithinWorkingDays: number;
  decideWithinWorkingDaysOfAcceptance: number;
  /** An outer limit counted from the application (repairs: "an answer within 10 working days of applying"). */
  answerWithinWorkingDaysOfApplication: number | null;
  /** Where the numbers come from, shown on the guides. */
  source: string;
}

function checked(kind: string, value: CaseTimeLimits): CaseTimeLimits {
  const days = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 60;
  const outer = value.answerWithinWorkingDaysOfApplication;
  if (
    !days(value.acceptWithinWorkingDays) ||
    !days(value.decideWithinWorkingDaysOfAcceptance) ||
    (outer !== null && !days(outer)) ||
    !value.source
  ) {
    throw new Error(`content/rules/case-time-limits.json: the ${kind} limits must be whole working days (0–60) with a source`);
  }
  return value;
}

export const caseTimeLimits: Record<CaseKind, CaseTimeLimits> = {
  objection: checked('objection', limits.objection),
  repair: checked('repair', limits.repair),
};

export interface CaseDeadlines {
  acceptBy: Deadline;
  decideBy: Deadline;
}

/**
 * Before acceptance the decision deadline a company is told counts from the latest acceptance date
 * (and is provisional whenever that date is); once accepted, staff and company see it counted from
 * the real acceptance. Where an outer limit from the application applies, the earlier date wins.
 */
export function caseDeadlines(
  cal: WorkingDayCalendar,
  kind: CaseKind,
  dates: { submittedOn: string; acceptedOn?: string | null },
  rules: CaseTimeLimits = caseTimeLimits[kind],
): CaseDeadlines {
  const acceptBy = addWorkingDays(cal, dates.submittedOn, rules.acceptWithinWorkingDays);
  const base = dates.acceptedOn ?? acceptBy.date;
  const fromAcceptance = addWorkingDays(cal, base, rules.decideWithinWorkingDaysOfAcceptance);
  let decideBy: Deadline = {
    date: fromAcceptance.date,
    provisional: fromAcceptance.provisional || (!dates.acceptedOn && acceptBy.provisional),
  };
  if (rules.answerWithinWorkingDaysOfApplication !== null) {
    decideBy = earlierDeadline(decideBy, addWorkingDays(cal, dates.submittedOn, rules.answerWithinWorkingDaysOfApplication));
  }
  return { acceptBy, decideBy };
}
