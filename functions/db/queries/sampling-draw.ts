// The 双随机 draw against D1 (DOMAIN.md §7): planning (secret seed, public commitment), the frozen
// pool, the inspector pool, storing and reading the published record. The algorithm itself is
// functions/domain/draw.ts; this file only gathers its inputs and keeps its output.
import { and, asc, eq, gt, isNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, enterprises, inspectorConflicts, inspectors, samplingResults, samplingTasks } from '../schema';
import {
  DrawError,
  commitSeed,
  generateSeed,
  normalizeBeacon,
  runDraw,
  strataGrades,
  summarizeDraw,
  type DrawInspector,
  type DrawRecord,
  type DrawSummary,
  type InspectionHistory,
  type StratumGrade,
} from '../../domain/draw';

/**
 * Rows per keyset page when freezing the pool: a page of codes is ~150 KB, far inside D1's result
 * limits, and 10⁶ employers take 200 queries, inside the 1,000 queries a Worker invocation may make.
 */
export const POOL_PAGE_SIZE = 5000;

/**
 * D1 keeps a value to 2 MB. A record above this many bytes (≈ 40,000 candidates) goes to R2 and
 * the row keeps a pointer with the summary; the record of a 10⁶ pool is about 25 MB.
 */
export const INLINE_DRAW_LIMIT = 1_000_000;

/** What sampling_tasks.draw holds when the record itself is in R2. */
export interface StoredDrawPointer {
  storage: 'r2';
  key: string;
  bytes: number;
  summary: DrawSummary;
}

export type PublishedDraw =
  | { storage: 'inline'; record: DrawRecord; summary: DrawSummary }
  | { storage: 'r2'; key: string; bytes: number; summary: DrawSummary };

function isPointer(stored: unknown): stored is StoredDrawPointer {
  return typeof stored === 'object' && stored !== null && (stored as { storage?: unknown }).storage === 'r2';
}

async function loadTask(db: Db, taskId: string) {
  const [task] = await db.select().from(samplingTasks).where(eq(samplingTasks.id, taskId));
  if (!task) throw new DrawError('not_found', `没有编号为 ${taskId} 的抽查任务。`);
  if (task.kind !== 'random') throw new DrawError('not_random', `任务 ${taskId} 为重点检查，不随机抽取。`);
  return task;
}

/**
 * Step 1: draws the secret seed and publishes its commitment with the plan. Once only — a second
 * seed after the commitment is public would let anyone holding the database pick a favourable one.
 */
export async function planDraw(db: Db, taskId: string, options: { today: string }) {
  const task = await loadTask(db, taskId);
  if (task.status !== 'planned' || task.draw !== null) throw new DrawError('already_drawn', `任务 ${taskId} 已经抽取。`);
  if (task.seed !== null) throw new DrawError('already_planned', `任务 ${taskId} 已生成种子并公布承诺值，不能重新生成。`);
  const seed = generateSeed();
  const seedCommitment = await commitSeed(seed);
  const planPublishedOn = options.today;
  const updated = await db
    .update(samplingTasks)
    .set({ seed, seedCommitment, planPublishedOn })
    .where(and(eq(samplingTasks.id, taskId), eq(samplingTasks.status, 'planned'), isNull(samplingTasks.seed)))
    .returning({ id: samplingTasks.id });
  if (updated.length === 0) throw new DrawError('already_planned', `任务 ${taskId} 已生成种子并公布承诺值，不能重新生成。`);
  return { taskId, seedCommitment, planPublishedOn };
}

const inJson = (column: SQLWrapper, values: readonly string[]) =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;

/**
 * Step 3's pool: active employers in scope whose grade has a ratio, as sorted code lists per
 * stratum. Keyset pages on the unique uscc index (ORDER BY uscc is ASCII order, so each list
 * arrives sorted); only two short columns cross the wire.
 */
export async function loadDrawPool(db: Db, scope: { districts: string[]; industries: string[] }, grades: readonly StratumGrade[]) {
  const letters = grades.filter((g) => g !== 'none');
  const gradeCondition = or(
    letters.length > 0 ? inJson(enterprises.grade, letters) : undefined,
    grades.includes('none') ? isNull(enterprises.grade) : undefined,
  );
  const pool: Record<StratumGrade, string[]> = { A: [], B: [], C: [], none: [] };
  if (!gradeCondition) return pool;
  let cursor = '';
  for (;;) {
    const rows = await db
      .select({ uscc: enterprises.uscc, grade: enterprises.grade })
      .from(enterprises)
      .where(
        and(
          gt(enterprises.uscc, cursor),
          eq(enterprises.status, 'active'),
          scope.districts.length > 0 ? inJson(enterprises.districtCode, scope.districts) : undefined,
          scope.industries.length > 0 ? inJson(enterprises.industry, scope.industries) : undefined,
          gradeCondition,
        ),
      )
      .orderBy(asc(enterprises.uscc))
      .limit(POOL_PAGE_SIZE);
    for (const row of rows) pool[row.grade ?? 'none'].push(row.uscc);
    if (rows.length < POOL_PAGE_SIZE) return pool;
    cursor = rows[rows.length - 1]!.uscc;
  }
}

/**
 * Inspections already recorded in the task's calendar year (any task, random or targeted), and
 * whether the employer had an administrative penalty (行政处罚) decided the year before — the two
 * facts the yearly cap needs. Withdrawn penalties do not count; repaired or expired ones do.
 */
export async function loadInspectionHistory(db: Db, year: number): Promise<InspectionHistory[]> {
  const out: InspectionHistory[] = [];
  let cursor = '';
  for (;;) {
    const rows = await db.all<{ uscc: string; inspections: number; penalized: number }>(sql`
      SELECT r.uscc AS uscc, count(*) AS inspections,
        -- "+c.kind" keeps SQLite on the per-employer index: without statistics it would otherwise
        -- walk every penalty of the year (kind_date index) once per inspected employer.
        EXISTS (SELECT 1 FROM ${creditRecords} c
                WHERE c.uscc = r.uscc AND +c.kind = 'penalty' AND c.status IN ('published', 'repaired', 'expired')
                  AND c.decided_on BETWEEN ${`${year - 1}-01-01`} AND ${`${year - 1}-12-31`}) AS penalized
      FROM ${samplingResults} r
      WHERE r.inspected_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`} AND r.uscc > ${cursor}
      GROUP BY r.uscc ORDER BY r.uscc LIMIT ${POOL_PAGE_SIZE}`);
    for (const row of rows) out.push({ uscc: row.uscc, inspections: row.inspections, penalizedLastYear: row.penalized === 1 });
    if (rows.length < POOL_PAGE_SIZE) return out;
    cursor = rows[rows.length - 1]!.uscc;
  }
}

/**
 * Step 5's pool: qualified inspectors with their conflicts, caps, and the load they already carry
 * from the year's earlier draws — read from the stored records themselves (inline assignments, or
 * the summary of a record kept in R2), so there is no second count to drift.
 */
export async function loadInspectorPool(db: Db, year: number, exceptTaskId: string): Promise<DrawInspector[]> {
  const [pool, conflicts, loads] = await Promise.all([
    db
      .select({ id: inspectors.id, yearlyCap: inspectors.yearlyCap })
      .from(inspectors)
      .where(eq(inspectors.qualified, true))
      .orderBy(asc(inspectors.id)),
    db
      .select({ inspectorId: inspectorConflicts.inspectorId, uscc: inspectorConflicts.uscc })
      .from(inspectorConflicts)
      .innerJoin(inspectors, eq(inspectors.id, inspectorConflicts.inspectorId))
      .where(eq(inspectors.qualified, true)),
    db.all<{ id: string; load: number }>(sql`
      SELECT id, sum(n) AS load FROM (
        SELECT j.value AS id, 1 AS n
        FROM ${samplingTasks} t, json_each(t.draw, '$.assignments') a, json_each(a.value, '$.inspectorIds') j
        WHERE t.year = ${year} AND t.id != ${exceptTaskId}
        UNION ALL
        SELECT l.key AS id, l.value AS n
        FROM ${samplingTasks} t, json_each(t.draw, '$.summary.inspectorLoad') l
        WHERE t.year = ${year} AND t.id != ${exceptTaskId}
      ) GROUP BY id`),
  ]);
  const byInspector = new Map<string, string[]>();
  for (const c of conflicts) {
    const list = byInspector.get(c.inspectorId);
    if (list) list.push(c.uscc);
    else byInspector.set(c.inspectorId, [c.uscc]);
  }
  const load = new Map(loads.map((l) => [l.id, l.load]));
  return pool.map((i) => ({ id: i.id, conflicts: byInspector.get(i.id) ?? [], yearlyCap: i.yearlyCap, load: load.get(i.id) ?? 0 }));
}

export interface ExecuteDrawOptions {
  /** Public randomness recorded at draw time (e.g. a drand round), hex; null for none. */
  beacon: string | null;
  today: string;
  /** Where records too large for a D1 row go (the FILES binding). */
  files: R2Bucket;
  /** Bytes above which the record goes to R2; tests lower it to exercise that path. */
  inlineLimit?: number;
}

/**
 * Steps 2–6: freezes the pool, runs the draw, stores the record and marks the task drawn. Once
 * only: the final UPDATE is conditional on the task still being undrawn, so of two concurrent
 * draws exactly one is kept. DrawError for everything a caller can get wrong.
 */
export async function executeDraw(db: Db, taskId: string, options: ExecuteDrawOptions): Promise<DrawSummary> {
  const task = await loadTask(db, taskId);
  if (task.status !== 'planned' || task.draw !== null) throw new DrawError('already_drawn', `任务 ${taskId} 已经抽取，抽取只能进行一次。`);
  if (task.seed === null) throw new DrawError('not_planned', `任务 ${taskId} 尚未生成种子并公布承诺值，不能抽取。`);
  const beacon = normalizeBeacon(options.beacon);
  const ratios: Partial<Record<StratumGrade, number>> = {};
  for (const [grade, bp] of Object.entries(task.ratios)) {
    if (!(strataGrades as readonly string[]).includes(grade))
      throw new DrawError('invalid_input', `任务 ${taskId} 的抽查比例含未知等级 ${grade}。`);
    ratios[grade as StratumGrade] = bp;
  }

  const [pool, history, inspectorPool] = await Promise.all([
    loadDrawPool(db, task.scope, Object.keys(ratios) as StratumGrade[]),
    loadInspectionHistory(db, task.year),
    loadInspectorPool(db, task.year, taskId),
  ]);
  const record = await runDraw({ taskId, seed: task.seed, beacon, ratios, pool, history, inspectors: inspectorPool });
  const summary = summarizeDraw(record);

  // Chars never exceed UTF-8 bytes, so a long string is known to be too big without encoding
  // it: at 10⁶ candidates a second 25 MB copy is what would break the Worker's memory limit.
  const json = JSON.stringify(record);
  const limit = options.inlineLimit ?? INLINE_DRAW_LIMIT;
  const bytes = json.length > limit ? null : new TextEncoder().encode(json).byteLength;
  let stored: DrawRecord | StoredDrawPointer = record;
  let key: string | null = null;
  if (bytes === null || bytes > limit) {
    // A fresh name per attempt: a concurrent draw that loses below can never overwrite the winner's object.
    key = `draws/${taskId}/${crypto.randomUUID()}.json`;
    const object = await options.files.put(key, json, { httpMetadata: { contentType: 'application/json; charset=utf-8' } });
    if (!object) throw new Error(`R2 did not store the draw record of ${taskId}`);
    stored = { storage: 'r2', key, bytes: object.size, summary };
  }
  const updated = await db
    .update(samplingTasks)
    .set({
      draw: stored as unknown as Record<string, unknown>,
      beacon,
      drawnOn: options.today,
      candidateCount: summary.candidateCount,
      selectedCount: summary.selectedCount,
      status: 'drawn',
    })
    .where(and(eq(samplingTasks.id, taskId), eq(samplingTasks.status, 'planned'), isNull(samplingTasks.draw)))
    .returning({ id: samplingTasks.id });
  if (updated.length === 0) {
    if (key) await options.files.delete(key);
    throw new DrawError('already_drawn', `任务 ${taskId} 已经抽取，抽取只能进行一次。`);
  }
  return summary;
}

/**
 * The public side of a task's draw: null for an unknown task, `draw: null` until the draw (the
 * seed stays secret until then). Never loads an R2 record: pages show the summary, the API streams.
 */
export async function findPublishedDraw(db: Db, taskId: string) {
  const [task] = await db
    .select({
      id: samplingTasks.id,
      kind: samplingTasks.kind,
      status: samplingTasks.status,
      seedCommitment: samplingTasks.seedCommitment,
      draw: samplingTasks.draw,
    })
    .from(samplingTasks)
    .where(eq(samplingTasks.id, taskId));
  if (!task) return null;
  const { draw: stored, ...rest } = task;
  let draw: PublishedDraw | null = null;
  if (isPointer(stored)) draw = { storage: 'r2', key: stored.key, bytes: stored.bytes, summary: stored.summary };
  else if (stored)
    draw = { storage: 'inline', record: stored as unknown as DrawRecord, summary: summarizeDraw(stored as unknown as DrawRecord) };
  return { ...rest, draw };
}

/**
 * Whom a task's results may be imported for: the employers its draw selected, or anyone for a
 * 重点检查 (targeted) task, which is not random. `unchecked` when the record sits in R2 (pools too
 * large to keep in a D1 row); the import then says so instead of checking row by row.
 */
export async function importableEmployers(db: Db, taskId: string): Promise<'any' | 'unchecked' | Set<string>> {
  const task = await findPublishedDraw(db, taskId);
  if (!task || task.kind === 'targeted') return 'any';
  if (!task.draw) return new Set();
  if (task.draw.storage === 'r2') return 'unchecked';
  return new Set(task.draw.record.strata.flatMap((s) => s.selected));
}
