// The credit record a sampling result leaves on an employer's profile (DOMAIN.md §7), the same
// whether the demo seeder, the importer or staff write it: its severity, its title and its facts.
import { formatChineseDate } from './dates';
import type { SamplingResultCategory, Severity, TaskKind } from './vocabulary';

/**
 * DOMAIN.md §2 periods for sampling outcomes: a clean inspection, a closed business or "other" is
 * not negative information; a problem put right, or an employer that cannot be found, is minor;
 * a problem that led to a case, or a refusal to cooperate, is general.
 */
export const samplingResultSeverity: Record<SamplingResultCategory, Severity> = {
  未发现问题: 'none',
  发现问题已责令改正: 'minor',
  发现问题已立案查处: 'general',
  查无下落: 'minor',
  不予配合: 'general',
  已注销或吊销: 'none',
  其他: 'none',
};

/** 双随机抽查 or 重点检查 (DOMAIN.md: targeted campaigns are labelled as 重点检查, never as random). */
export const inspectionKindLabels: Record<TaskKind, string> = { random: '双随机抽查', targeted: '重点检查' };

export function samplingRecordTitle(taskKind: TaskKind, result: SamplingResultCategory): string {
  return `${inspectionKindLabels[taskKind]}结果：${result}`;
}

export function samplingRecordFacts(r: {
  taskKind: TaskKind;
  taskId: string;
  inspectedOn: string;
  authority: string;
  method: string;
  result: SamplingResultCategory;
}): string {
  const task = `${inspectionKindLabels[r.taskKind]}任务 ${r.taskId}`;
  return `${formatChineseDate(r.inspectedOn)}，${r.authority}在${task} 中以${r.method}方式对该单位进行检查，检查结果：${r.result}。`;
}
