// The single source of truth for D1. Dates are ISO `YYYY-MM-DD` text (legal dates have no
// time zone), instants are ISO-8601 UTC text, money is integer fen (1/100 元) so sums are exact.
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import {
  attachmentRoles,
  attachmentTypes,
  caseStatuses,
  changeTypes,
  deliveryOutcomes,
  complaintCategories,
  complaintKinds,
  complaintStatuses,
  enterpriseStatuses,
  grades,
  importKinds,
  inspectionMethods,
  objectionGrounds,
  objectionOutcomes,
  officerStatuses,
  openCaseStatuses,
  recordKinds,
  recordStatuses,
  repairOutcomes,
  samplingItemTypes,
  samplingResultCategories,
  severities,
  taskKinds,
  taskStatuses,
  type ChangeType,
} from '../domain/vocabulary';
import { DECISION_NO_IGNORED } from '../domain/decision-number';

/** decisionNoKey (functions/domain/decision-number.ts) in SQL: the same characters removed from the stored number. */
const decisionNoKeySql = (column: string) => DECISION_NO_IGNORED.reduce((expr, c) => `replace(${expr}, '${c}', '')`, column);

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const enterprises = sqliteTable(
  'enterprises',
  {
    // An integer rowid lets the name index (a contentless FTS5 table) point back here.
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 18-character USCC, or a legacy 15-digit 注册号 (DOMAIN.md §1). */
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    /** Positions 3–8 of the code for USCCs; kept separately because legacy numbers differ. */
    districtCode: text('district_code').notNull(),
    industry: text('industry').notNull(),
    address: text('address').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    status: text('status', { enum: enterpriseStatuses }).notNull().default('active'),
    registeredOn: text('registered_on'),
    grade: text('grade', { enum: grades }),
    gradeYear: integer('grade_year'),
    /** The rule of 人社部规〔2016〕1号 that produced the grade, in words. */
    gradeReason: text('grade_reason'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_unique').on(t.uscc),
    // Name prefix search is a range scan on this index.
    index('enterprises_name_idx').on(t.name),
    index('enterprises_district_name_idx').on(t.districtCode, t.name),
  ],
);

export const creditRecords = sqliteTable(
  'credit_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uscc: text('uscc')
      .notNull()
      .references(() => enterprises.uscc),
    kind: text('kind', { enum: recordKinds }).notNull(),
    severity: text('severity', { enum: severities }).notNull(),
    status: text('status', { enum: recordStatuses }).notNull().default('draft'),
    title: text('title').notNull(),
    decisionNo: text('decision_no'),
    /** The decision number without brackets and spaces, for finding a record from the letter (domain/decision-number.ts). */
    decisionNoKey: text('decision_no_key').generatedAlwaysAs(sql.raw(decisionNoKeySql('decision_no')), { mode: 'virtual' }),
    authority: text('authority').notNull(),
    decidedOn: text('decided_on').notNull(),
    publishedOn: text('published_on'),
    /** 公示截止期: the record leaves public view on this date (exclusive end). Null only for non-negative records. */
    publishUntil: text('publish_until'),
    violationType: text('violation_type'),
    facts: text('facts'),
    legalBasis: text('legal_basis'),
    /** JSON array of penalty types (警告, 罚款, 责令改正 …); the longest period of them applies. */
    penaltyTypes: text('penalty_types', { mode: 'json' }).$type<string[]>(),
    penaltyContent: text('penalty_content'),
    fineFen: integer('fine_fen'),
    /** 相关处理情况 of a major-violation entry (人社部令第29号 第六条). */
    handling: text('handling'),
    /** The quarterly publication (violation_publications) a major-violation entry appeared in. */
    publicationId: text('publication_id').references((): AnySQLiteColumn => violationPublications.id),
    /** Kind-specific structured facts (listing persons, result category …), public after masking. */
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    samplingResultId: integer('sampling_result_id'),
    withdrawnOn: text('withdrawn_on'),
    withdrawalReason: text('withdrawal_reason'),
    repairedOn: text('repaired_on'),
    correctionNote: text('correction_note'),
    /** Natural key of an imported row, so that re-importing the same file adds nothing. */
    sourceKey: text('source_key'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('credit_records_uscc_idx').on(t.uscc, t.status, t.publishUntil),
    // Newest-first lists (事后公开) walk this index backwards and stop at the page size; a status
    // column in the middle would force a sort of every matching decision.
    index('credit_records_kind_date_idx').on(t.kind, t.decidedOn, t.id),
    // Covers the capped count of public decisions of a kind without reading the table.
    index('credit_records_kind_status_until_idx').on(t.kind, t.status, t.publishUntil),
    index('credit_records_status_until_idx').on(t.status, t.publishUntil),
    uniqueIndex('credit_records_source_key_unique').on(t.sourceKey),
    index('credit_records_decision_no_key_idx').on(t.decisionNoKey),
    // A quarter's entries in force, by publication. Led by the publication and carrying the columns
    // of the public rule, so that without statistics (D1 keeps none) the planner prefers it to the
    // kind index, and counts each publication's entries from the index alone.
    index('credit_records_publication_idx').on(t.publicationId, t.kind, t.status, t.publishUntil),
  ],
);

/**
 * 重大劳动保障违法行为社会公布 (人社部令第29号, DOMAIN.md §6): one publication per bureau and
 * quarter, held by the unique index under any concurrency. Its entries are the major-violation
 * records that point at it; each leaves the public list at its own 公示截止期.
 */
export const violationPublications = sqliteTable(
  'violation_publications',
  {
    /** 2026Q3-110105: year, quarter and the bureau's code (domain/major-violations.ts). */
    id: text('id').primaryKey(),
    /** 110000 for the municipal bureau, a district's code otherwise (domain/authorities.ts). */
    bureauCode: text('bureau_code').notNull(),
    authority: text('authority').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    publishedOn: text('published_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('violation_publications_bureau_quarter_unique').on(t.bureauCode, t.year, t.quarter),
    index('violation_publications_quarter_idx').on(t.year, t.quarter),
  ],
);

/** violation_entry_counts.publish_until of entries without one: after every date, so `> today` keeps them. */
export const OPEN_END = '9999-12-31';

/**
 * How many entries each publication has, by status and 公示截止期: the browsable quarters and their
 * counts (queries/major-violations.ts, publishedQuarters) add up these few thousand rows instead of
 * counting a quarter's entries in force on every request (221,000 at 1,000,000 employers). Kept by
 * triggers on credit_records (migration 0011), so that every write path (staff, importer, daily
 * job, seed) keeps it exact without knowing of it. It holds no rule: which statuses and dates the
 * public sees is applied when it is read (queries/public-records.ts).
 */
export const violationEntryCounts = sqliteTable(
  'violation_entry_counts',
  {
    publicationId: text('publication_id')
      .notNull()
      .references(() => violationPublications.id),
    status: text('status', { enum: recordStatuses }).notNull(),
    /** The entries' publish_until, or OPEN_END when they have none, so that it can be part of the key. */
    publishUntil: text('publish_until').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.status, t.publishUntil] })],
);

export const samplingItems = sqliteTable('sampling_items', {
  id: text('id').primaryKey(),
  category: text('category').notNull(),
  name: text('name').notNull(),
  target: text('target').notNull(),
  itemType: text('item_type', { enum: samplingItemTypes }).notNull(),
  method: text('method').notNull(),
  ratioAndFrequency: text('ratio_and_frequency').notNull(),
  authorityAndLevel: text('authority_and_level').notNull(),
  basis: text('basis').notNull(),
});

export const samplingTasks = sqliteTable(
  'sampling_tasks',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => samplingItems.id),
    kind: text('kind', { enum: taskKinds }).notNull().default('random'),
    status: text('status', { enum: taskStatuses }).notNull().default('planned'),
    authority: text('authority').notNull(),
    /** { districts: string[], industries: string[] } — empty lists mean "all". */
    scope: text('scope', { mode: 'json' }).notNull().$type<{ districts: string[]; industries: string[] }>(),
    /** Sampling ratio per grade in basis points, e.g. { A: 300, B: 1000, C: 3000, none: 500 }. */
    ratios: text('ratios', { mode: 'json' }).notNull().$type<Record<string, number>>(),
    planPublishedOn: text('plan_published_on'),
    drawnOn: text('drawn_on'),
    inspectFrom: text('inspect_from'),
    inspectTo: text('inspect_to'),
    /** Secret until the draw; never returned by a public route before `drawnOn`. */
    seed: text('seed'),
    seedCommitment: text('seed_commitment'),
    beacon: text('beacon'),
    /** The published draw record (algorithm hmac-sha256-v1), frozen at draw time. */
    draw: text('draw', { mode: 'json' }).$type<Record<string, unknown>>(),
    candidateCount: integer('candidate_count'),
    selectedCount: integer('selected_count'),
    createdAt: createdAt(),
  },
  (t) => [index('sampling_tasks_year_idx').on(t.year, t.id)],
);

export const samplingResults = sqliteTable(
  'sampling_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: text('task_id')
      .notNull()
      .references(() => samplingTasks.id),
    uscc: text('uscc').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    address: text('address').notNull(),
    districtCode: text('district_code').notNull(),
    method: text('method', { enum: inspectionMethods }).notNull(),
    inspectedOn: text('inspected_on').notNull(),
    result: text('result', { enum: samplingResultCategories }).notNull(),
    followUp: text('follow_up'),
    authority: text('authority').notNull(),
    publishedOn: text('published_on'),
  },
  (t) => [
    uniqueIndex('sampling_results_task_uscc_unique').on(t.taskId, t.uscc),
    // Both cover the counts of a task's published results (all, and per category) without reading rows.
    index('sampling_results_task_result_idx').on(t.taskId, t.result, t.publishedOn),
    index('sampling_results_task_published_idx').on(t.taskId, t.publishedOn),
    index('sampling_results_uscc_idx').on(t.uscc),
  ],
);

/**
 * 执法人员 (DOMAIN.md §7, §8): the one list of officers. The officers page, the verification by
 * certificate number and the draw's inspector pool all read it; a published draw names each
 * inspector by `certificate_no`, the public identifier. `id` stays internal (recusals point at it).
 */
export const inspectors = sqliteTable(
  'inspectors',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** 执法证号, shown on the card and used in every published draw. */
    certificateNo: text('certificate_no').notNull().unique(),
    unit: text('unit').notNull(),
    /** 执法类别, e.g. 劳动保障监察、社会保险基金监督. */
    field: text('field').notNull().default('劳动保障监察'),
    /** As staff recorded it; past `valid_until` the certificate reads as expired anyway (domain/officers.ts). */
    status: text('status', { enum: officerStatuses }).notNull().default('valid'),
    /**
     * First and last valid day (both included). Null only for officers entered before the dates were
     * kept: their certificate then stands as staff recorded it.
     */
    validFrom: text('valid_from'),
    validUntil: text('valid_until'),
    /** When the current status took effect, for a suspension or an early end. */
    statusSince: text('status_since'),
    /** Most inspections a year; null = no cap. */
    yearlyCap: integer('yearly_cap'),
    updatedAt: text('updated_at'),
  },
  (t) => [index('inspectors_unit_idx').on(t.unit, t.certificateNo)],
);

/**
 * Who a published draw sent where, per inspector: written in the draw's own batch from the record
 * it publishes and never changed (a draw happens once), so an officer's page lists the tasks they
 * were drawn for without reading every stored record.
 */
export const drawInspectors = sqliteTable(
  'draw_inspectors',
  {
    certificateNo: text('certificate_no')
      .notNull()
      .references(() => inspectors.certificateNo),
    taskId: text('task_id')
      .notNull()
      .references(() => samplingTasks.id),
    /** Employers this inspector was assigned to in the draw. */
    assignments: integer('assignments').notNull(),
  },
  (t) => [primaryKey({ columns: [t.certificateNo, t.taskId] })],
);

/** An inspector is never sent to an employer in their conflict list (recusal, DOMAIN.md §7). */
export const inspectorConflicts = sqliteTable(
  'inspector_conflicts',
  {
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    uscc: text('uscc').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectorId, t.uscc] })],
);

/** SQL for "the case is still open" (vocabulary.openCaseStatuses), for the partial unique indexes. */
const openCase = (status: SQLiteColumn) => sql`${status} IN (${sql.raw(openCaseStatuses.map((s) => `'${s}'`).join(', '))})`;

const caseColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  reference: text('reference').notNull().unique(),
  /** PBKDF2-SHA256 of the access code, `pbkdf2-sha256$iterations$saltHex$hashHex`; the code itself is never stored. */
  accessCodeHash: text('access_code_hash').notNull(),
  uscc: text('uscc').notNull(),
  recordId: integer('record_id')
    .notNull()
    .references(() => creditRecords.id),
  statement: text('statement').notNull(),
  applicantName: text('applicant_name').notNull(),
  applicantPhone: text('applicant_phone').notNull(),
  applicantEmail: text('applicant_email').notNull(),
  status: text('status', { enum: caseStatuses }).notNull().default('received'),
  outcomeReason: text('outcome_reason'),
  acceptBy: text('accept_by').notNull(),
  decideBy: text('decide_by').notNull(),
  /** The deadline counts a day of a year whose holidays are not announced yet: shown as 预计, recomputed by the daily job. */
  acceptByProvisional: integer('accept_by_provisional', { mode: 'boolean' }).notNull().default(false),
  decideByProvisional: integer('decide_by_provisional', { mode: 'boolean' }).notNull().default(false),
  /** Beijing date of acceptance; the decision deadline counts from it. */
  acceptedOn: text('accepted_on'),
  idempotencyKey: text('idempotency_key').unique(),
  /** SHA-256 of what was submitted with the key, so that the same key with another body is refused, not replayed. */
  idempotencyBodyHash: text('idempotency_body_hash'),
  overdue: integer('overdue', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: text('updated_at'),
});

export const objections = sqliteTable(
  'objections',
  {
    ...caseColumns(),
    grounds: text('grounds', { enum: objectionGrounds }).notNull(),
    outcome: text('outcome', { enum: objectionOutcomes }),
  },
  (t) => [
    index('objections_record_status_idx').on(t.recordId, t.status),
    index('objections_status_due_idx').on(t.status, t.decideBy),
    // At most one open objection per record, held by the database under any concurrency.
    uniqueIndex('objections_one_open_per_record').on(t.recordId).where(openCase(t.status)),
  ],
);

export const repairs = sqliteTable(
  'repairs',
  {
    ...caseColumns(),
    outcome: text('outcome', { enum: repairOutcomes }),
    decidedOn: text('decided_on'),
  },
  (t) => [
    index('repairs_record_status_idx').on(t.recordId, t.status),
    // At most one open repair application per record, held by the database under any concurrency.
    uniqueIndex('repairs_one_open_per_record').on(t.recordId).where(openCase(t.status)),
    index('repairs_status_due_idx').on(t.status, t.decideBy),
    index('repairs_outcome_decided_idx').on(t.outcome, t.decidedOn),
  ],
);

/** The timeline a company sees when tracking its case (objections and repairs alike, by reference). */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    at: text('at').notNull(),
    status: text('status', { enum: caseStatuses }).notNull(),
    note: text('note'),
    /** Staff identity for decisions; never shown to the public. */
    actor: text('actor'),
  },
  (t) => [index('case_events_reference_idx').on(t.reference, t.at)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    role: text('role', { enum: attachmentRoles }).notNull(),
    /** R2 key in the FILES bucket; attachments are never served publicly. */
    storageKey: text('storage_key').notNull().unique(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: attachmentTypes }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_reference_idx').on(t.reference)],
);

/**
 * 举报投诉 (DOMAIN.md §10). Nothing here names the person who complained: their identity is in
 * complaint_complainants, which no public query reads (条例 第九条, the reporter's identity is confidential).
 */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    /** PBKDF2-SHA256 of the access code (domain/reference.ts); the code itself is never stored. */
    accessCodeHash: text('access_code_hash').notNull(),
    kind: text('kind', { enum: complaintKinds }).notNull(),
    category: text('category', { enum: complaintCategories }).notNull(),
    /** The employer as the person named it; the code only when given (found with the /credit lookup). */
    employerUscc: text('employer_uscc'),
    employerName: text('employer_name').notNull(),
    employerAddress: text('employer_address'),
    /** 6-digit division of the employer, from its record or its code; null when unknown. */
    districtCode: text('district_code'),
    /** `uscc:…` or `name:…` (domain/complaint-rules.ts employerKey), for joining repeated complaints. */
    employerKey: text('employer_key').notNull(),
    violationFrom: text('violation_from').notNull(),
    violationTo: text('violation_to'),
    facts: text('facts').notNull(),
    request: text('request'),
    status: text('status', { enum: complaintStatuses }).notNull().default('received'),
    /** Beijing date of receipt; the acceptance deadline and the statistics count from it. */
    receivedOn: text('received_on').notNull(),
    acceptBy: text('accept_by').notNull(),
    acceptByProvisional: integer('accept_by_provisional', { mode: 'boolean' }).notNull().default(false),
    /** 立案 date; the 60-working-day investigation runs from it. */
    filedOn: text('filed_on'),
    investigateBy: text('investigate_by'),
    investigateByProvisional: integer('investigate_by_provisional', { mode: 'boolean' }).notNull().default(false),
    extensionReason: text('extension_reason'),
    /** The authority a 转办 sent the case to. */
    transferredTo: text('transferred_to'),
    /** Reason of a refusal or transfer, or the outcome of the investigation, as the complainant reads it. */
    outcome: text('outcome'),
    /** When the case left the bureau's hands (not accepted, transferred or closed). */
    closedOn: text('closed_on'),
    /** The penalty record the investigation led to. */
    penaltyRecordId: integer('penalty_record_id').references(() => creditRecords.id),
    /**
     * The staff member handling the case (the first to view the identity or decide): from then on only
     * they see the complainant's identity.
     */
    handler: text('handler'),
    /** The earlier case a repeated complaint joined. */
    joinedToId: integer('joined_to_id'),
    idempotencyKey: text('idempotency_key').unique(),
    idempotencyBodyHash: text('idempotency_body_hash'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('complaints_status_received_idx').on(t.status, t.receivedOn),
    index('complaints_received_idx').on(t.receivedOn, t.districtCode, t.category),
    index('complaints_employer_idx').on(t.employerKey, t.category, t.receivedOn),
  ],
);

/**
 * Who complained: a table of its own so that no query of complaints can carry it by accident. Read
 * only by the staff console's audited identity view and the daily job that deletes it after retention.
 */
export const complaintComplainants = sqliteTable(
  'complaint_complainants',
  {
    complaintId: integer('complaint_id')
      .primaryKey()
      .references(() => complaints.id),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    /** SHA-256 of the normalised phone number, to recognise the same contact within 30 days. */
    contactHash: text('contact_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('complaint_complainants_contact_idx').on(t.contactHash)],
);

/** The timeline the complainant sees when tracking, and staff see with who acted. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: text('at').notNull(),
    status: text('status', { enum: complaintStatuses }).notNull(),
    note: text('note'),
    /** Staff identity; never shown to the public. */
    actor: text('actor'),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);

/** Hash-chained: each entry stores the previous entry's hash and its own, so an edited row breaks the chain. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('audit_log_target_idx').on(t.target, t.at)],
);

/** One row per committed import file, so that re-importing the same file is recognised. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileSha256: text('file_sha256').notNull().unique(),
  kind: text('kind', { enum: importKinds }).notNull(),
  fileName: text('file_name').notNull(),
  actor: text('actor').notNull(),
  rowCount: integer('row_count').notNull(),
  at: text('at').notNull(),
});

/**
 * Attempts to open a case with a reference and access code, counted per reference and per client
 * in hourly windows, so that guessing codes is refused before any hashing (functions/cases/track-case.ts).
 */
export const trackingAttempts = sqliteTable(
  'tracking_attempts',
  {
    /** `reference:YY-2026-…` or `client:<address or /64>`. */
    key: text('key').notNull(),
    /** Start of the hourly window, ISO-8601 UTC. */
    window: text('window').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.window] })],
);

/**
 * Signed heads of the audit chain (DESIGN.md "Audit checkpoints"): one a day and one every 100
 * entries, public, so that anyone holding an earlier one can tell a truncated or rewritten log.
 */
export const auditCheckpoints = sqliteTable('audit_checkpoints', {
  /** The id of the audit entry whose hash is signed. */
  seq: integer('seq').primaryKey(),
  hash: text('hash').notNull(),
  at: text('at').notNull(),
  /** Compact JWS (EdDSA) over {seq, hash, at}. */
  jws: text('jws').notNull(),
  kid: text('kid').notNull(),
});

/**
 * 专用信用报告 issued (DOMAIN.md §11). The signed report itself (a compact JWS) is an object in
 * FILES at `storageKey`; this row claims the number (the primary key: of two issues that drew the
 * same number, one fails) and says where the report is and what its bytes hash to.
 */
export const creditReports = sqliteTable('credit_reports', {
  reportNo: text('report_no').primaryKey(),
  uscc: text('uscc')
    .notNull()
    .references(() => enterprises.uscc),
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  /** The moment of issue, ISO-8601 UTC, as signed. */
  issuedAt: text('issued_at').notNull(),
  /** The signing key's kid, so that a rotation can tell which reports each key signed. */
  kid: text('kid').notNull(),
  storageKey: text('storage_key').notNull().unique(),
  /** SHA-256 (hex) of the stored JWS: an object swapped or edited in the bucket is refused, not shown. */
  sha256: text('sha256').notNull(),
});

/**
 * The change log other platforms follow (DOMAIN.md §12; GET /api/v1/changes): one row per record
 * whose public copy changed, written in the same batch as the change. `cursor` is the total order:
 * AUTOINCREMENT never hands out a number twice, and D1 runs one write transaction at a time, so a
 * later commit always has a higher cursor. The log is compacted: a record's new change replaces
 * its previous row (unique record_id), so each row is the latest word on its record, and content
 * that has since been corrected, withdrawn or repaired is no longer held or handed out (36号:
 * 停止共享). A row holds the record as the public reads it at that change (masked, rendered by the
 * profile's own code), so a page of the feed is one range read of this table.
 */
export const recordChanges = sqliteTable(
  'record_changes',
  {
    cursor: integer('cursor').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    type: text('type', { enum: changeTypes }).notNull(),
    recordId: integer('record_id')
      .notNull()
      .references(() => creditRecords.id),
    uscc: text('uscc').notNull(),
    kind: text('kind', { enum: recordKinds }).notNull(),
    /** Tombstones: why a copy must drop the record (the withdrawal's reason, the repair, the end of the period). */
    reason: text('reason'),
    /** Content only: the record as a copy holds it (JSON of the API's Record, functions/domain/changes.ts shareableRecord). */
    record: text('record'),
    /** Content only: its 公示截止期, so that the feed stops handing it out that day, before the daily job's tombstone. */
    publishUntil: text('publish_until'),
  },
  (t) => [
    uniqueIndex('record_changes_record_unique').on(t.recordId),
    // The employer's Atom feed and the site's RSS feeds read the newest changes of one employer or kind.
    index('record_changes_uscc_idx').on(t.uscc, t.cursor),
    index('record_changes_kind_idx').on(t.kind, t.cursor),
  ],
);

/** A platform registered by staff to receive every change by webhook (POST /api/v1/admin/subscriptions). */
export const webhookSubscriptions = sqliteTable('webhook_subscriptions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The platform, as staff know it (信用中国（北京）…). */
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** The change types it asked for (vocabulary.changeTypes). */
  events: text('events', { mode: 'json' }).notNull().$type<ChangeType[]>(),
  /**
   * The signing secret, sealed with AES-GCM under the WEBHOOK_SECRET_KEY secret (functions/auth/
   * webhook-secret.ts): HMAC needs the secret itself, so it is kept, but never in the clear and
   * never shown again after registration.
   */
  secretSealed: text('secret_sealed').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** The last change handed to the queue for it; dispatching moves it forward (functions/sync/dispatch.ts). */
  cursor: integer('cursor').notNull().default(0),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: text('updated_at'),
});

/** Every attempt to deliver a change to a platform, for staff to read (/admin/webhooks/{id}). */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id),
    cursor: integer('cursor').notNull(),
    attempt: integer('attempt').notNull(),
    at: text('at').notNull(),
    outcome: text('outcome', { enum: deliveryOutcomes }).notNull(),
    httpStatus: integer('http_status'),
    /** What went wrong, briefly (the receiver's status text, a timeout, a refused connection). */
    detail: text('detail'),
    durationMs: integer('duration_ms'),
  },
  (t) => [index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.id), index('webhook_deliveries_at_idx').on(t.at)],
);
