// Planning a sampling task and drawing it (双随机, DOMAIN.md §5, §7): the task's columns come from
// the table (drizzle-zod), tightened with the limits and messages staff see.
import { z } from '@hono/zod-openapi';
import { createSchemaFactory } from 'drizzle-zod';
import { samplingTasks } from '../db/schema';
import { districtCodes } from '../domain/districts';
import { taskKinds } from '../domain/vocabulary';
import { drawStrata } from '../domain/draw';
import { dateField, lineText } from '../input/fields';
import { cleanLine } from '../domain/text';

const { createInsertSchema } = createSchemaFactory({ zodInstance: z });

export const NewTaskSchema = createInsertSchema(samplingTasks, {
  id: (s) => s.regex(/^[A-Z]{2}-\d{4}-[0-9A-Z]{2,10}$/, '任务编号形如 SJ-2026-05'),
  name: (s) => s.overwrite(cleanLine).trim().min(4, '请填写任务名称').max(100),
  itemId: (s) => s.min(1).max(40),
  kind: () => z.enum(taskKinds).default('random'),
  authority: (s) => s.overwrite(cleanLine).trim().min(4).max(100),
  scope: () =>
    z.object({
      districts: z.array(z.enum(districtCodes as [string, ...string[]], { message: '应为北京市的区划代码，如 110105' })).max(16),
      industries: z.array(lineText().trim().min(2).max(40)).max(50),
    }),
  // DOMAIN.md §5: ratios by grade in basis points (500 = 5 %); §10: `complaint`, the stratum of
  // employers with an accepted complaint, at a ratio of its own.
  ratios: () =>
    z
      .partialRecord(z.enum(drawStrata), z.number().int().min(1).max(10_000))
      .refine((r) => Object.keys(r).length > 0, '至少为一个信用等级设置抽查比例'),
})
  .pick({ id: true, name: true, itemId: true, kind: true, authority: true, scope: true, ratios: true })
  // Nullable in the table (a task may be planned before its dates are known); required when staff plan one.
  .extend({ inspectFrom: dateField('检查开始日期'), inspectTo: dateField('检查结束日期') })
  .refine((t) => t.inspectFrom <= t.inspectTo, { message: '检查开始日期不能晚于结束日期', path: ['inspectTo'] })
  .openapi('NewSamplingTask');

export type NewTask = z.infer<typeof NewTaskSchema>;

export const DrawInputSchema = z
  .object({
    beacon: z
      .string()
      .regex(/^(?:[0-9a-fA-F]{2}){16,64}$/, '公共随机数应为 32–128 位十六进制')
      .nullable()
      .optional(),
  })
  .openapi('DrawInput');
