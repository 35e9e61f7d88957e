import { z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { TaskIdParam } from '../../disclosure/query-input';
import { adminRoute, PUBLISHERS } from '../staff-route';
import { commitTaskSeed, createTask, drawTask } from '../../admin/draws';
import { DrawInputSchema, NewTaskSchema } from '../../admin/task-input';

const create = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/tasks',
  summary: '制定抽查任务（计划）',
  request: { body: { required: true, content: { 'application/json': { schema: NewTaskSchema } } } },
  responses: {
    201: {
      description: 'The planned task',
      content: { 'application/json': { schema: z.object({ id: z.string(), status: z.literal('planned') }) } },
    },
    409: errorResponse('A task with this id exists'),
    422: errorResponse('Validation failed'),
  },
});

const commit = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/tasks/{taskId}/commitment',
  summary: '生成抽取种子并公布承诺值（只能一次）',
  request: { params: TaskIdParam },
  responses: {
    201: {
      description: 'The published commitment',
      content: {
        'application/json': { schema: z.object({ taskId: z.string(), seedCommitment: z.string(), planPublishedOn: z.string() }) },
      },
    },
    404: errorResponse('No such task'),
    409: errorResponse('Already committed or drawn, or not a random task'),
  },
});

const draw = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/tasks/{taskId}/draw',
  summary: '执行抽取（只能一次），可记录公共随机数 beacon',
  request: { params: TaskIdParam, body: { required: false, content: { 'application/json': { schema: DrawInputSchema } } } },
  responses: {
    201: {
      description: 'The draw summary; the full record is public at GET /api/v1/sampling/tasks/{taskId}/draw',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    404: errorResponse('No such task'),
    409: errorResponse('Already drawn, not committed, or too few eligible inspectors'),
    422: errorResponse('Malformed beacon'),
  },
});

export const adminSamplingRoutes = createRouter()
  .openapi(create, async (c) => {
    const task = await createTask(c.var.db, c.var.clock, c.get('staff').actor, c.req.valid('json'));
    return c.json({ id: task.id, status: 'planned' as const }, 201);
  })
  .openapi(commit, async (c) => c.json(await commitTaskSeed(c.var.db, c.var.clock, c.get('staff').actor, c.req.valid('param').taskId), 201))
  .openapi(draw, async (c) => {
    const beacon = c.req.header('Content-Type')?.includes('json') ? (c.req.valid('json')?.beacon ?? null) : null;
    const { taskId } = c.req.valid('param');
    const summary = await drawTask(c.var.db, c.var.clock, c.env.FILES, c.get('staff').actor, taskId, { beacon });
    return c.json(summary as unknown as Record<string, unknown>, 201);
  });
