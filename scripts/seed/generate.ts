// Deterministic demo data for every table the site reads: the same options give byte-identical
// rows. Pure — no I/O and no node:* imports — so it runs in Node (scripts/seed/cli.ts) and in
// workerd (integration tests) alike. Rows come in batches from generators, so a million
// enterprises and their three million records stream through in bounded memory.
//
// Ids are explicit: enterprises are 1..N; records and sampling results are numbered in
// enterprise order, so every cross-reference is known without a database. Enterprises 1–30 are
// scripted showcases (scripts/seed/showcase.ts); `dataset.demo` lists them and the other
// identifiers worth knowing (wrong-check and legacy codes, the demo cases and their access code).
//
// Random (双随机) tasks are the exception: who is inspected is decided by the draw algorithm
// (functions/domain/draw.ts), which is asynchronous and runs against the written data. The
// generator leaves them planned with their seed; scripts/seed/draws.ts draws them and asks
// `inspectDrawn` for the inspections of the employers drawn, numbered on after the last record.
import type { enterprises } from '../../functions/db/schema.ts';
import { assessGrade } from '../../functions/domain/grade.ts';
import { isIsoDate } from '../../functions/domain/dates.ts';
import { nameIndexRow } from '../../functions/domain/name-search.ts';
import type { WorkingDayCalendar } from '../../functions/domain/working-days.ts';
import { createRng } from './prng.ts';
import { yearOf } from './days.ts';
import { MAX_ENTERPRISES, createEnterpriseDescriber, isLegacyId, isWrongCheckId, type EnterpriseDraft } from './enterprise-identity.ts';
import {
  drawsFor,
  inspect,
  planTasks,
  samplingItemRows,
  taskRow,
  type SamplingItemRow,
  type SamplingResultRow,
  type SamplingTaskRow,
  type TaskDraw,
  type TaskPlan,
} from './sampling.ts';
import {
  createDocumentNumbers,
  samplingCaseNo,
  samplingFollowUp,
  samplingRecord,
  type CreditRecordRow,
  type DemoRole,
  type DocumentNumbers,
  type RecordContext,
  type RecordDraft,
  workingDayNear,
} from './records.ts';
import { periodOf, randomProfile } from './random-profile.ts';
import { SHOWCASES, SHOWCASE_BY_ID, showcaseContext } from './showcase.ts';
import { DEMO_ACCESS_CODE, caseRows, planCaseTimelines, type CaseEventRow, type ObjectionRow, type RepairRow } from './cases.ts';
import { complaintRows, type ComplainantRow, type ComplaintEventRow, type ComplaintRow } from './complaints.ts';
import { conflictRows, inspectorRows, type InspectorConflictRow, type InspectorRow } from './inspectors.ts';
import { publicationRows, type ViolationPublicationRow } from './publications.ts';

export type EnterpriseRow = typeof enterprises.$inferInsert;
export type NameIndexRow = ReturnType<typeof nameIndexRow>;
export type {
  CaseEventRow,
  CreditRecordRow,
  InspectorConflictRow,
  InspectorRow,
  ObjectionRow,
  RepairRow,
  SamplingItemRow,
  SamplingResultRow,
  SamplingTaskRow,
  TaskPlan,
};

export interface SeedOptions {
  /** Any safe integer; the same seed gives the same rows. */
  seed: number;
  /** How many enterprises, at least the 30 showcases and at most MAX_ENTERPRISES (about 2.2 million). */
  enterprises: number;
  /** The "as of" date (YYYY-MM-DD): publication periods, task progress and cases are relative to it. */
  today: string;
  /** Working days for case deadlines (DOMAIN.md §9): the site's defaultCalendar, or one a test builds. */
  calendar: WorkingDayCalendar;
}

/** The rows of one run of consecutive enterprises, in an order that satisfies the foreign keys. */
export interface EnterpriseBatch {
  enterprises: EnterpriseRow[];
  /** For the FTS5 table enterprise_name_index (migration 0001): rowid = enterprises.id. */
  nameIndex: NameIndexRow[];
  samplingResults: SamplingResultRow[];
  creditRecords: CreditRecordRow[];
}

/** The inspections of the employers one random draw selected, and the records that publish them. */
export interface DrawnInspections {
  samplingResults: SamplingResultRow[];
  creditRecords: CreditRecordRow[];
}

export interface DemoEnterprise {
  id: number;
  uscc: string;
  name: string;
  grade: EnterpriseRow['grade'];
  scenario: string;
}

export interface DemoCase {
  reference: string;
  recordId: number;
  uscc: string;
}

export interface DemoIdentifiers {
  /** Tracks every demo case together with its reference. */
  accessCode: string;
  showcases: DemoEnterprise[];
  /** Codes whose 18th character fails the GB 32100 check (ids 15, 100015 …): found with a warning. */
  wrongCheckCodes: string[];
  /** 15-digit 注册号 (ids 7, 1007 …): looked up exactly. */
  legacyCodes: string[];
  cases: Record<DemoRole, DemoCase>;
  /** A closed, named 投诉 to track (outcome shown) with the same access code. */
  complaint: string;
}

export interface SeedDataset {
  readonly options: SeedOptions;
  /** The assessment year of the stored grades: the year before `today`. */
  readonly gradeYear: number;
  readonly demo: DemoIdentifiers;
  /** Every sampling task with its intended status; random ones are written planned (see the top). */
  readonly tasks: readonly TaskPlan[];
  samplingItems(): Generator<SamplingItemRow[]>;
  /** 重点检查 counts need a pass over all enterprises, so the first batch takes a moment at scale. */
  samplingTasks(): Generator<SamplingTaskRow[]>;
  /** Everything per enterprise in one pass: the efficient way to load a database. */
  enterpriseBatches(size?: number): Generator<EnterpriseBatch>;
  enterprises(): Generator<EnterpriseRow[]>;
  nameIndex(): Generator<NameIndexRow[]>;
  samplingResults(): Generator<SamplingResultRow[]>;
  creditRecords(): Generator<CreditRecordRow[]>;
  inspectors(): Generator<InspectorRow[]>;
  inspectorConflicts(): Generator<InspectorConflictRow[]>;
  /** Every bureau's quarterly 29号令 publication; the major_violation records point at them. */
  violationPublications(): Generator<ViolationPublicationRow[]>;
  objections(): Generator<ObjectionRow[]>;
  repairs(): Generator<RepairRow[]>;
  caseEvents(): Generator<CaseEventRow[]>;
  complaints(): Generator<ComplaintRow[]>;
  complainants(): Generator<ComplainantRow[]>;
  complaintEvents(): Generator<ComplaintEventRow[]>;
  /**
   * What inspecting the employers (by id) that a random task's draw selected found, numbered on
   * from where the last full run of enterpriseBatches() stopped. Call once per task, in the order
   * of the draws, after that run: ids and document numbers continue from call to call.
   */
  inspectDrawn(taskId: string, enterpriseIds: readonly number[]): DrawnInspections;
}

const STREAM_RECORDS = 301;
const STREAM_DRAWN_RECORDS = 302;
const DEFAULT_BATCH = 2_500;
/** Showcases that some inspectors must recuse themselves from. */
const CONFLICTED_SHOWCASES = [1, 2, 3, 13, 16];

interface BuiltEnterprise {
  draft: EnterpriseDraft;
  row: EnterpriseRow;
  records: RecordDraft[];
}

/** Where numbering stands after the last enterprise: the next ids and the document number series. */
interface Numbering {
  numbers: DocumentNumbers;
  recordId: number;
  resultId: number;
}

function validate(options: SeedOptions): void {
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (!Number.isInteger(options.enterprises) || options.enterprises < SHOWCASES.length || options.enterprises > MAX_ENTERPRISES) {
    throw new RangeError(`enterprises must be an integer from ${SHOWCASES.length} to ${MAX_ENTERPRISES}, got ${options.enterprises}`);
  }
  if (!isIsoDate(options.today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${options.today}`);
}

function* once<T>(rows: T[]): Generator<T[]> {
  yield rows;
}

export function generateDataset(options: SeedOptions): SeedDataset {
  validate(options);
  const { seed, today, enterprises: count } = options;
  const period = periodOf(today);
  const { gradeYear } = period;
  const tasks = planTasks(today, count);
  const timelines = planCaseTimelines(options.calendar, today);
  const workingDay = workingDayNear(options.calendar, today);
  const describe = createEnterpriseDescriber({ seed, today, gradeYear, override: (id) => SHOWCASE_BY_ID.get(id)?.identity });

  /** One inspection, once it took place: the result's record and, for a finding 已立案查处, the penalty that follows. */
  function inspection(ctx: RecordContext, draw: TaskDraw): RecordDraft[] {
    const result = inspect(seed, today, draw, ctx.enterprise);
    if (!result) return [];
    const caseNo = samplingCaseNo(ctx, result);
    return [samplingRecord(ctx, result, caseNo, draw.task.kind), ...(caseNo ? samplingFollowUp(ctx, result, caseNo) : [])];
  }

  /** 重点检查 results first (their records link to them), then the scripted or random profile; graded from the assessment year. */
  function build(id: number, numbers: DocumentNumbers): BuiltEnterprise {
    const draft = describe(id);
    const showcase = SHOWCASE_BY_ID.get(id);
    const ctx: RecordContext = { today, enterprise: draft, rng: createRng(seed, STREAM_RECORDS, id), numbers, workingDay };
    const records = drawsFor(seed, tasks, draft, showcase?.sampling).drawnIn.flatMap((draw) => inspection(ctx, draw));
    records.push(
      ...(showcase ? showcase.records(showcaseContext(ctx, gradeYear, timelines.repairApproved.decidedOn!)) : randomProfile(ctx, period)),
    );
    records.sort((a, b) => (a.row.decidedOn < b.row.decidedOn ? -1 : a.row.decidedOn > b.row.decidedOn ? 1 : 0));

    const assessed =
      draft.cls === 'none' ? null : assessGrade(records.filter((r) => yearOf(r.row.decidedOn) === gradeYear).map((r) => r.row));
    return {
      draft,
      records,
      row: {
        id,
        uscc: draft.uscc,
        name: draft.name,
        districtCode: draft.districtCode,
        industry: draft.industry,
        address: draft.address,
        legalRepresentative: draft.legalRepresentative,
        status: draft.status,
        registeredOn: draft.registeredOn,
        grade: assessed?.grade ?? null,
        gradeYear: assessed ? gradeYear : null,
        gradeReason: assessed?.reason ?? null,
      },
    };
  }

  /** Set by each run of numbered() that reaches its end; inspectDrawn numbers on from it. */
  let afterLast: Numbering | null = null;

  function assignIds(records: readonly RecordDraft[], at: Numbering): void {
    for (const record of records) {
      if (record.result) record.row.samplingResultId = record.result.id = at.resultId++;
      record.row.id = at.recordId++;
    }
  }

  /** Enterprises 1..N with their records and results numbered; always from the start, so numbers never drift. */
  function* numbered(): Generator<BuiltEnterprise> {
    afterLast = null;
    const at: Numbering = { numbers: createDocumentNumbers(), recordId: 1, resultId: 1 };
    for (let id = 1; id <= count; id++) {
      const built = build(id, at.numbers);
      assignIds(built.records, at);
      yield built;
    }
    afterLast = at;
  }

  function inspectDrawn(taskId: string, enterpriseIds: readonly number[]): DrawnInspections {
    const task = tasks.find((t) => t.id === taskId && t.kind === 'random');
    if (!task) throw new Error(`${taskId} is not a random task of this plan`);
    if (!afterLast) throw new Error('inspectDrawn numbers on from the enterprises: run enterpriseBatches() to its end first');
    const out: DrawnInspections = { samplingResults: [], creditRecords: [] };
    for (const id of [...enterpriseIds].sort((a, b) => a - b)) {
      const ctx: RecordContext = {
        today,
        enterprise: describe(id),
        rng: createRng(seed, STREAM_DRAWN_RECORDS, task.index, id),
        numbers: afterLast.numbers,
        workingDay,
      };
      // A showcase's story is scripted whoever draws it: its random inspections find nothing, so its grade stands.
      const records = inspection(ctx, SHOWCASE_BY_ID.has(id) ? { task, forced: '未发现问题' } : { task });
      assignIds(records, afterLast);
      for (const record of records) {
        if (record.result) out.samplingResults.push(record.result);
        out.creditRecords.push(record.row);
      }
    }
    return out;
  }

  function* enterpriseBatches(size = DEFAULT_BATCH): Generator<EnterpriseBatch> {
    let batch: EnterpriseBatch = { enterprises: [], nameIndex: [], samplingResults: [], creditRecords: [] };
    for (const { row, records } of numbered()) {
      batch.enterprises.push(row);
      batch.nameIndex.push(nameIndexRow({ id: row.id!, name: row.name, districtCode: row.districtCode }));
      for (const record of records) {
        if (record.result) batch.samplingResults.push(record.result);
        batch.creditRecords.push(record.row);
      }
      if (batch.enterprises.length === size) {
        yield batch;
        batch = { enterprises: [], nameIndex: [], samplingResults: [], creditRecords: [] };
      }
    }
    if (batch.enterprises.length > 0) yield batch;
  }

  function* part<K extends keyof EnterpriseBatch>(key: K): Generator<EnterpriseBatch[K]> {
    for (const batch of enterpriseBatches()) yield batch[key];
  }

  /** Candidates and chosen employers per 重点检查, from the same per-employer choice the results use. */
  function* samplingTasks(): Generator<SamplingTaskRow[]> {
    const counts = new Map(tasks.map((t) => [t.id, { candidates: 0, selected: 0 }]));
    for (let id = 1; id <= count; id++) {
      const { candidateOf, drawnIn } = drawsFor(seed, tasks, describe(id), SHOWCASE_BY_ID.get(id)?.sampling);
      for (const t of candidateOf) counts.get(t.id)!.candidates++;
      for (const d of drawnIn) counts.get(d.task.id)!.selected++;
    }
    yield tasks.map((t) => taskRow(seed, t, counts.get(t.id)!));
  }

  const showcaseBuilds: BuiltEnterprise[] = [];
  for (const built of numbered()) {
    if (built.row.id! > SHOWCASES.length) break;
    showcaseBuilds.push(built);
  }
  const roleRecord = (role: DemoRole) => {
    const row = showcaseBuilds.flatMap((b) => b.records).find((r) => r.role === role)!.row;
    return { recordId: row.id!, uscc: row.uscc };
  };
  const cases = caseRows(seed, today, timelines, {
    objection: roleRecord('objection'),
    repairInProgress: roleRecord('repairInProgress'),
    repairApproved: roleRecord('repairApproved'),
  });
  const complaintSet = complaintRows(
    seed,
    today,
    options.calendar,
    showcaseBuilds.map(({ row }) => ({ uscc: row.uscc, name: row.name, address: row.address, districtCode: row.districtCode })),
  );
  const pool = inspectorRows(today);
  const idsWhere = (test: (id: number) => boolean) => Array.from({ length: count }, (_, k) => k + 1).filter(test);
  const caseOf = (role: DemoRole, rows: readonly (ObjectionRow | RepairRow)[]): DemoCase => {
    const { recordId, uscc } = roleRecord(role);
    return { reference: rows.find((r) => r.recordId === recordId)!.reference, recordId, uscc };
  };

  const demo: DemoIdentifiers = {
    accessCode: DEMO_ACCESS_CODE,
    showcases: showcaseBuilds.map(({ row }) => ({
      id: row.id!,
      uscc: row.uscc,
      name: row.name,
      grade: row.grade,
      scenario: SHOWCASE_BY_ID.get(row.id!)!.scenario,
    })),
    wrongCheckCodes: idsWhere(isWrongCheckId).map((id) => describe(id).uscc),
    legacyCodes: idsWhere(isLegacyId).map((id) => describe(id).uscc),
    cases: {
      objection: caseOf('objection', cases.objections),
      repairInProgress: caseOf('repairInProgress', cases.repairs),
      repairApproved: caseOf('repairApproved', cases.repairs),
    },
    complaint: complaintSet.demoReference,
  };

  return {
    options,
    gradeYear,
    demo,
    tasks,
    samplingItems: () => once([...samplingItemRows]),
    samplingTasks,
    enterpriseBatches,
    enterprises: () => part('enterprises'),
    nameIndex: () => part('nameIndex'),
    samplingResults: () => part('samplingResults'),
    creditRecords: () => part('creditRecords'),
    inspectors: () => once(pool),
    inspectorConflicts: () =>
      once(
        conflictRows(
          pool,
          CONFLICTED_SHOWCASES.map((id) => showcaseBuilds[id - 1]!.row.uscc),
        ),
      ),
    violationPublications: () => once(publicationRows(today)),
    objections: () => once(cases.objections),
    repairs: () => once(cases.repairs),
    caseEvents: () => once(cases.caseEvents),
    complaints: () => once(complaintSet.complaints),
    complainants: () => once(complaintSet.complainants),
    complaintEvents: () => once(complaintSet.events),
    inspectDrawn,
  };
}
