// How a case stands against its deadlines, in working days (DOMAIN.md §3, §4, §9), for queues and case pages.
import { defaultCalendar } from './calendar-data';
import { acceptStageStatuses, decideStageStatuses, type CaseStatus } from './vocabulary';
import { workingDaysBetween, type WorkingDayCalendar } from './working-days';

export interface CaseSla {
  stage: 'accept' | 'decide' | null;
  due: string | null;
  /** The due date counts days of a year whose holidays are not announced yet (预计). */
  provisional: boolean;
  /** Working days until `due` (0 = due today); negative when late. */
  workingDaysLeft: number | null;
  late: boolean;
  label: string;
}

interface CaseDeadlineFields {
  status: CaseStatus;
  acceptBy: string;
  decideBy: string;
  acceptByProvisional: boolean;
  decideByProvisional: boolean;
}

export function caseStage(status: CaseStatus): 'accept' | 'decide' | null {
  if ((acceptStageStatuses as readonly CaseStatus[]).includes(status)) return 'accept';
  if ((decideStageStatuses as readonly CaseStatus[]).includes(status)) return 'decide';
  return null;
}

export function caseSla(c: CaseDeadlineFields, today: string, cal: WorkingDayCalendar = defaultCalendar): CaseSla {
  const stage = caseStage(c.status);
  if (!stage) return { stage, due: null, provisional: false, workingDaysLeft: null, late: false, label: '已办结' };
  const due = stage === 'accept' ? c.acceptBy : c.decideBy;
  const provisional = stage === 'accept' ? c.acceptByProvisional : c.decideByProvisional;
  return { stage, due, provisional, ...deadlineStanding(cal, today, due, provisional, stage === 'accept' ? '受理' : '办结') };
}

/** Working days left to `due` and how staff read it ("距受理期限 3 个工作日", "办结逾期 2 个工作日"). */
export function deadlineStanding(cal: WorkingDayCalendar, today: string, due: string, provisional: boolean, what: string) {
  const late = due < today;
  const left = workingDaysBetween(cal, today, due);
  let label: string;
  if (late) label = `${what}逾期 ${Math.max(1, -left)} 个工作日`;
  else if (left === 0) label = `今天${what}到期`;
  else label = `距${what}期限 ${left} 个工作日${provisional ? '（预计）' : ''}`;
  return { workingDaysLeft: left, late, label };
}
