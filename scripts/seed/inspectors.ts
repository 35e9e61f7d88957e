// The qualified inspector pool (执法人员, DOMAIN.md §7, §8) and its recusal list.
import type { inspectorConflicts, inspectors } from '../../functions/db/schema.ts';
import { districtName } from '../../functions/domain/districts.ts';
import { createRng } from './prng.ts';
import { pad, personName } from './people.ts';
import { DISTRICT_WEIGHTS } from './vocabulary.ts';

export type InspectorRow = typeof inspectors.$inferInsert;
export type InspectorConflictRow = typeof inspectorConflicts.$inferInsert;

const STREAM_INSPECTORS = 501;
const POOL_SIZE = 40;
const MUNICIPAL_SQUAD = { code: '110000', unit: '北京市劳动保障监察总队' };

/** Six at the municipal squad, the rest spread over the district squads (大队). */
function unitOf(k: number): { code: string; unit: string } {
  if (k < 6) return MUNICIPAL_SQUAD;
  const [code] = DISTRICT_WEIGHTS[(k - 6) % DISTRICT_WEIGHTS.length]!;
  return { code, unit: `北京市${districtName(code)}劳动保障监察大队` };
}

/** Certificate numbers read 11010520230012: issuing unit, year of issue, sequence. */
export function inspectorRows(seed: number): InspectorRow[] {
  const rng = createRng(seed, STREAM_INSPECTORS);
  return Array.from({ length: POOL_SIZE }, (_, k) => {
    const { code, unit } = unitOf(k);
    return {
      id: `JC-${pad(k + 1, 3)}`,
      name: personName(rng),
      certificateNo: `${code}${rng.between(2015, 2025)}${pad((k * 37 + 12) % 10_000, 4)}`,
      unit,
      // Two whose certificates lapsed stay on the list but are never drawn.
      qualified: k !== 17 && k !== 33,
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
