// 双随机、一公开 reads (DOMAIN.md §7), shared by /api/v1/sampling/* and the /sampling pages.
import { and, count, desc, eq, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { prepareOnce } from '../compiled';
import { samplingItems, samplingResults, samplingTasks } from '../schema';

type SamplingResult = typeof samplingResults.$inferSelect.result;

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
 * per result category: the home page and the sampling feed, in one statement (one D1 round trip).
 * The newest publication date of a task is one seek on (task_id, published_on), and its counts are
 * read from the covering index (task_id, result, published_on) for the tasks returned only.
 */
export async function listTasksWithPublishedResults(db: Db, today: string, limit: number) {
  const tasks = await newestPublishedTasks(db, { today, limit });
  return tasks.map(({ publishedCounts, ...t }) => ({
    ...t,
    lastPublishedOn: t.lastPublishedOn!,
    results: JSON.parse(publishedCounts) as { result: SamplingResult; n: number }[],
  }));
}

const newestPublishedTasks = prepareOnce((db) => {
  const today = sql.placeholder('today');
  const lastPublishedOn = sql<string | null>`(SELECT ${samplingResults.publishedOn} FROM ${samplingResults}
    WHERE ${samplingResults.taskId} = ${samplingTasks.id} AND ${samplingResults.publishedOn} <= ${today}
    ORDER BY ${samplingResults.publishedOn} DESC LIMIT 1)`;
  const publishedCounts = sql<string>`(SELECT json_group_array(json_object('result', result, 'n', n)) FROM (
    SELECT ${samplingResults.result} AS result, count(*) AS n FROM ${samplingResults}
    WHERE ${samplingResults.taskId} = ${samplingTasks.id} AND ${samplingResults.publishedOn} <= ${today}
    GROUP BY ${samplingResults.result}))`;
  const newestFirst = [desc(lastPublishedOn), desc(samplingTasks.id)];
  // The tasks are chosen first: a sorted statement computes every column of every row it sorts,
  // and counting the results of every task, the largest with tens of thousands, cost 6 ms a page.
  const chosen = db
    .select({ id: samplingTasks.id })
    .from(samplingTasks)
    .where(isNotNull(lastPublishedOn))
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'));
  return db
    .select({ ...publicTaskColumns, itemName: samplingItems.name, lastPublishedOn, publishedCounts })
    .from(samplingTasks)
    .leftJoin(samplingItems, eq(samplingItems.id, samplingTasks.itemId))
    .where(inArray(samplingTasks.id, chosen))
    .orderBy(...newestFirst);
});

/** Every task's id, for the sitemap: tasks are public from their plan on (the list above shows the same). */
export async function allTaskIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: samplingTasks.id }).from(samplingTasks).orderBy(desc(samplingTasks.year), desc(samplingTasks.id));
  return rows.map((r) => r.id);
}
