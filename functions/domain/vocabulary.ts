// The vocabulary of the rules: every closed list of values the site stores, validates and shows.
// db/schema.ts builds its enum columns from these, the input schemas validate against them, and
// domain/labels.ts gives each value its Chinese name.

export const recordKinds = [
  'penalty',
  'sampling_result',
  'wage_arrears_list',
  'major_violation',
  'commitment_breach',
  'no_penalty',
] as const;
export type RecordKind = (typeof recordKinds)[number];

/** DOMAIN.md §2: minor, general, serious; `none` for records that are not negative (clean inspections, no-penalty outcomes). */
export const severities = ['none', 'minor', 'general', 'serious'] as const;
export type Severity = (typeof severities)[number];

/** draft → published → (withdrawn | repaired | expired). Who sees what is decided in publication.ts (publicView). */
export const recordStatuses = ['draft', 'published', 'withdrawn', 'repaired', 'expired'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

export const grades = ['A', 'B', 'C'] as const;
export type Grade = (typeof grades)[number];

export const enterpriseStatuses = ['active', 'deregistered', 'revoked'] as const;

export const objectionGrounds = [
  'wrong_info',
  'missing_info',
  'duplicate',
  'should_not_publish',
  'overdue',
  'authority_mismatch',
  'secret_or_privacy',
  'other',
] as const;
export type ObjectionGround = (typeof objectionGrounds)[number];

/** 异议申诉 (DOMAIN.md §4) and 信用修复 (§3): the two kinds of case a company files about a record. */
export const caseKinds = ['objection', 'repair'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const caseStatuses = ['received', 'accepted', 'not_accepted', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
/** Waiting for acceptance: the acceptance deadline runs. */
export const acceptStageStatuses = ['received'] as const satisfies readonly CaseStatus[];
/** Accepted and being handled: the decision deadline runs. */
export const decideStageStatuses = ['accepted', 'in_progress'] as const satisfies readonly CaseStatus[];
/** Statuses in which a case is still in the bureau's hands: it flags its record and has a deadline running. */
export const openCaseStatuses = [...acceptStageStatuses, ...decideStageStatuses] as const;
export const objectionOutcomes = ['corrected', 'withdrawn', 'kept'] as const;
export const repairOutcomes = ['approved', 'rejected'] as const;

export const samplingResultCategories = [
  '未发现问题',
  '发现问题已责令改正',
  '发现问题已立案查处',
  '查无下落',
  '不予配合',
  '已注销或吊销',
  '其他',
] as const;
export type SamplingResultCategory = (typeof samplingResultCategories)[number];
export const inspectionMethods = ['实地', '书面', '网络监测'] as const;
export const taskKinds = ['random', 'targeted'] as const;
export type TaskKind = (typeof taskKinds)[number];
export const taskStatuses = ['planned', 'drawn', 'inspecting', 'completed'] as const;

export const samplingItemTypes = ['一般', '重点'] as const;

/** What an uploaded file is for: a repair's commitment and evidence, an objection's attachments. */
export const attachmentRoles = ['commitment', 'evidence', 'attachment'] as const;
export type AttachmentRole = (typeof attachmentRoles)[number];
/** The only file types accepted, by content (domain/attachments.ts). */
export const attachmentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export const importKinds = ['penalties', 'sampling_results'] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * 行政执法证 status as staff record it (DOMAIN.md §7, §8 事中公示). A certificate past its end of
 * validity reads as expired whatever is stored (functions/domain/officers.ts, officerStanding).
 */
export const officerStatuses = ['valid', 'suspended', 'expired'] as const;
export type OfficerStatus = (typeof officerStatuses)[number];

/**
 * What a change did to a record's public copy (DOMAIN.md §12: "After a repair, correction or
 * withdrawal, every copy must change"); functions/domain/changes.ts derives it from publicView.
 */
export const changeTypes = ['published', 'corrected', 'withdrawn', 'repaired', 'expired'] as const;
export type ChangeType = (typeof changeTypes)[number];
/** Changes after which the record's content is no longer shared: a copy must drop it (tombstones). */
export const tombstoneChangeTypes = ['withdrawn', 'repaired', 'expired'] as const satisfies readonly ChangeType[];

/** One attempt to deliver a change to a platform's webhook, as the delivery log records it. */
export const deliveryOutcomes = ['delivered', 'failed', 'dead'] as const;
export type DeliveryOutcome = (typeof deliveryOutcomes)[number];

/** 举报投诉 (DOMAIN.md §10): 投诉 by a worker whose own rights were infringed; 举报 by anyone, anonymous allowed. */
export const complaintKinds = ['complaint', 'report'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

/** The categories of DOMAIN.md §10, in its order. */
export const complaintCategories = [
  'unpaid_wages',
  'no_written_contract',
  'excessive_overtime',
  'no_social_insurance',
  'child_labour',
  'illegal_dispatch',
  'other',
] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

/**
 * received → not_accepted | accepted (立案) | transferred (转办) ; accepted → closed. `joined`: the same
 * contact, employer and category within 30 days, handled as part of the earlier case.
 */
export const complaintStatuses = ['received', 'not_accepted', 'accepted', 'transferred', 'closed', 'joined'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
/** Still in the bureau's hands, with a deadline running. */
export const openComplaintStatuses = ['received', 'accepted'] as const satisfies readonly ComplaintStatus[];
