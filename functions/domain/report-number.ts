// Report numbers of the 专用信用报告 (DOMAIN.md §11: "carries a report number"). Anyone holding
// one can open the report at /reports/{reportNo}, so numbers are random, not sequential: a counter
// would let anyone list which employers asked for a report and when (a tender, a loan), which the
// report itself is not meant to publish.
import { foldTyped, randomCharacters, REFERENCE_ALPHABET } from './reference';

/** BG = 报告, the pinyin initials, like YY (异议) and XF (修复) for cases. */
export const REPORT_PREFIX = 'BG';

/** 25^10 ≈ 9.5 × 10^13 numbers a year: guessing one that was issued is hopeless at any request rate. */
const RANDOM_LENGTH = 10;

/**
 * A new number such as BG-2026-7K3QX-9MPAC, in the alphabet of case references (no 0/O, 1/I/L …)
 * so that it can be read out and typed from paper. The primary key of credit_reports is the
 * guarantee of uniqueness; the caller draws again on the (vanishingly rare) clash.
 */
export function generateReportNo(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`implausible year ${year}`);
  const raw = randomCharacters(RANDOM_LENGTH);
  return `${REPORT_PREFIX}-${year}-${raw.slice(0, 5)}-${raw.slice(5)}`;
}

const SHAPE = new RegExp(`^${REPORT_PREFIX}(20\\d{2})([${REFERENCE_ALPHABET}]{${RANDOM_LENGTH}})$`);

/** What a person typed or scanned (any case, dashes, spaces, full width) as the canonical number, or null. */
export function parseReportNo(input: string): string | null {
  if (input.length > 64) return null;
  const m = SHAPE.exec(foldTyped(input));
  if (!m) return null;
  const code = m[2]!;
  return `${REPORT_PREFIX}-${m[1]}-${code.slice(0, 5)}-${code.slice(5)}`;
}
