// What staff send to publish a quarter's 重大劳动保障违法行为 (functions/admin/violation-publications.ts).
import { z } from '@hono/zod-openapi';
import { bureaus } from '../domain/authorities';

const bureauCodes = bureaus.map((b) => b.code) as [string, ...string[]];

export const QuarterPublicationInputSchema = z
  .object({
    bureauCode: z
      .enum(bureauCodes, { message: '请选择发布机关' })
      .openapi({ description: '110000 为市人力资源和社会保障局，其余为区划代码' }),
    year: z.number({ message: '请填写年份' }).int('年份应为整数').min(2017, '2017 年以前的季度不能公布').max(9999),
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: '季度应为 1、2、3 或 4' }),
  })
  .openapi('QuarterPublicationInput');

export type QuarterPublicationInput = z.infer<typeof QuarterPublicationInputSchema>;
