// Labour-law credit grade (企业劳动保障守法诚信等级), DOMAIN.md §5 — 人社部规〔2016〕1号
// 《企业劳动保障守法诚信等级评价办法》. Assessed yearly from the records of the assessment period;
// choosing the period is the caller's job, this file only applies the rule.
import type { Grade, RecordKind, RecordStatus, Severity } from './vocabulary';

export const GRADE_BASIS = '人社部规〔2016〕1号';

/** Public names of the grades, as local implementations of the 办法 print them. */
export const gradeLabels: Record<Grade, string> = {
  A: 'A级（守法诚信）',
  B: 'B级（基本诚信）',
  C: 'C级（不诚信）',
};

/** The rule behind each grade in words, for the profile page and the API's `reasons`. */
export const gradeDefinitions: Record<Grade, string> = {
  A: '评价期内未因劳动保障违法行为被查处',
  B: '评价期内因劳动保障违法行为被查处，但不属于C级所列情形',
  C: '被查处三次以上（含三次），或引发群体性、极端事件，或使用童工、强迫劳动，或拒不履行整改指令、处理处罚决定，或阻挠监察，或被追究刑事责任',
};

/** DOMAIN.md §5: "Grade drives supervision: A fewer routine checks, B more, C is a key target." */
export const gradeSupervision: Record<Grade, string> = {
  A: '减少日常检查频次',
  B: '适当增加检查频次',
  C: '列为重点监管对象',
};

/** One record of the assessment period, as stored in credit_records. */
export interface GradeRecord {
  kind: RecordKind;
  severity: Severity;
  status?: RecordStatus;
  /**
   * Kind-specific facts. Read here: `result` (sampling results), `caseNo` (records that share a
   * case number are one investigation), and the C flags `groupIncident` / `extremeIncident`,
   * `childOrForcedLabour`, `refusedRectification`, `obstructedInspection`, `criminalLiability`
   * (a flag counts only when it is literally `true`, so a stray "false" string cannot downgrade anyone).
   */
  detail?: Record<string, unknown> | null;
}

export type CCondition =
  | 'repeated'
  | 'groupIncident'
  | 'childOrForcedLabour'
  | 'refusedRectification'
  | 'obstructedInspection'
  | 'criminalLiability';

/** The six C conditions of DOMAIN.md §5, worded for the public. */
export const cConditionLabels: Record<CCondition, string> = {
  repeated: '因劳动保障违法行为被查处三次以上（含三次）',
  groupIncident: '因劳动保障违法行为引发群体性事件或极端事件',
  childOrForcedLabour: '使用童工或强迫劳动',
  refusedRectification: '拒不履行劳动保障监察限期整改指令、行政处理决定或行政处罚决定',
  obstructedInspection: '无理抗拒、阻挠劳动保障监察',
  criminalLiability: '因劳动保障违法行为被追究刑事责任',
};

export interface GradeAssessment {
  grade: Grade;
  /** One sentence in Chinese naming the rule that produced the grade. */
  reason: string;
  /** Each rule that applies, for the API's `grade.reasons`. */
  reasons: string[];
  /** C conditions met (empty for A and B). */
  conditions: CCondition[];
  /** Distinct investigations counted in the period. */
  investigations: number;
}

/**
 * Sampling outcomes that mean a violation was found and dealt with (DOMAIN.md §7 result list).
 * 未发现问题 is a clean inspection; 查无下落 / 不予配合 / 已注销或吊销 / 其他 establish no violation
 * by themselves — a refusal counts only if staff flag it as `obstructedInspection`.
 */
const VIOLATION_SAMPLING_RESULTS: ReadonlySet<string> = new Set(['发现问题已责令改正', '发现问题已立案查处']);

/**
 * Whether a record is a labour-security violation "investigated" (被查处) in the sense of §5.
 *
 * Penalties (warning-only ones included: a 警告 is still a penalty decision), dishonest-list
 * listings, major-violation publications and breaches of a 告知承诺 are. `no_penalty` (一案三书)
 * is not: DOMAIN.md (包容审慎监管) says those outcomes "are shown as 'no penalty', never as a
 * penalty", §2 does not publish them as penalties, and the schema stores them with severity
 * `none`, i.e. as non-negative information; counting them towards B or C would take back the
 * leniency the 不予处罚清单 grants.
 */
export function isInvestigatedViolation(record: GradeRecord): boolean {
  switch (record.kind) {
    case 'penalty':
    case 'wage_arrears_list':
    case 'major_violation':
    case 'commitment_breach':
      return true;
    case 'sampling_result':
      return typeof record.detail?.result === 'string' && VIOLATION_SAMPLING_RESULTS.has(record.detail.result);
    case 'no_penalty':
      return false;
  }
}

const flag = (record: GradeRecord, name: string) => record.detail?.[name] === true;

/**
 * The grade for one employer from the records of its assessment period (DOMAIN.md §5).
 *
 * Withdrawn records are ignored: a withdrawal means the decision was changed or revoked (§2) or
 * the record was wrong (§4), so it no longer proves anything. Repaired and expired records still
 * count — repair ends publication, it does not undo that the violation was investigated.
 *
 * "Investigated 3 or more times" counts investigations, not rows: one wage case often yields a
 * penalty, a 名单 listing and a 重大违法 publication, which share `detail.caseNo` when the importer
 * knows it. Without a case number each record is its own investigation.
 */
export function assessGrade(records: readonly GradeRecord[]): GradeAssessment {
  const live = records.filter((r) => r.status !== 'withdrawn');

  const cases = new Set<string>();
  let uncased = 0;
  for (const r of live) {
    if (!isInvestigatedViolation(r)) continue;
    const caseNo = r.detail?.caseNo;
    if (typeof caseNo === 'string' && caseNo.trim() !== '') cases.add(caseNo.trim());
    else uncased++;
  }
  const investigations = cases.size + uncased;

  // The incident flags are checked on every live record, not only on violations: a 不予配合
  // sampling result flagged as obstruction is a C condition although it establishes no violation.
  const conditions: CCondition[] = [];
  if (investigations >= 3) conditions.push('repeated');
  if (live.some((r) => flag(r, 'groupIncident') || flag(r, 'extremeIncident'))) conditions.push('groupIncident');
  if (live.some((r) => flag(r, 'childOrForcedLabour'))) conditions.push('childOrForcedLabour');
  if (live.some((r) => flag(r, 'refusedRectification'))) conditions.push('refusedRectification');
  if (live.some((r) => flag(r, 'obstructedInspection'))) conditions.push('obstructedInspection');
  if (live.some((r) => flag(r, 'criminalLiability'))) conditions.push('criminalLiability');

  if (conditions.length > 0) {
    const reasons = conditions.map((c) =>
      c === 'repeated' ? `评价期内因劳动保障违法行为被查处 ${investigations} 次（三次以上含三次）` : cConditionLabels[c],
    );
    return {
      grade: 'C',
      reason: `C级：${reasons.join('；')}（${GRADE_BASIS}）`,
      reasons,
      conditions,
      investigations,
    };
  }
  if (investigations > 0) {
    const reasons = [`评价期内因劳动保障违法行为被查处 ${investigations} 次，不属于C级所列情形`];
    return { grade: 'B', reason: `B级：${reasons[0]}（${GRADE_BASIS}）`, reasons, conditions, investigations };
  }
  const reasons = [gradeDefinitions.A];
  return { grade: 'A', reason: `A级：${reasons[0]}（${GRADE_BASIS}）`, reasons, conditions, investigations };
}
