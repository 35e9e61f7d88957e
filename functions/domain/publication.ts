// Publication periods (公示期), DOMAIN.md §2 — 国办发〔2025〕22号 with 发改委令第58号.
import { addMonths } from './dates';
import type { RecordStatus, Severity } from '../db/schema';

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
  return severities.reduce<Severity>(
    (worst, s) => (SEVERITY_ORDER.indexOf(s) > SEVERITY_ORDER.indexOf(worst) ? s : worst),
    'none',
  );
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

/**
 * Whether the public may see a record today. "On that date it leaves the public site and the API
 * automatically" — so a record is public strictly before its end date, whatever the nightly job did.
 */
export function isPubliclyVisible(
  record: { status: RecordStatus; publishUntil: string | null },
  today: string,
): boolean {
  if (record.status !== 'published' && record.status !== 'withdrawn') return false;
  return record.publishUntil === null || today < record.publishUntil;
}
