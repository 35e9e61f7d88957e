// The rules of 举报投诉 (DOMAIN.md §10): the 2-year limitation, the working-day deadlines, the
// 30-day join of repeated complaints. The numbers are data with their source
// (content/rules/complaint-time-limits.json), shown on the form and the staff console.
import limits from '../../content/rules/complaint-time-limits.json' with { type: 'json' };
import { addDays, addMonths } from './dates';
import { type ComplaintStatus, openComplaintStatuses } from './vocabulary';
import { deadlineStanding } from './case-sla';
import { addWorkingDays, type Deadline, type WorkingDayCalendar } from './working-days';

export interface ComplaintTimeLimits {
  acceptWithinWorkingDays: number;
  investigateWithinWorkingDays: number;
  extensionWorkingDays: number;
  limitationYears: number;
  joinWithinDays: number;
  /** DOMAIN.md §8: submitters' personal data is kept as long as the case file needs it, then deleted. */
  identityRetentionYears: number;
  source: string;
}

function checked(value: ComplaintTimeLimits): ComplaintTimeLimits {
  const whole = (n: unknown, max: number) => Number.isInteger(n) && (n as number) > 0 && (n as number) <= max;
  if (
    !whole(value.acceptWithinWorkingDays, 60) ||
    !whole(value.investigateWithinWorkingDays, 250) ||
    !whole(value.extensionWorkingDays, 250) ||
    !whole(value.limitationYears, 10) ||
    !whole(value.joinWithinDays, 365) ||
    !whole(value.identityRetentionYears, 30) ||
    !value.source
  ) {
    throw new Error('content/rules/complaint-time-limits.json: limits must be positive whole numbers with a source');
  }
  return value;
}

export const complaintTimeLimits: ComplaintTimeLimits = checked(limits);

/** 受理: within 5 working days of receipt (规定 第十八条 as read). */
export const complaintAcceptBy = (cal: WorkingDayCalendar, receivedOn: string, rules = complaintTimeLimits): Deadline =>
  addWorkingDays(cal, receivedOn, rules.acceptWithinWorkingDays);

/** 调查: within 60 working days of 立案, plus 30 when an extension was approved (条例 第十七条). */
export function complaintInvestigateBy(cal: WorkingDayCalendar, filedOn: string, extended: boolean, rules = complaintTimeLimits): Deadline {
  return addWorkingDays(cal, filedOn, rules.investigateWithinWorkingDays + (extended ? rules.extensionWorkingDays : 0));
}

export type LimitationCheck = { ok: true } | { ok: false; message: string };

/**
 * 条例 第二十条: a violation not discovered, reported or complained about within 2 years is not
 * investigated; the 2 years run from the end of a continuing violation (`to`), else from `from`.
 * A period that ends in the future is refused as a typing mistake, not as out of time.
 */
export function checkLimitation(period: { from: string; to?: string | null }, today: string, rules = complaintTimeLimits): LimitationCheck {
  const end = period.to ?? period.from;
  if (period.to && period.to < period.from) return { ok: false, message: '结束日期不能早于开始日期' };
  if (period.from > today || end > today) return { ok: false, message: '发生时间不能晚于今天' };
  const earliest = limitationStart(today, rules);
  if (end < earliest) {
    return {
      ok: false,
      message: `违法行为结束已超过 ${rules.limitationYears} 年（早于 ${earliest}），按《劳动保障监察条例》第二十条不再查处；劳动争议可向劳动人事争议仲裁委员会申请仲裁`,
    };
  }
  return { ok: true };
}

/** The earliest end of a violation that can still be investigated today. */
export const limitationStart = (today: string, rules = complaintTimeLimits) => addMonths(today, -12 * rules.limitationYears);

/** A complainant's identity is deleted once the case closed before this date. */
export const identityDeletableBefore = (today: string, rules = complaintTimeLimits) => addMonths(today, -12 * rules.identityRetentionYears);

/** An earlier complaint joins a new one when both came from the same contact within the window (calendar days). */
export const joinWindowStart = (today: string, rules = complaintTimeLimits) => addDays(today, -rules.joinWithinDays);

/** The employer as compared for joining: its code when given, else its name without spaces or brackets. */
export function employerKey(employer: { uscc?: string | null; name: string }): string {
  if (employer.uscc) return `uscc:${employer.uscc}`;
  return `name:${employer.name.normalize('NFKC').replace(/[\s()（）【】[\]]/g, '')}`;
}

export interface ComplaintSla {
  stage: 'accept' | 'investigate' | null;
  due: string | null;
  provisional: boolean;
  /** Working days until `due` (0 = due today); negative when late. */
  workingDaysLeft: number | null;
  late: boolean;
  label: string;
}

interface ComplaintDeadlineFields {
  status: ComplaintStatus;
  acceptBy: string;
  acceptByProvisional: boolean;
  investigateBy: string | null;
  investigateByProvisional: boolean;
}

/** How a complaint stands against its deadline today, in working days (DOMAIN.md §9, §10). */
export function complaintSla(c: ComplaintDeadlineFields, today: string, cal: WorkingDayCalendar): ComplaintSla {
  const open = (openComplaintStatuses as readonly ComplaintStatus[]).includes(c.status);
  const stage = !open ? null : c.status === 'received' ? 'accept' : 'investigate';
  const due = stage === 'accept' ? c.acceptBy : stage === 'investigate' ? c.investigateBy : null;
  if (!stage || !due) return { stage: null, due: null, provisional: false, workingDaysLeft: null, late: false, label: '已办结' };
  const provisional = stage === 'accept' ? c.acceptByProvisional : c.investigateByProvisional;
  return { stage, due, provisional, ...deadlineStanding(cal, today, due, provisional, stage === 'accept' ? '受理' : '调查') };
}

/**
 * A sampling task's complaint stratum (DOMAIN.md §7 "ratio and frequency follow credit grade and
 * risk", §10): employers with a complaint accepted (立案) in the year before the draw.
 */
export const COMPLAINT_STRATUM_MONTHS = 12;
export const complaintStratumWindow = (drawnOn: string) => ({ from: addMonths(drawnOn, -COMPLAINT_STRATUM_MONTHS), to: drawnOn });
