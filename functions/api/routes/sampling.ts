import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { DomainError } from '../../domain/errors';
import { csvResponse, toCsv, wantsCsv } from '../../http/csv';
import { samplingResultColumns } from '../../disclosure/csv-columns';
import { ResultListSchema, SamplingItemSchema, TaskDetailSchema, TaskListSchema } from '../schemas/sampling';
import { ResultListQuery, TaskIdParam, TaskListQuery } from '../../disclosure/query-input';
import type { Db } from '../../db/client';
import { getSamplingTask, listSamplingItems, listSamplingResults, listSamplingTasks } from '../../db/queries/sampling';

const items = createRoute({
  method: 'get',
  path: '/items',
  summary: '随机抽查事项清单',
  responses: {
    200: {
      description: 'Every item of the list',
      content: { 'application/json': { schema: z.object({ items: z.array(SamplingItemSchema), total: z.number().int() }) } },
    },
  },
});

const tasks = createRoute({
  method: 'get',
  path: '/tasks',
  summary: 'Sampling tasks, newest first',
  request: { query: TaskListQuery },
  responses: {
    200: { description: 'One page of tasks', content: { 'application/json': { schema: TaskListSchema } } },
    422: errorResponse('Bad year or paging'),
  },
});

const task = createRoute({
  method: 'get',
  path: '/tasks/{taskId}',
  summary: 'One sampling task with its inspection item',
  request: { params: TaskIdParam },
  responses: {
    200: { description: 'The task', content: { 'application/json': { schema: TaskDetailSchema } } },
    404: errorResponse('No such task'),
    422: errorResponse('Malformed task id'),
  },
});

const results = createRoute({
  method: 'get',
  path: '/tasks/{taskId}/results',
  summary: 'Published results of a task (JSON, or CSV with ?format=csv / Accept: text/csv)',
  request: { params: TaskIdParam, query: ResultListQuery },
  responses: {
    200: {
      description: 'One page of results as JSON, or every matching result as CSV',
      content: { 'application/json': { schema: ResultListSchema }, 'text/csv': { schema: z.string() } },
    },
    404: errorResponse('No such task'),
    422: errorResponse('Bad filter or paging'),
  },
});

async function requireTask(db: Db, taskId: string) {
  const found = await getSamplingTask(db, taskId);
  if (!found) throw new DomainError('not_found', 'not_found', `没有编号为 ${taskId} 的抽查任务。`);
  return found;
}

export const samplingRoutes = createRouter()
  .openapi(items, async (c) => {
    const all = await listSamplingItems(c.var.db);
    return c.json({ items: all, total: all.length }, 200);
  })
  .openapi(tasks, async (c) => c.json(await listSamplingTasks(c.var.db, c.req.valid('query')), 200))
  .openapi(task, async (c) => c.json(await requireTask(c.var.db, c.req.valid('param').taskId), 200))
  .openapi(results, async (c) => {
    const db = c.var.db;
    const { taskId } = c.req.valid('param');
    const { page, pageSize, format, ...filter } = c.req.valid('query');
    await requireTask(db, taskId);
    const today = c.var.clock.today();
    if (wantsCsv(format, c.req.header('Accept'))) {
      const all = await listSamplingResults(db, taskId, filter, null, today);
      return csvResponse(toCsv(samplingResultColumns, all.items), `抽查结果-${taskId}.csv`);
    }
    const found = await listSamplingResults(db, taskId, filter, { page, pageSize }, today);
    return c.json({ items: found.items, total: found.total ?? 0, page, pageSize }, 200);
  });
