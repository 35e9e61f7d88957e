// The 双随机 draw against D1 (DOMAIN.md §7): the task, the frozen pool, the inspector pool, the
// statements that store the seed commitment and the record, and reading the published record.
// The algorithm is functions/domain/draw.ts; the steps and their audit are functions/admin/draws.ts.
import { and, asc, eq, gt, isNotNull, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';
import { creditRecords, drawInspectors, enterprises, inspectorConflicts, inspectors, samplingResults, samplingTasks } from '../schema';
import { mayInspectOn } from '../../domain/officers';
import { sqlStatement, statementOf, type Statement } from './audit';
import {
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

export async function findDrawTask(db: Db, taskId: string) {
  const [task] = await db.select().from(samplingTasks).where(eq(samplingTasks.id, taskId));
  return task ?? null;
}

export type DrawTaskRow = NonNullable<Awaited<ReturnType<typeof findDrawTask>>>;

/** The task has no seed yet: the commitment is published once. */
export const taskAwaitingSeed = (taskId: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${samplingTasks}
    WHERE ${and(eq(samplingTasks.id, taskId), eq(samplingTasks.status, 'planned'), isNull(samplingTasks.seed))})`;

export function commitSeedStatement(
  db: Db,
  taskId: string,
  set: { seed: string; seedCommitment: string; planPublishedOn: string },
): Statement {
  return statementOf(db, db.update(samplingTasks).set(set).where(eq(samplingTasks.id, taskId)));
}

/** The task has its seed and no draw yet: it is drawn once. */
export const taskAwaitingDraw = (taskId: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${samplingTasks} WHERE ${and(
    eq(samplingTasks.id, taskId),
    eq(samplingTasks.status, 'planned'),
    isNotNull(samplingTasks.seed),
    isNull(samplingTasks.draw),
  )})`;

export interface StoredDraw {
  draw: DrawRecord | StoredDrawPointer;
  beacon: string | null;
  drawnOn: string;
  summary: DrawSummary;
}

/**
 * The draw's record, and who it sends where per inspector (draw_inspectors, from the summary's
 * loads), written together so that an officer's page can never disagree with a published draw.
 */
export function storeDrawStatements(db: Db, taskId: string, d: StoredDraw): Statement[] {
  const loads = JSON.stringify(d.summary.inspectorLoad);
  return [
    storeDrawStatement(db, taskId, d),
    sqlStatement(
      db,
      sql`INSERT INTO ${drawInspectors} (certificate_no, task_id, assignments)
    SELECT key, ${taskId}, value FROM json_each(${loads})`,
    ),
  ];
}

function storeDrawStatement(db: Db, taskId: string, d: StoredDraw): Statement {
  return statementOf(
    db,
    db
      .update(samplingTasks)
      .set({
        draw: d.draw as unknown as Record<string, unknown>,
        beacon: d.beacon,
        drawnOn: d.drawnOn,
        candidateCount: d.summary.candidateCount,
        selectedCount: d.summary.selectedCount,
        status: 'drawn',
      })
      .where(eq(samplingTasks.id, taskId)),
  );
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
 * Step 5's pool: the officers whose certificate is valid on the day of the draw (domain/officers.ts,
 * mayInspectOn), each named by certificate number — the number a published draw shows and anyone
 * can look up — with their conflicts, caps, and the load they already carry from the year's earlier
 * draws, read from the stored records themselves (inline assignments, or the summary of a record
 * kept in R2), so there is no second count to drift.
 */
export async function loadInspectorPool(db: Db, year: number, exceptTaskId: string, day: string): Promise<DrawInspector[]> {
  const [officers, conflicts, loads] = await Promise.all([
    db
      .select({
        id: inspectors.id,
        certificateNo: inspectors.certificateNo,
        status: inspectors.status,
        validFrom: inspectors.validFrom,
        validUntil: inspectors.validUntil,
        statusSince: inspectors.statusSince,
        yearlyCap: inspectors.yearlyCap,
      })
      .from(inspectors)
      .orderBy(asc(inspectors.certificateNo)),
    db.select({ inspectorId: inspectorConflicts.inspectorId, uscc: inspectorConflicts.uscc }).from(inspectorConflicts),
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
  return officers
    .filter((o) => mayInspectOn(o, day))
    .map((o) => ({
      id: o.certificateNo,
      conflicts: byInspector.get(o.id) ?? [],
      yearlyCap: o.yearlyCap,
      load: load.get(o.certificateNo) ?? 0,
    }));
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
