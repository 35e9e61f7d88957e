// The published fields of each dataset, in the order and words of the rules, for every CSV download.
import type { CsvColumn } from '../http/csv';
import type { samplingResults } from '../db/schema';
import type { PublicPenalty } from '../db/queries/penalties';
import { districtName } from '../domain/districts';
import type { listPublishedRepairs } from '../db/queries/open-data';
import type { WageArrearsEntry } from '../db/queries/wage-arrears';
import type { MajorViolationEntry } from '../db/queries/major-violations';
import { listingStateLabels } from '../domain/labels';
import { MAJOR_VIOLATION_FIELDS, quarterLabel, type Quarter } from '../domain/major-violations';

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

/** A notice's cell: since when and why the entry is no longer shown in full. */
const noticeCell = (n: { on: string | null; reason: string | null } | null) => (n ? [n.on, n.reason].filter(Boolean).join(' ') : null);

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
  { header: '撤销或修复说明', value: (r) => noticeCell(r.withdrawal) },
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

/** DOMAIN.md §6, 人社部令第45号: a 名单 entry; persons by name and capacity only, never ID numbers. */
export const wageArrearsColumns: CsvColumn<WageArrearsEntry>[] = [
  { header: '单位名称', value: (r) => r.employerName },
  { header: '统一社会信用代码', value: (r) => r.uscc },
  { header: '所属区', value: (r) => r.district },
  { header: '列入名单的人员', value: (r) => r.persons.map((p) => `${p.name}（${p.role}）`).join('、') },
  { header: '列入日期', value: (r) => r.listedOn },
  { header: '列入事由', value: (r) => r.reason },
  { header: '作出决定的部门', value: (r) => r.authority },
  { header: '决定书文号', value: (r) => r.decisionNo },
  { header: '名单期限届满日', value: (r) => r.termEndsOn },
  { header: '状态', value: (r) => listingStateLabels[r.state] },
  { header: '提前移出或撤销说明', value: (r) => noticeCell(r.notice) },
];

/** DOMAIN.md §6, 人社部令第29号 第六条: the published fields, then the publication. */
export const majorViolationColumns: CsvColumn<MajorViolationEntry>[] = [
  { header: '公布季度', value: (r) => quarterLabel({ year: r.year, quarter: r.quarter as Quarter }) },
  { header: '公布机关', value: (r) => r.authority },
  { header: '公布日期', value: (r) => r.publishedOn },
  { header: MAJOR_VIOLATION_FIELDS.subjectName, value: (r) => r.subjectName },
  { header: MAJOR_VIOLATION_FIELDS.uscc, value: (r) => r.uscc },
  { header: MAJOR_VIOLATION_FIELDS.address, value: (r) => r.address },
  { header: MAJOR_VIOLATION_FIELDS.legalRepresentative, value: (r) => r.legalRepresentative },
  { header: MAJOR_VIOLATION_FIELDS.facts, value: (r) => r.facts },
  { header: MAJOR_VIOLATION_FIELDS.handling, value: (r) => r.handling },
  { header: '公示截止期', value: (r) => r.publishUntil },
  { header: '公示状态', value: (r) => penaltyStatusLabels[r.status] },
  { header: '撤销或修复说明', value: (r) => noticeCell(r.notice) },
];
