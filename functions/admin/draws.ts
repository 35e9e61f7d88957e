// Staff side of the verifiable draw (issue: 双随机): plan a task, publish the seed commitment,
// draw once. The draw itself lives in functions/db/queries/sampling-draw.ts; this adds the audit.
import { eq } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import type { Db } from '../db/client';
import type { Clock } from '../domain/clock';
import { samplingItems, samplingTasks } from '../db/schema';
import { executeDraw, planDraw } from '../db/queries/sampling-draw';
import { DrawError } from '../domain/draw';
import { commitAudited } from '../audit/append';
import { statementOf } from '../db/queries/audit';

export interface NewTask {
  id: string;
  name: string;
  itemId: string;
  kind: 'random' | 'targeted';
  authority: string;
  scope: { districts: string[]; industries: string[] };
  ratios: Record<string, number>;
  inspectFrom: string;
  inspectTo: string;
}

const conflict = (error: unknown): never => {
  if (error instanceof DrawError) {
    const status = error.code === 'not_found' ? 404 : error.code === 'invalid_input' ? 422 : 409;
    throw new ApiError(status, error.code === 'not_found' ? 'not_found' : error.code, error.message);
  }
  throw error;
};

export async function createTask(db: Db, clock: Clock, actor: string, task: NewTask) {
  return commitAudited(db, clock, actor, async () => {
    const [item] = await db.select({ id: samplingItems.id }).from(samplingItems).where(eq(samplingItems.id, task.itemId));
    if (!item)
      throw new ApiError(422, 'validation_failed', '抽查事项不存在。', [{ path: 'itemId', message: '请从随机抽查事项清单中选择' }]);
    const [existing] = await db.select({ id: samplingTasks.id }).from(samplingTasks).where(eq(samplingTasks.id, task.id));
    if (existing) throw new ApiError(409, 'conflict', `任务编号 ${task.id} 已存在。`);
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
 * The seed is drawn and its commitment published before the draw; both steps can happen once.
 * planDraw and executeDraw guard that with conditional updates of their own, so the audit entry
 * is appended right after the step succeeds (an entry for a step that did not happen is impossible).
 */
export async function commitTaskSeed(db: Db, clock: Clock, actor: string, taskId: string) {
  const planned = await planDraw(db, taskId, { today: clock.today() }).catch(conflict);
  await auditOnly(db, clock, actor, 'sampling.seed.commit', taskId, {
    seedCommitment: planned.seedCommitment,
    planPublishedOn: planned.planPublishedOn,
  });
  return planned;
}

export async function drawTask(db: Db, clock: Clock, files: R2Bucket, actor: string, taskId: string, beacon: string | null) {
  const summary = await executeDraw(db, taskId, { beacon, files, today: clock.today() }).catch(conflict);
  await auditOnly(db, clock, actor, 'sampling.draw', taskId, summary);
  return summary;
}

function auditOnly(db: Db, clock: Clock, actor: string, action: string, taskId: string, after: unknown) {
  return commitAudited(db, clock, actor, async () => ({
    action,
    target: `task:${taskId}`,
    before: null,
    after,
    guards: [],
    statements: [],
    result: undefined,
  }));
}
