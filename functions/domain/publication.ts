// Publication periods (公示期) and who sees a record, DOMAIN.md §2 — 国办发〔2025〕22号 and
// 国家发展改革委令第36号《信用修复管理办法》 (in force since 2026-04-01).
import { addMonths } from './dates';
import type { RecordStatus, Severity } from './vocabulary';

interface Period {
  /** Months that must pass before repair may be asked (0 = at once). */
  minimumMonths: number;
  /** Months after which publication stops by itself. */
  maximumMonths: number;
}

/** "轻微: may be left unpublished / 3 months; 一般: 3 months / 1 year; 严重: 1 year / 3 years." */
export const PUBLICATION_PERIODS: Record<Exclude<Severity, 'none'>, Period> = {
  minor: { minimumMonths: 0, maximumMonths: 3 },
  general: { minimumMonths: 3, maximumMonths: 12 },
  serious: { minimumMonths: 12, maximumMonths: 36 },
};

const SEVERITY_ORDER: Severity[] = ['none', 'minor', 'general', 'serious'];

/** "Where one decision holds several penalty types, the longest period applies." */
export function governingSeverity(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((worst, s) => (SEVERITY_ORDER.indexOf(s) > SEVERITY_ORDER.indexOf(worst) ? s : worst), 'none');
}

/** 公示截止期: "The clock starts on the decision date." Null for records that are not negative. */
export function publicationEnd(decidedOn: string, severity: Severity): string | null {
  if (severity === 'none') return null;
  return addMonths(decidedOn, PUBLICATION_PERIODS[severity].maximumMonths);
}

/** The first date on which credit repair may be asked ("only after the minimum period above has passed"). */
export function repairPossibleFrom(decidedOn: string, severity: Severity): string | null {
  if (severity === 'none') return null;
  return addMonths(decidedOn, PUBLICATION_PERIODS[severity].minimumMonths);
}

/** Statuses the public sees in full while the publication period runs. */
export const FULL_VIEW_STATUSES = ['published'] as const satisfies readonly RecordStatus[];
/**
 * Statuses the public sees as a notice without detail while the period would have run: a withdrawal
 * ("The public sees a withdrawal notice (tombstone), not silence", §2) and a repair (终止公示, 36号
 * 第三条: the record's content is no longer published, the repair result is).
 */
export const NOTICE_VIEW_STATUSES = ['withdrawn', 'repaired'] as const satisfies readonly RecordStatus[];

/** What the notice of a repaired record says in place of its content (36号 第三条: 终止公示). */
export const REPAIR_NOTICE = '信用修复已通过，终止公示。';
/** Why a record whose 公示截止期 has come is no longer shown: "On that date it leaves the public site and the API automatically". */
export const EXPIRY_NOTICE = '公示期届满，停止公示。';

/** `full`: every public field; `notice`: that it was withdrawn or repaired, why and when; null: nothing at all. */
export type PublicView = 'full' | 'notice' | null;

/**
 * The one rule of what the public may see of a record on `today`: the profile, search counts,
 * penalty lists, open data, feeds, the change feed and the daily job all follow it (the queries
 * through db/queries/public-records.ts, built from the two lists above). "On that date it leaves
 * the public site and the API automatically": past its 公示截止期 a record is not shown at all,
 * whatever the nightly job did; drafts and expired records never are.
 */
export function publicView(record: { status: RecordStatus; publishUntil: string | null }, today: string): PublicView {
  if (record.publishUntil !== null && record.publishUntil <= today) return null;
  if ((FULL_VIEW_STATUSES as readonly RecordStatus[]).includes(record.status)) return 'full';
  if ((NOTICE_VIEW_STATUSES as readonly RecordStatus[]).includes(record.status)) return 'notice';
  return null;
}
