// The published fields of each dataset, in the order and words of the rules, for every CSV download.
import type { CsvColumn } from '../http/csv';
import type { samplingResults } from '../db/schema';
import type { PublicPenalty } from '../db/queries/penalties';
import { districtName } from '../domain/districts';
import type { listPublishedRepairs } from '../db/queries/open-data';

type ResultRow = Pick<
  typeof samplingResults.$inferSelect,
  | 'taskId'
  | 'enterpriseName'
  | 'uscc'
  | 'address'
  | 'districtCode'
  | 'method'
  | 'inspectedOn'
  | 'result'
  | 'followUp'
  | 'authority'
  | 'publishedOn'
>;

/** DOMAIN.md §7: the fields of a sampling result. */
export const samplingResultColumns: CsvColumn<ResultRow>[] = [
  { header: '任务编号', value: (r) => r.taskId },
  { header: '对象名称', value: (r) => r.enterpriseName },
  { header: '统一社会信用代码', value: (r) => r.uscc },
  { header: '住所', value: (r) => r.address },
  { header: '所属区', value: (r) => districtName(r.districtCode) },
  { header: '检查方式', value: (r) => r.method },
  { header: '检查日期', value: (r) => r.inspectedOn },
  { header: '检查结果', value: (r) => r.result },
  { header: '后续处置', value: (r) => r.followUp },
  { header: '检查实施机关', value: (r) => r.authority },
  { header: '公示日期', value: (r) => r.publishedOn },
];

/** DOMAIN.md §8, 事后公开: the fields of a penalty decision. */
export const penaltyColumns: CsvColumn<PublicPenalty>[] = [
  { header: '决定书文号', value: (r) => r.decisionNo },
  { header: '当事人名称', value: (r) => r.partyName },
  { header: '统一社会信用代码', value: (r) => r.uscc },
  { header: '违法行为类型', value: (r) => r.violationType },
  { header: '主要违法事实', value: (r) => r.facts },
  { header: '处罚依据', value: (r) => r.legalBasis },
  { header: '处罚类别', value: (r) => r.penaltyTypes.join('、') },
  { header: '处罚内容', value: (r) => r.penaltyContent },
  { header: '罚款金额（元）', value: (r) => (r.fineFen === null ? null : (r.fineFen / 100).toFixed(2)) },
  { header: '决定日期', value: (r) => r.decidedAt },
  { header: '处罚机关', value: (r) => r.authority },
  { header: '公示截止期', value: (r) => r.publishUntil },
  // A withdrawn or repaired decision stays listed as a notice while its period would have run.
  { header: '公示状态', value: (r) => penaltyStatusLabels[r.status] },
  { header: '撤销或修复说明', value: (r) => (r.withdrawal ? [r.withdrawal.on, r.withdrawal.reason].filter(Boolean).join(' ') : null) },
];

const penaltyStatusLabels: Record<PublicPenalty['status'], string> = {
  published: '公示中',
  withdrawn: '已撤销',
  repaired: '已修复，终止公示',
};

type RepairRow = Awaited<ReturnType<typeof listPublishedRepairs>>[number];

/** 信用修复结果公示. */
export const repairColumns: CsvColumn<RepairRow>[] = [
  { header: '单位名称', value: (r) => r.enterpriseName },
  { header: '统一社会信用代码', value: (r) => r.uscc },
  { header: '修复的信用记录', value: (r) => r.recordTitle },
  { header: '原决定书文号', value: (r) => r.decisionNo },
  { header: '修复决定日期', value: (r) => r.decidedOn },
  { header: '修复结果', value: () => '准予修复，终止公示' },
];
