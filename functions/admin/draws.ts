// Staff side of the verifiable draw (双随机, DOMAIN.md §7): plan a task, publish the seed
// commitment, draw once. Each step and its audit entry are one D1 batch, guarded so that a step
// can happen only once even when two staff press the button together. The algorithm is
// functions/domain/draw.ts, the SQL functions/db/queries/sampling-draw.ts.
import { eq } from 'drizzle-orm';
import { commitAudited } from '../audit/append';
import type { Db } from '../db/client';
import { statementOf } from '../db/queries/audit';
import {
  commitSeedStatement,
  findDrawTask,
  INLINE_DRAW_LIMIT,
  loadDrawPool,
  loadInspectionHistory,
  loadInspectorPool,
  storeDrawStatements,
  taskAwaitingDraw,
  taskAwaitingSeed,
  type DrawTaskRow,
  type StoredDrawPointer,
} from '../db/queries/sampling-draw';
import { samplingItems, samplingTasks } from '../db/schema';
import type { Clock } from '../domain/clock';
import {
  commitSeed,
  DrawError,
  generateSeed,
  normalizeBeacon,
  runDraw,
  drawStrata,
  strataGrades,
  summarizeDraw,
  withComplaintStratum,
  type DrawRecord,
  type DrawStratumName,
  type DrawSummary,
} from '../domain/draw';
import { complaintStratumWindow } from '../domain/complaint-rules';
import { employersWithAcceptedComplaints } from '../db/queries/complaints';
import { DomainError, validationFailed } from '../domain/errors';
import type { NewTask } from './task-input';

/** The draw's own refusals, in the kinds of the one error type. */
function asDomainError(error: unknown): unknown {
  if (!(error instanceof DrawError)) return error;
  const kind = error.code === 'not_found' ? 'not_found' : error.code === 'invalid_input' ? 'invalid' : 'conflict';
  return new DomainError(kind, error.code, error.message);
}

const refused = async <T>(work: () => Promise<T>) => {
  try {
    return await work();
  } catch (error) {
    throw asDomainError(error);
  }
};

async function requireRandomTask(db: Db, taskId: string): Promise<DrawTaskRow> {
  const task = await findDrawTask(db, taskId);
  if (!task) throw new DrawError('not_found', `没有编号为 ${taskId} 的抽查任务。`);
  if (task.kind !== 'random') throw new DrawError('not_random', `任务 ${taskId} 为重点检查，不随机抽取。`);
  if (task.status !== 'planned' || task.draw !== null) throw new DrawError('already_drawn', `任务 ${taskId} 已经抽取，抽取只能进行一次。`);
  return task;
}

export async function createTask(db: Db, clock: Clock, actor: string, task: NewTask) {
  return commitAudited(db, clock, actor, async () => {
    const [item] = await db.select({ id: samplingItems.id }).from(samplingItems).where(eq(samplingItems.id, task.itemId));
    if (!item) throw validationFailed([{ path: 'itemId', message: '请从随机抽查事项清单中选择' }], '抽查事项不存在。');
    const [existing] = await db.select({ id: samplingTasks.id }).from(samplingTasks).where(eq(samplingTasks.id, task.id));
    if (existing) throw new DomainError('conflict', 'conflict', `任务编号 ${task.id} 已存在。`);
    const row = { ...task, year: Number(task.inspectFrom.slice(0, 4)), status: 'planned' as const };
    return {
      action: 'sampling.task.create',
      target: `task:${task.id}`,
      before: null,
      after: row,
      guards: [],
      statements: [statementOf(db, db.insert(samplingTasks).values(row))],
      result: row,
    };
  });
}

/**
 * Step 1: draws the secret seed and publishes its commitment with the plan. Once only — a second
 * seed after the commitment is public would let anyone holding the database pick a favourable one.
 */
export function commitTaskSeed(db: Db, clock: Clock, actor: string, taskId: string) {
  return refused(() =>
    commitAudited(db, clock, actor, async () => {
      const task = await requireRandomTask(db, taskId);
      if (task.seed !== null) throw new DrawError('already_planned', `任务 ${taskId} 已生成种子并公布承诺值，不能重新生成。`);
      const seed = generateSeed();
      const seedCommitment = await commitSeed(seed);
      const planPublishedOn = clock.today();
      const planned = { taskId, seedCommitment, planPublishedOn };
      return {
        action: 'sampling.seed.commit',
        target: `task:${taskId}`,
        before: null,
        after: { seedCommitment, planPublishedOn },
        guards: [taskAwaitingSeed(taskId)],
        statements: [commitSeedStatement(db, taskId, { seed, seedCommitment, planPublishedOn })],
        result: planned,
      };
    }),
  );
}

/** The task's ratios as the draw takes them, refusing a stratum the draw does not know. */
function drawRatios(task: DrawTaskRow): Partial<Record<DrawStratumName, number>> {
  const ratios: Partial<Record<DrawStratumName, number>> = {};
  for (const [grade, bp] of Object.entries(task.ratios)) {
    if (!(drawStrata as readonly string[]).includes(grade)) {
      throw new DrawError('invalid_input', `任务 ${task.id} 的抽查比例含未知等级 ${grade}。`);
    }
    ratios[grade as DrawStratumName] = bp;
  }
  return ratios;
}

/**
 * The pool per stratum. With a complaint ratio, employers with an accepted complaint are drawn in
 * their own stratum whatever their grade, so every grade is read and those without a ratio dropped.
 */
async function drawPool(db: Db, task: DrawTaskRow, ratios: Partial<Record<DrawStratumName, number>>, drawnOn: string) {
  const grades = strataGrades.filter((g) => ratios[g] !== undefined);
  if (ratios.complaint === undefined) return loadDrawPool(db, task.scope, grades);
  const [pool, complained] = await Promise.all([
    loadDrawPool(db, task.scope, strataGrades),
    employersWithAcceptedComplaints(db, task.scope, complaintStratumWindow(drawnOn)),
  ]);
  const split = withComplaintStratum(pool, complained);
  for (const grade of strataGrades) if (ratios[grade] === undefined) delete split[grade];
  return split;
}

/**
 * Where the record is kept: inline in the task row, or in R2 with a pointer when it is larger than
 * a D1 value may be. Chars never exceed UTF-8 bytes, so a long string is known to be too big without
 * encoding it: at 10⁶ candidates a second 25 MB copy is what would break the Worker's memory limit.
 */
async function keepRecord(files: R2Bucket, taskId: string, record: DrawRecord, summary: DrawSummary, limit: number) {
  const json = JSON.stringify(record);
  const bytes = json.length > limit ? null : new TextEncoder().encode(json).byteLength;
  if (bytes !== null && bytes <= limit) return { stored: record as DrawRecord | StoredDrawPointer, key: null };
  // A fresh name per attempt: a concurrent draw that loses can never overwrite the winner's object.
  const key = `draws/${taskId}/${crypto.randomUUID()}.json`;
  const object = await files.put(key, json, { httpMetadata: { contentType: 'application/json; charset=utf-8' } });
  if (!object) throw new DomainError('unavailable', 'storage_unavailable', `抽取记录未能保存，任务 ${taskId} 没有抽取，请稍后重试。`);
  return { stored: { storage: 'r2', key, bytes: object.size, summary } as StoredDrawPointer, key };
}

export interface DrawOptions {
  /** Public randomness recorded at draw time (e.g. a drand round), hex; null for none. */
  beacon: string | null;
  /** Bytes above which the record goes to R2; tests lower it to exercise that path. */
  inlineLimit?: number;
}

/**
 * Steps 2–6: freezes the pool, runs the draw, keeps the record and marks the task drawn, in one
 * audited batch guarded on the task still being undrawn: of two concurrent draws exactly one is
 * kept, and a record put in R2 by the other is removed again.
 */
export function drawTask(db: Db, clock: Clock, files: R2Bucket, actor: string, taskId: string, options: DrawOptions) {
  return refused(async () => {
    const task = await requireRandomTask(db, taskId);
    if (task.seed === null) throw new DrawError('not_planned', `任务 ${taskId} 尚未生成种子并公布承诺值，不能抽取。`);
    const beacon = normalizeBeacon(options.beacon);
    const ratios = drawRatios(task);
    const [pool, history, inspectors] = await Promise.all([
      drawPool(db, task, ratios, clock.today()),
      loadInspectionHistory(db, task.year),
      loadInspectorPool(db, task.year, taskId, clock.today()),
    ]);
    const record = await runDraw({ taskId, seed: task.seed, beacon, ratios, pool, history, inspectors });
    const summary = summarizeDraw(record);
    const { stored, key } = await keepRecord(files, taskId, record, summary, options.inlineLimit ?? INLINE_DRAW_LIMIT);
    try {
      return await commitAudited(db, clock, actor, async () => {
        await requireRandomTask(db, taskId);
        return {
          action: 'sampling.draw',
          target: `task:${taskId}`,
          before: null,
          after: summary,
          guards: [taskAwaitingDraw(taskId)],
          statements: storeDrawStatements(db, taskId, { draw: stored, beacon, drawnOn: clock.today(), summary }),
          result: summary,
        };
      });
    } catch (error) {
      if (key) await files.delete(key);
      throw error;
    }
  });
}
