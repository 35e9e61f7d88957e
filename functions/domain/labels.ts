// The Chinese terms the rules use, one place for the pages, feeds and CSV headers.
import type {
  CaseKind,
  CaseStatus,
  ComplaintCategory,
  ComplaintKind,
  ComplaintStatus,
  ObjectionGround,
  RecordKind,
  RecordStatus,
  Severity,
} from './vocabulary';

export const recordKindLabels: Record<RecordKind, string> = {
  penalty: '行政处罚',
  sampling_result: '双随机抽查结果',
  wage_arrears_list: '拖欠农民工工资失信联合惩戒对象名单',
  major_violation: '重大劳动保障违法行为',
  commitment_breach: '告知承诺失信',
  no_penalty: '不予行政处罚（一案三书）',
};

/** Display order of kinds on a profile: lists and serious matters first. */
export const recordKindOrder: RecordKind[] = [
  'wage_arrears_list',
  'major_violation',
  'penalty',
  'commitment_breach',
  'sampling_result',
  'no_penalty',
];

export const severityLabels: Record<Severity, string> = {
  none: '非失信信息',
  minor: '轻微',
  general: '一般',
  serious: '严重',
};

export const recordStatusLabels: Record<RecordStatus, string> = {
  draft: '草稿',
  published: '公示中',
  withdrawn: '已撤销',
  repaired: '已修复',
  expired: '公示期满',
};

export const recordFlagLabels = {
  objection_pending: '异议处理中',
  repair_pending: '修复中',
  corrected: '已更正',
} as const;

/** DOMAIN.md §4, the closed list of grounds. */
export const objectionGroundLabels: Record<ObjectionGround, string> = {
  wrong_info: '信息错误',
  missing_info: '信息遗漏',
  duplicate: '信息重复',
  should_not_publish: '不应公示',
  overdue: '超期公示',
  authority_mismatch: '与决定机关不一致',
  secret_or_privacy: '侵犯商业秘密或个人隐私',
  other: '其他',
};

/** The two kinds of case a company files about a record. */
export const complaintKindLabels: Record<ComplaintKind, string> = { complaint: '投诉', report: '举报' };

export const complaintCategoryLabels: Record<ComplaintCategory, string> = {
  unpaid_wages: '拖欠工资',
  no_written_contract: '未签订书面劳动合同',
  excessive_overtime: '超时加班',
  no_social_insurance: '未依法参加社会保险',
  child_labour: '使用童工',
  illegal_dispatch: '违法劳务派遣',
  other: '其他',
};

export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  received: '已收到',
  not_accepted: '不予受理',
  accepted: '已受理立案',
  transferred: '已转办',
  closed: '已办结',
  joined: '已合并办理',
};

export const caseKindLabels: Record<CaseKind, string> = { objection: '异议申诉', repair: '信用修复申请' };

export const caseStatusLabels: Record<CaseStatus, string> = {
  received: '已提交',
  accepted: '已受理',
  not_accepted: '不予受理',
  in_progress: '处理中',
  closed: '已办结',
};

export const enterpriseStatusLabels: Record<string, string> = {
  active: '存续',
  deregistered: '注销',
  revoked: '吊销',
};

export const taskKindLabels = { random: '双随机抽查', targeted: '重点检查（非随机）' } as const;

export const taskStatusLabels = {
  planned: '已发布计划',
  drawn: '已抽取',
  inspecting: '检查中',
  completed: '已完成',
} as const;

/** Credit grades as the draw's strata; `none` holds employers not yet assessed. */
export const stratumLabels: Record<string, string> = {
  A: 'A 级',
  B: 'B 级',
  C: 'C 级',
  none: '未评价',
  complaint: '一年内有举报投诉立案',
};

/** Violation types used to classify penalty decisions (违法行为类型), the filter of 事后公开. */
export const violationTypes = [
  '拖欠工资',
  '未签劳动合同',
  '违法延长工时',
  '未缴社会保险',
  '使用童工',
  '违反女职工和未成年工特殊劳动保护规定',
  '妨碍劳动保障监察',
  '其他',
] as const;

/** Shown once beside any deadline marked 预计 (DOMAIN.md §9). */
export const provisionalDeadlineNote =
  '标注“预计”的日期所在年度，国务院尚未公布节假日安排，暂按《全国年节及纪念日放假办法》推算；正式安排公布后将重新计算，如有变化会在办理过程中告知。';

/** The word by which a record's own title already names its kind (列入…名单, 违反告知承诺…, 双随机抽查结果：…). */
const recordKindStems: Record<RecordKind, string> = {
  penalty: '处罚',
  sampling_result: '抽查',
  wage_arrears_list: '名单',
  major_violation: '重大劳动保障违法行为',
  commitment_breach: '告知承诺',
  no_penalty: '不予行政处罚',
};

/**
 * A record's title with its kind in front, for places that list records of every kind (feeds),
 * unless the title names the kind already: "双随机抽查结果：未发现问题" stays as it is rather than
 * becoming "双随机抽查结果：双随机抽查结果：未发现问题".
 */
export function recordHeading(kind: RecordKind, title: string): string {
  return title.includes(recordKindStems[kind]) ? title : `${recordKindLabels[kind]}：${title}`;
}

/** A ratio in basis points as people read it: 2500 → 25%, 125 → 1.25%. */
export function basisPointsAsPercent(bp: number): string {
  return `${(bp / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;
}
