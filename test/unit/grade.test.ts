import { describe, it, expect } from 'vitest';
import { assessGrade, cConditionLabels, gradeLabels, isInvestigatedViolation, type GradeRecord } from '../../functions/domain/grade';

// DOMAIN.md §5 — 企业劳动保障守法诚信等级 (人社部规〔2016〕1号): "A: no labour-security violation
// investigated in the period. B: violations investigated but none of the C conditions. C: any of —
// investigated 3 or more times; violations causing group or extreme incidents; child labour or
// forced labour; refusing rectification orders or decisions; obstructing inspection; criminal liability."

const penalty = (detail: Record<string, unknown> = {}): GradeRecord => ({
  kind: 'penalty',
  severity: 'general',
  status: 'published',
  detail,
});
const sampling = (result: string, extra: Record<string, unknown> = {}): GradeRecord => ({
  kind: 'sampling_result',
  severity: result === '未发现问题' ? 'none' : 'minor',
  status: 'published',
  detail: { result, ...extra },
});
const noPenalty: GradeRecord = { kind: 'no_penalty', severity: 'none', status: 'published', detail: { instrument: '不予行政处罚决定书' } };

describe('assessGrade — A (DOMAIN.md §5: "no labour-security violation investigated in the period")', () => {
  it('is A with no records at all', () => {
    const a = assessGrade([]);
    expect(a.grade).toBe('A');
    expect(a.investigations).toBe(0);
    expect(a.reason).toContain('A级');
    expect(a.reason).toContain('人社部规〔2016〕1号');
  });

  it('is A after clean inspections (未发现问题)', () => {
    expect(assessGrade([sampling('未发现问题'), sampling('未发现问题')]).grade).toBe('A');
  });

  it('is A after 一案三书 outcomes: no-penalty decisions are "never shown as a penalty"', () => {
    expect(assessGrade([noPenalty, noPenalty, noPenalty]).grade).toBe('A');
  });

  it('is A when the only violation was withdrawn (decision revoked or record wrong)', () => {
    expect(assessGrade([{ ...penalty(), status: 'withdrawn' }]).grade).toBe('A');
  });

  it.each(['查无下落', '不予配合', '已注销或吊销', '其他'])('does not count the sampling result %s as a violation', (result) => {
    expect(assessGrade([sampling(result)]).grade).toBe('A');
  });
});

describe('assessGrade — B (DOMAIN.md §5: "violations investigated but none of the C conditions")', () => {
  it('is B after one penalty', () => {
    const b = assessGrade([penalty()]);
    expect(b.grade).toBe('B');
    expect(b.investigations).toBe(1);
    expect(b.reason).toContain('B级');
    expect(b.reason).toContain('被查处 1 次');
  });

  it('is B after two investigations', () => {
    expect(assessGrade([penalty(), sampling('发现问题已责令改正')]).grade).toBe('B');
  });

  it.each(['发现问题已责令改正', '发现问题已立案查处'])('counts the sampling result %s as an investigated violation', (result) => {
    expect(assessGrade([sampling(result)]).grade).toBe('B');
  });

  it.each<GradeRecord['kind']>(['wage_arrears_list', 'major_violation', 'commitment_breach'])('counts a %s record', (kind) => {
    expect(assessGrade([{ kind, severity: 'serious', status: 'published', detail: {} }]).grade).toBe('B');
  });

  it('still counts a repaired record: repair ends publication, not the fact of the investigation', () => {
    expect(assessGrade([{ ...penalty(), status: 'repaired' }]).grade).toBe('B');
  });

  it('counts a warning-only penalty, which is still a penalty decision', () => {
    expect(assessGrade([{ kind: 'penalty', severity: 'none', detail: { penaltyTypes: ['警告'] } }]).grade).toBe('B');
  });

  it('ignores C flags that are not literally true', () => {
    expect(assessGrade([penalty({ criminalLiability: 'false', groupIncident: 1 })]).grade).toBe('B');
  });
});

describe('assessGrade — C (DOMAIN.md §5)', () => {
  it('is C when investigated 3 times ("investigated 3 or more times")', () => {
    const c = assessGrade([penalty(), penalty(), sampling('发现问题已立案查处')]);
    expect(c.grade).toBe('C');
    expect(c.conditions).toEqual(['repeated']);
    expect(c.reason).toContain('被查处 3 次');
    expect(c.reason).toContain('三次以上');
  });

  it('does not let no-penalty outcomes make up the three', () => {
    expect(assessGrade([penalty(), penalty(), noPenalty, noPenalty]).grade).toBe('B');
  });

  it('counts records sharing a case number as one investigation', () => {
    const oneCase = [
      penalty({ caseNo: '京朝人社监案〔2026〕7号' }),
      { kind: 'wage_arrears_list', severity: 'serious', detail: { caseNo: '京朝人社监案〔2026〕7号' } },
      { kind: 'major_violation', severity: 'serious', detail: { caseNo: '京朝人社监案〔2026〕7号' } },
    ] satisfies GradeRecord[];
    const b = assessGrade(oneCase);
    expect(b.grade).toBe('B');
    expect(b.investigations).toBe(1);
    expect(assessGrade([...oneCase, penalty({ caseNo: 'other' }), penalty()]).grade).toBe('C');
  });

  it.each([
    ['groupIncident', 'groupIncident', '群体性事件'],
    ['extremeIncident', 'groupIncident', '极端事件'],
    ['childOrForcedLabour', 'childOrForcedLabour', '童工'],
    ['refusedRectification', 'refusedRectification', '拒不履行'],
    ['obstructedInspection', 'obstructedInspection', '阻挠'],
    ['criminalLiability', 'criminalLiability', '刑事责任'],
  ] as const)('is C on a single record flagged %s', (flagName, condition, words) => {
    const c = assessGrade([penalty({ [flagName]: true })]);
    expect(c.grade).toBe('C');
    expect(c.conditions).toEqual([condition]);
    expect(c.reason).toContain(words);
    expect(c.reasons).toEqual([cConditionLabels[condition]]);
  });

  it('is C for obstruction flagged on a 不予配合 sampling result, which is not itself a violation', () => {
    const c = assessGrade([sampling('不予配合', { obstructedInspection: true })]);
    expect(c.grade).toBe('C');
    expect(c.investigations).toBe(0);
  });

  it('names every condition met', () => {
    const c = assessGrade([penalty({ childOrForcedLabour: true }), penalty(), penalty({ criminalLiability: true })]);
    expect(c.conditions).toEqual(['repeated', 'childOrForcedLabour', 'criminalLiability']);
    expect(c.reasons).toHaveLength(3);
  });

  it('ignores flags on withdrawn records', () => {
    expect(assessGrade([{ ...penalty({ criminalLiability: true }), status: 'withdrawn' }]).grade).toBe('A');
  });
});

describe('isInvestigatedViolation (DOMAIN.md §5 with §7 result categories)', () => {
  it('is false for a sampling result without a result category', () => {
    expect(isInvestigatedViolation({ kind: 'sampling_result', severity: 'none', detail: null })).toBe(false);
  });

  it('is false for no_penalty even when its severity is set', () => {
    expect(isInvestigatedViolation({ kind: 'no_penalty', severity: 'minor' })).toBe(false);
  });
});

describe('gradeLabels', () => {
  it('has a public label for each grade that starts with the grade letter', () => {
    expect(Object.keys(gradeLabels).sort()).toEqual(['A', 'B', 'C']);
    for (const [grade, label] of Object.entries(gradeLabels)) expect(label.startsWith(`${grade}级`)).toBe(true);
  });
});
