import { describe, expect, it } from 'vitest';
import { samplingRecordFacts, samplingRecordTitle, samplingResultSeverity } from '../../functions/domain/sampling-record';
import { samplingResultCategories } from '../../functions/domain/vocabulary';

// DOMAIN.md §7: a sampling result is published on the employer's record; §2: only findings are
// negative information. A targeted campaign (重点检查) is never called a random check.
describe('sampling-record — the record a sampling result leaves (DOMAIN.md §2, §7)', () => {
  it('gives every result category a severity, and a clean result none', () => {
    for (const c of samplingResultCategories) expect(samplingResultSeverity[c], c).toBeDefined();
    expect(samplingResultSeverity['未发现问题']).toBe('none');
    expect(samplingResultSeverity['已注销或吊销']).toBe('none');
    expect(samplingResultSeverity['发现问题已立案查处']).toBe('general');
  });

  it('titles a targeted check 重点检查 and a random one 双随机抽查, naming the kind once', () => {
    expect(samplingRecordTitle('targeted', '未发现问题')).toBe('重点检查结果：未发现问题');
    expect(samplingRecordTitle('random', '查无下落')).toBe('双随机抽查结果：查无下落');
  });

  it('states the inspection in a sentence with a Chinese date, never an ISO one', () => {
    const facts = samplingRecordFacts({
      taskKind: 'targeted',
      taskId: 'ZD-2025-02',
      inspectedOn: '2025-06-03',
      authority: '北京市朝阳区人力资源和社会保障局',
      method: '实地检查',
      result: '未发现问题',
    });
    expect(facts).toBe(
      '2025年6月3日，北京市朝阳区人力资源和社会保障局在重点检查任务 ZD-2025-02 中以实地检查方式对该单位进行检查，检查结果：未发现问题。',
    );
    expect(facts).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
