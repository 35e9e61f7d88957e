// The published fields of each dataset, in the order and words of the rules, for every CSV download.
import type { CsvColumn } from '../http/csv';
import type { samplingResults } from '../db/schema';
import type { PublicPenalty } from '../db/queries/penalties';
import { districtName } from '../domain/districts';
import type { WageArrearsEntry } from '../db/queries/wage-arrears';
import type { MajorViolationEntry } from '../db/queries/major-violations';
import { MAJOR_VIOLATION_FIELDS, quarterLabel, type Quarter } from '../domain/major-violations';
import type { listPublishedRepairs, SgsPenalty, SnapshotRecord } from '../db/queries/open-data';
import { fenAsWanYuan, SGS_PENALTY_FIELDS, sgsDate, sgsSubjectCategory, sgsSubjectCodes, type SgsPenaltyField } from '../domain/sgs';
import { listingStateLabels, recordKindLabels, recordStatusLabels, severityLabels } from '../domain/labels';

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

/** The bureau as the 双公示 template names it: the wrangler vars BUREAU_NAME and BUREAU_USCC. */
export interface Bureau {
  name: string;
  uscc: string;
}

/**
 * DOMAIN.md §12, the national 双公示 penalty fields in their order and exact names. The bureau's
 * own code stands for 处罚机关统一社会信用代码 (a district bureau's decisions are published and
 * shared by the city bureau, the 数据来源单位 too).
 */
export function sgsPenaltyColumns(bureau: Bureau): CsvColumn<SgsPenalty>[] {
  const value: Record<SgsPenaltyField, CsvColumn<SgsPenalty>['value']> = {
    行政相对人名称: (r) => r.partyName,
    行政相对人类别: (r) => sgsSubjectCategory(r.uscc),
    行政相对人代码_1: (r) => sgsSubjectCodes(r.uscc)[0],
    行政相对人代码_2: (r) => sgsSubjectCodes(r.uscc)[1],
    行政相对人代码_3: () => null,
    行政相对人代码_4: () => null,
    行政相对人代码_5: () => null,
    行政相对人代码_6: () => null,
    法定代表人: (r) => r.legalRepresentative,
    行政处罚决定书文号: (r) => r.decisionNo,
    违法行为类型: (r) => r.violationType,
    违法事实: (r) => r.facts,
    处罚依据: (r) => r.legalBasis,
    处罚类别: (r) => r.penaltyTypes.join('、'),
    处罚内容: (r) => r.penaltyContent,
    '罚款金额（万元）': (r) => (r.fineFen === null ? null : fenAsWanYuan(r.fineFen)),
    // Labour inspection confiscates nothing and suspends no licence: both stay empty.
    '没收违法所得、没收非法财物的金额（万元）': () => null,
    暂扣或吊销证照名称及编号: () => null,
    处罚决定日期: (r) => sgsDate(r.decidedAt),
    // The bureau keeps no separate term of effect: the decision stops counting against the
    // employer's credit when its publication ends (22号, 36号).
    处罚有效期: (r) => sgsDate(r.publishUntil),
    公示截止期: (r) => sgsDate(r.publishUntil),
    处罚机关: (r) => r.authority,
    处罚机关统一社会信用代码: () => bureau.uscc,
    数据来源单位: () => bureau.name,
    数据来源单位统一社会信用代码: () => bureau.uscc,
    备注: (r) => (r.correctionNote ? `已更正：${r.correctionNote}` : null),
  };
  return SGS_PENALTY_FIELDS.map((header) => ({ header, value: value[header] }));
}

/** Every public record, as the change feed's `record` gives it; the cursor says which change it reflects. */
export const snapshotRecordColumns: CsvColumn<SnapshotRecord>[] = [
  { header: '统一社会信用代码', value: (r) => r.uscc },
  { header: '单位名称', value: (r) => r.enterpriseName },
  { header: '记录编号', value: (r) => r.record.id },
  { header: '记录类别', value: (r) => recordKindLabels[r.record.kind] },
  { header: '严重程度', value: (r) => severityLabels[r.record.severity] },
  { header: '记录标题', value: (r) => r.record.title },
  { header: '决定书文号', value: (r) => r.record.decisionNo },
  { header: '决定机关', value: (r) => r.record.authority },
  { header: '决定日期', value: (r) => r.record.decidedAt },
  { header: '公示日期', value: (r) => r.record.publishedAt },
  { header: '公示截止期', value: (r) => r.record.publishUntil },
  { header: '公示状态', value: (r) => recordStatusLabels[r.record.status] },
  { header: '撤销或修复说明', value: (r) => r.record.notice?.reason },
  { header: '已更正', value: (r) => (r.record.flags.includes('corrected') ? '是' : '否') },
  { header: '变更游标', value: (r) => r.cursor },
];
