// How a case stands against its deadlines, in working days (DOMAIN.md §3, §4, §9), for queues and case pages.
import type { CaseStatus } from '../db/schema';
import { defaultCalendar } from '../domain/calendar-data';
import { CalendarYearMissingError, workingDaysBetween, type WorkingDayCalendar } from '../domain/working-days';

export interface CaseSla {
  stage: 'accept' | 'decide' | null;
  due: string | null;
  /** Working days until `due` (0 = due today); negative when late. Null without a calendar for the years between. */
  workingDaysLeft: number | null;
  late: boolean;
  label: string;
}

export function caseSla(c: { status: CaseStatus; acceptBy: string; decideBy: string }, today: string, cal: WorkingDayCalendar = defaultCalendar): CaseSla {
  const stage = c.status === 'received' ? 'accept' : c.status === 'accepted' || c.status === 'in_progress' ? 'decide' : null;
  if (!stage) return { stage, due: null, workingDaysLeft: null, late: false, label: '已办结' };
  const due = stage === 'accept' ? c.acceptBy : c.decideBy;
  const late = due < today;
  let left: number | null = null;
  try {
    left = workingDaysBetween(cal, today, due);
  } catch (error) {
    // A missing calendar year leaves the count unknown; the due date itself is still shown.
    if (!(error instanceof CalendarYearMissingError)) throw error;
  }
  const what = stage === 'accept' ? '受理' : '办结';
  let label: string;
  if (left === null) label = late ? `${what}已逾期` : `${what}期限 ${due}`;
  else if (late) label = `${what}逾期 ${Math.max(1, -left)} 个工作日`;
  else if (left === 0) label = `今天${what}到期`;
  else label = `距${what}期限 ${left} 个工作日`;
  return { stage, due, workingDaysLeft: left, late, label };
}
