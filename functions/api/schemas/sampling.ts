import { z } from '@hono/zod-openapi';
import { samplingResultCategories, taskKinds, taskStatuses, inspectionMethods } from '../../domain/vocabulary';
import { pageEnvelope } from './page';

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

export const TaskListSchema = pageEnvelope(TaskSchema).openapi('SamplingTaskList');
export const ResultListSchema = pageEnvelope(ResultSchema).openapi('SamplingResultList');
