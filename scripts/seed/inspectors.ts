// The officers (执法人员, DOMAIN.md §7, §8) — one list, read by the officers page, the lookup by
// certificate number and the draw's inspector pool — and the pool's recusal list. Validity is
// relative to the "as of" date, so that the demo reads the same whatever the date: most
// certificates are valid, two lapsed two months ago and two are suspended; the lapsed and the
// suspended ones were valid for earlier draws and so appear in published records.
import type { inspectorConflicts, inspectors } from '../../functions/db/schema.ts';
import { addDays, addMonths } from '../../functions/domain/dates.ts';
import { pad } from './people.ts';
import { DEMO_OFFICERS } from './officers.ts';

export type InspectorRow = typeof inspectors.$inferInsert;
export type InspectorConflictRow = typeof inspectorConflicts.$inferInsert;

/** Certificates run five years (last day included). */
const TERM_MONTHS = 60;
const LAPSED = new Set([17, 33]);
const SUSPENDED = new Set([9, 26]);

export function inspectorRows(today: string): InspectorRow[] {
  const month = `${today.slice(0, 8)}01`;
  return DEMO_OFFICERS.map(([name, certificateNo, unit, field], k) => {
    // Issued 26–55 months ago, a few only 8 months ago (newcomers absent from last year's draws).
    const issuedMonthsAgo = LAPSED.has(k) ? TERM_MONTHS + 2 : k % 10 === 4 ? 8 : 26 + ((k * 7) % 30);
    const validFrom = addMonths(month, -issuedMonthsAgo);
    const suspended = SUSPENDED.has(k);
    return {
      id: `JC-${pad(k + 1, 3)}`,
      name,
      certificateNo,
      unit,
      field,
      status: suspended ? 'suspended' : 'valid',
      statusSince: suspended ? addDays(today, -45) : null,
      validFrom,
      validUntil: addDays(addMonths(validFrom, TERM_MONTHS), -1),
      yearlyCap: k % 3 === 0 ? 120 : k % 5 === 1 ? 150 : null,
    };
  });
}

const CONFLICT_REASONS = [
  '近亲属在该单位担任高级管理人员',
  '曾在该单位工作，离职未满三年',
  '与该单位存在经济往来',
  '与该单位法定代表人系同学关系',
];

/** A few inspectors who must never be sent to some of the showcase employers. */
export function conflictRows(pool: readonly InspectorRow[], usccs: readonly string[]): InspectorConflictRow[] {
  return usccs.map((uscc, k) => ({ inspectorId: pool[k * 3]!.id, uscc, reason: CONFLICT_REASONS[k % CONFLICT_REASONS.length]! }));
}
