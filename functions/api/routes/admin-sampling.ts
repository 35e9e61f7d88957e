import { z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { TaskIdParam } from '../schemas/sampling';
import { adminRoute, PUBLISHERS } from './admin-route';
import { getDb } from '../../db/client';
import { commitTaskSeed, createTask, drawTask } from '../../admin/draws';
import { districtCodes } from '../../domain/districts';
import { isIsoDate } from '../../domain/dates';

const date = z.string().refine(isIsoDate, '应为有效日期，格式 YYYY-MM-DD');

const NewTaskSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{2}-\d{4}-[0-9A-Z]{2,10}$/, '任务编号形如 SJ-2026-05'),
    name: z.string().trim().min(4, '请填写任务名称').max(100),
    itemId: z.string().min(1).max(40),
    kind: z.enum(['random', 'targeted']).default('random'),
    authority: z.string().trim().min(4).max(100),
    scope: z.object({
      districts: z.array(z.enum(districtCodes as [string, ...string[]], { message: '应为北京市的区划代码，如 110105' })).max(16),
      industries: z.array(z.string().trim().min(2).max(40)).max(50),
    }),
    // DOMAIN.md §5: ratios by grade in basis points (500 = 5 %).
    ratios: z
      .partialRecord(z.enum(['A', 'B', 'C', 'none']), z.number().int().min(1).max(10_000))
      .refine((r) => Object.keys(r).length > 0, '至少为一个信用等级设置抽查比例'),
    inspectFrom: date,
    inspectTo: date,
  })
  .refine((t) => t.inspectFrom <= t.inspectTo, { message: '检查开始日期不能晚于结束日期', path: ['inspectTo'] })
  .openapi('NewSamplingTask');

const DrawInputSchema = z
  .object({
    beacon: z
      .string()
      .regex(/^(?:[0-9a-fA-F]{2}){16,64}$/, '公共随机数应为 32–128 位十六进制')
      .nullable()
      .optional(),
  })
  .openapi('DrawInput');

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
    const task = await createTask(getDb(c.env.DB), c.var.clock, c.get('staff').actor, c.req.valid('json'));
    return c.json({ id: task.id, status: 'planned' as const }, 201);
  })
  .openapi(commit, async (c) =>
    c.json(await commitTaskSeed(getDb(c.env.DB), c.var.clock, c.get('staff').actor, c.req.valid('param').taskId), 201),
  )
  .openapi(draw, async (c) => {
    const beacon = c.req.header('Content-Type')?.includes('json') ? (c.req.valid('json')?.beacon ?? null) : null;
    const summary = await drawTask(getDb(c.env.DB), c.var.clock, c.env.FILES, c.get('staff').actor, c.req.valid('param').taskId, beacon);
    return c.json(summary as unknown as Record<string, unknown>, 201);
  });
