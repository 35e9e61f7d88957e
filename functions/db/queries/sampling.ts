// 双随机、一公开 reads (DOMAIN.md §7), shared by /api/v1/sampling/* and the /sampling pages.
import { and, count, desc, eq, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { samplingItems, samplingResults, samplingTasks } from '../schema';

export async function listSamplingItems(db: Db) {
  return db.select().from(samplingItems).orderBy(samplingItems.id);
}

/** Public columns of a task: never the seed before the draw (the draw module publishes it after). */
const publicTaskColumns = {
  id: samplingTasks.id,
  name: samplingTasks.name,
  year: samplingTasks.year,
  itemId: samplingTasks.itemId,
  kind: samplingTasks.kind,
  status: samplingTasks.status,
  authority: samplingTasks.authority,
  scope: samplingTasks.scope,
  ratios: samplingTasks.ratios,
  planPublishedOn: samplingTasks.planPublishedOn,
  drawnOn: samplingTasks.drawnOn,
  inspectFrom: samplingTasks.inspectFrom,
  inspectTo: samplingTasks.inspectTo,
  seedCommitment: samplingTasks.seedCommitment,
  candidateCount: samplingTasks.candidateCount,
  selectedCount: samplingTasks.selectedCount,
};

export type PublicTask = Awaited<ReturnType<typeof getSamplingTask>> & {};

export async function listSamplingTasks(db: Db, query: { year: number | null; page: number; pageSize: number }) {
  const where = query.year ? eq(samplingTasks.year, query.year) : undefined;
  const [items, [total]] = await db.batch([
    db
      .select(publicTaskColumns)
      .from(samplingTasks)
      .where(where)
      .orderBy(desc(samplingTasks.year), desc(samplingTasks.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(samplingTasks).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getSamplingTask(db: Db, taskId: string) {
  const [task] = await db.select(publicTaskColumns).from(samplingTasks).where(eq(samplingTasks.id, taskId));
  if (!task) return null;
  const [item] = await db.select().from(samplingItems).where(eq(samplingItems.id, task.itemId));
  return { ...task, item: item ?? null };
}

export interface ResultFilter {
  result: string | null;
  district: string | null;
}

/** Results are public from their publication date on ("published within 20 working days"). */
function resultConditions(taskId: string, filter: ResultFilter, today: string, ordered = false): SQL | undefined {
  return and(
    eq(samplingResults.taskId, taskId),
    // A page ordered by code walks the (task_id, uscc) index and stops at the page size; "+" keeps
    // SQLite from preferring the (task_id, published_on) index, which would sort the whole task.
    ordered ? sql`+${samplingResults.publishedOn} <= ${today}` : lte(samplingResults.publishedOn, today),
    filter.result ? sql`${samplingResults.result} = ${filter.result}` : undefined,
    filter.district ? eq(samplingResults.districtCode, filter.district) : undefined,
  );
}

const publicResultColumns = {
  taskId: samplingResults.taskId,
  uscc: samplingResults.uscc,
  enterpriseName: samplingResults.enterpriseName,
  address: samplingResults.address,
  districtCode: samplingResults.districtCode,
  method: samplingResults.method,
  inspectedOn: samplingResults.inspectedOn,
  result: samplingResults.result,
  followUp: samplingResults.followUp,
  authority: samplingResults.authority,
  publishedOn: samplingResults.publishedOn,
};

export async function listSamplingResults(
  db: Db,
  taskId: string,
  filter: ResultFilter,
  paging: { page: number; pageSize: number } | null,
  today: string,
) {
  const where = resultConditions(taskId, filter, today);
  const base = db
    .select(publicResultColumns)
    .from(samplingResults)
    .where(resultConditions(taskId, filter, today, true))
    .orderBy(samplingResults.uscc);
  if (!paging) return { items: await base, total: null };
  const [items, [total]] = await db.batch([
    base.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(samplingResults).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Counts per result category of one task's published results, for the task page summary. */
export async function summarizeSamplingResults(db: Db, taskId: string, today: string) {
  return db
    .select({ result: samplingResults.result, n: count() })
    .from(samplingResults)
    .where(resultConditions(taskId, { result: null, district: null }, today))
    .groupBy(samplingResults.result);
}

/**
 * Tasks whose results are public, the most recently published first, with their published counts
 * per result category: the sampling feed. The newest publication date of a task is one seek on
 * (task_id, published_on) per task, and the counts are read from the covering index of the tasks
 * on the page only, so the cost follows the number of tasks, not of results.
 */
export async function listTasksWithPublishedResults(db: Db, today: string, limit: number) {
  const lastPublishedOn = sql<string | null>`(SELECT ${samplingResults.publishedOn} FROM ${samplingResults}
    WHERE ${samplingResults.taskId} = ${samplingTasks.id} AND ${samplingResults.publishedOn} <= ${today}
    ORDER BY ${samplingResults.publishedOn} DESC LIMIT 1)`;
  const tasks = await db
    .select({ ...publicTaskColumns, itemName: samplingItems.name, lastPublishedOn })
    .from(samplingTasks)
    .leftJoin(samplingItems, eq(samplingItems.id, samplingTasks.itemId))
    .where(isNotNull(lastPublishedOn))
    .orderBy(desc(lastPublishedOn), desc(samplingTasks.id))
    .limit(limit);
  if (tasks.length === 0) return [];
  const ids = tasks.map((t) => t.id);
  const counts = await db
    .select({ taskId: samplingResults.taskId, result: samplingResults.result, n: count() })
    .from(samplingResults)
    .where(and(inArray(samplingResults.taskId, ids), lte(samplingResults.publishedOn, today)))
    .groupBy(samplingResults.taskId, samplingResults.result);
  return tasks.map((t) => ({
    ...t,
    lastPublishedOn: t.lastPublishedOn!,
    results: counts.filter((c) => c.taskId === t.id).map(({ result, n }) => ({ result, n })),
  }));
}

/** Every task's id, for the sitemap: tasks are public from their plan on (the list above shows the same). */
export async function allTaskIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: samplingTasks.id }).from(samplingTasks).orderBy(desc(samplingTasks.year), desc(samplingTasks.id));
  return rows.map((r) => r.id);
}
