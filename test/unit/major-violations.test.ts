import { describe, expect, it } from 'vitest';
import {
  MAJOR_VIOLATION_FIELDS,
  belongsToQuarter,
  missingMajorViolationStatements,
  publicationId,
  quarterLabel,
  quarterOf,
  quarterPublicationProblem,
  quarterRange,
} from '../../functions/domain/major-violations';

// DOMAIN.md §6, 重大劳动保障违法行为社会公布 (人社部令第29号): "published fields 违法主体全称,
// 统一社会信用代码（或注册号）, 地址, 法定代表人或负责人姓名, 主要违法事实, 相关处理情况; city and
// district publish at least quarterly."

describe('the fields of 第六条', () => {
  it('are the six the order lists, in its order and words', () => {
    expect(Object.values(MAJOR_VIOLATION_FIELDS)).toEqual([
      '违法主体全称',
      '统一社会信用代码（或注册号）',
      '地址',
      '法定代表人或负责人姓名',
      '主要违法事实',
      '相关处理情况',
    ]);
  });

  it('need 主要违法事实 and 相关处理情况 from the record (the rest comes from the register)', () => {
    expect(missingMajorViolationStatements({ facts: '使用童工 2 名', handling: '罚款 10 万元' })).toEqual([]);
    expect(missingMajorViolationStatements({ facts: '使用童工 2 名', handling: '  ' }).map((m) => m.field)).toEqual(['handling']);
    expect(missingMajorViolationStatements({}).map((m) => m.field)).toEqual(['facts', 'handling']);
    expect(missingMajorViolationStatements({ facts: null, handling: null })[1]!.message).toBe(
      '重大劳动保障违法行为须填写相关处理情况（人社部令第29号第六条）',
    );
  });
});

describe('quarters', () => {
  it('places a date in its quarter, with the quarter’s first and last day', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf('2026-10-01')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterRange({ year: 2026, quarter: 2 })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterRange({ year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterLabel({ year: 2026, quarter: 3 })).toBe('2026年第3季度');
  });

  it('names one publication per bureau and quarter', () => {
    expect(publicationId({ year: 2026, quarter: 3 }, '110105')).toBe('2026Q3-110105');
    expect(publicationId({ year: 2026, quarter: 3 }, '110000')).not.toBe(publicationId({ year: 2026, quarter: 3 }, '110105'));
  });

  it('publishes a quarter once it has ended, not before, and nothing before the order took effect (2017)', () => {
    expect(quarterPublicationProblem({ year: 2026, quarter: 3 }, '2026-09-30')).toContain('尚未结束');
    expect(quarterPublicationProblem({ year: 2026, quarter: 3 }, '2026-09-30')).toContain('2026-10-01');
    expect(quarterPublicationProblem({ year: 2026, quarter: 3 }, '2026-10-01')).toBeNull();
    expect(quarterPublicationProblem({ year: 2016, quarter: 4 }, '2026-10-01')).toContain('2017');
    expect(quarterPublicationProblem({ year: 2026, quarter: 5 as 1 }, '2027-10-01')).toContain('1 至 4');
  });

  it('takes the drafts decided by the quarter’s end, late ones of earlier quarters included', () => {
    const q = { year: 2026, quarter: 3 } as const;
    expect(belongsToQuarter('2026-09-30', q)).toBe(true);
    expect(belongsToQuarter('2026-05-20', q)).toBe(true);
    expect(belongsToQuarter('2026-10-01', q)).toBe(false);
  });
});
