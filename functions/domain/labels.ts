// The Chinese terms the rules use, one place for the pages, feeds and CSV headers.
import type {
  CaseKind,
  CaseStatus,
  ChangeType,
  ComplaintCategory,
  ComplaintKind,
  ComplaintStatus,
  DeliveryOutcome,
  ObjectionGround,
  OfficerStatus,
  RecordKind,
  RecordStatus,
  Severity,
} from './vocabulary';
import type { ListingState } from './wage-arrears-list';
import { PUBLICATION_PERIODS } from './publication';

export const recordKindLabels: Record<RecordKind, string> = {
  penalty: '行政处罚',
  // Random draws and targeted campaigns alike (each record's title says which).
  sampling_result: '抽查检查结果',
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

/** What each severity means for the employer, in the words of DOMAIN.md §2 (periods from publication.ts). */
export const severityMeanings: Record<Severity, string> = {
  none: '不属于失信信息（如检查未发现问题、不予行政处罚），公开供查询，不影响信用',
  minor: `最长公示 ${PUBLICATION_PERIODS.minor.maximumMonths} 个月；履行法定义务后即可申请信用修复`,
  general: `最长公示 ${PUBLICATION_PERIODS.general.maximumMonths / 12} 年；公示满 ${PUBLICATION_PERIODS.general.minimumMonths} 个月、履行义务后可申请信用修复`,
  serious:
    `最长公示 ${PUBLICATION_PERIODS.serious.maximumMonths / 12} 年；` +
    `公示满 ${PUBLICATION_PERIODS.serious.minimumMonths / 12} 年、履行义务后可申请信用修复（列入失信名单的都属于严重）`,
};

export const recordStatusMeanings: Partial<Record<RecordStatus, string>> = {
  published: '在公示期内，任何人可以查询；期满自动停止公示',
  withdrawn: '原决定已被撤销或变更，只保留撤销公告',
  repaired: '信用修复已通过，终止公示',
};

/** What a change did to the public copy of a record (DOMAIN.md §12). */
export const changeTypeLabels: Record<ChangeType, string> = {
  published: '公示',
  corrected: '更正',
  withdrawn: '撤销',
  repaired: '信用修复（终止公示）',
  expired: '公示期满',
};

export const deliveryOutcomeLabels: Record<DeliveryOutcome, string> = {
  delivered: '已送达',
  failed: '失败，将重试',
  dead: '已放弃',
};

export const recordFlagLabels = {
  objection_pending: '异议处理中',
  repair_pending: '修复中',
  corrected: '已更正',
} as const;

export const recordFlagMeanings: Record<keyof typeof recordFlagLabels, string> = {
  objection_pending: '有人对该记录提出了异议，本局正在核查；核查期间记录照常显示',
  repair_pending: '该单位已申请信用修复，正在办理',
  corrected: '记录经核查已更正，更正说明附在记录中',
};

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

/** The word by which a record's own title already names its kind (列入…名单, 违反告知承诺…, 重点检查结果：…). */
const recordKindStems: Record<RecordKind, readonly string[]> = {
  penalty: ['处罚'],
  sampling_result: ['抽查', '检查'],
  wage_arrears_list: ['名单'],
  major_violation: ['重大劳动保障违法行为'],
  commitment_breach: ['告知承诺'],
  no_penalty: ['不予行政处罚'],
};

/**
 * A record's title with its kind in front, for places that list records of every kind (feeds),
 * unless the title names the kind already: "双随机抽查结果：未发现问题" stays as it is rather than
 * becoming "抽查检查结果：双随机抽查结果：未发现问题".
 */
export function recordHeading(kind: RecordKind, title: string): string {
  return recordKindStems[kind].some((stem) => title.includes(stem)) ? title : `${recordKindLabels[kind]}：${title}`;
}

/** A ratio in basis points as people read it: 2500 → 25%, 125 → 1.25%. */
export function basisPointsAsPercent(bp: number): string {
  return `${(bp / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;
}

/** 行政执法证 standing, as the officer's page and the list say it (domain/officers.ts). */
export const officerStatusLabels: Record<OfficerStatus, string> = {
  valid: '有效',
  suspended: '暂停执法',
  expired: '已失效',
};

/** A 名单 entry as the list shows it (domain/wage-arrears-list.ts). */
export const listingStateLabels: Record<ListingState, string> = {
  listed: '名单期内',
  removed: '已提前移出名单',
  withdrawn: '已撤销',
};
