import { z } from '@hono/zod-openapi';
import { samplingResultCategories, taskKinds, taskStatuses, inspectionMethods } from '../../domain/vocabulary';
import { resolveDistrict } from '../../domain/districts';
import { PageQuery, pageEnvelope } from './pagination';

export const TaskIdParam = z.object({
  taskId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/, '任务编号只含字母、数字和连字符')
    .openapi({ param: { name: 'taskId', in: 'path' }, example: 'SJ-2026-001' }),
});

export const SamplingItemSchema = z
  .object({
    id: z.string(),
    category: z.string().openapi({ description: '抽查类别' }),
    name: z.string().openapi({ description: '抽查事项' }),
    target: z.string().openapi({ description: '检查对象' }),
    itemType: z.enum(['一般', '重点']).openapi({ description: '事项类别' }),
    method: z.string().openapi({ description: '检查方式' }),
    ratioAndFrequency: z.string().openapi({ description: '抽查比例及频次' }),
    authorityAndLevel: z.string().openapi({ description: '检查主体及层级' }),
    basis: z.string().openapi({ description: '检查依据' }),
  })
  .openapi('SamplingItem');

export const TaskSchema = z
  .object({
    id: z.string().openapi({ description: '任务编号' }),
    name: z.string(),
    year: z.number().int(),
    itemId: z.string(),
    kind: z.enum(taskKinds).openapi({ description: 'random = 双随机；targeted = 重点检查（非随机）' }),
    status: z.enum(taskStatuses),
    authority: z.string(),
    scope: z.object({ districts: z.array(z.string()), industries: z.array(z.string()) }),
    ratios: z.record(z.string(), z.number().int()).openapi({ description: '各信用等级抽查比例（基点，500 = 5%）' }),
    planPublishedOn: z.string().nullable(),
    drawnOn: z.string().nullable(),
    inspectFrom: z.string().nullable(),
    inspectTo: z.string().nullable(),
    seedCommitment: z.string().nullable(),
    candidateCount: z.number().int().nullable(),
    selectedCount: z.number().int().nullable(),
  })
  .openapi('SamplingTask');

export const TaskDetailSchema = TaskSchema.extend({ item: SamplingItemSchema.nullable() }).openapi('SamplingTaskDetail');

export const TaskListQuery = PageQuery.extend({
  year: z
    .string()
    .regex(/^\d{4}$/, 'year 应为四位年份')
    .transform(Number)
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'year', in: 'query' }, type: 'integer', example: 2026 }),
});

export const ResultSchema = z
  .object({
    taskId: z.string(),
    uscc: z.string(),
    enterpriseName: z.string(),
    address: z.string(),
    districtCode: z.string(),
    method: z.enum(inspectionMethods),
    inspectedOn: z.string(),
    result: z.enum(samplingResultCategories),
    followUp: z.string().nullable(),
    authority: z.string(),
    publishedOn: z.string().nullable(),
  })
  .openapi('SamplingResult');

export const ResultListQuery = PageQuery.extend({
  result: z
    .enum(samplingResultCategories, { message: `result 应为：${samplingResultCategories.join('、')}` })
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'result', in: 'query' } }),
  district: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const code = resolveDistrict(v);
      if (!code) ctx.addIssue({ code: 'custom', message: `没有名为“${v}”的区` });
      return code;
    })
    .openapi({ param: { name: 'district', in: 'query' } }),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ param: { name: 'format', in: 'query' } }),
});

export const TaskListSchema = pageEnvelope(TaskSchema).openapi('SamplingTaskList');
export const ResultListSchema = pageEnvelope(ResultSchema).openapi('SamplingResultList');
