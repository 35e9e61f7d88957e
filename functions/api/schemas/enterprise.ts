import { z } from '@hono/zod-openapi';
import { grades, recordKinds, recordStatuses, severities } from '../../domain/vocabulary';
import { EXAMPLE_USCC } from '../../domain/uscc';

export const UsccParam = z.object({
  uscc: z.string().openapi({
    param: { name: 'uscc', in: 'path' },
    example: EXAMPLE_USCC,
    description: '统一社会信用代码（或 15 位注册号）；空格、连字符和小写会被规范化',
  }),
});

export const RecordSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(recordKinds),
    severity: z.enum(severities),
    title: z.string(),
    decisionNo: z.string().nullable(),
    authority: z.string(),
    decidedAt: z.string().openapi({ format: 'date' }),
    publishedAt: z.string().nullable(),
    publishUntil: z.string().nullable().openapi({ description: '公示截止期：当日起不再公示' }),
    status: z.enum(recordStatuses),
    flags: z.array(z.enum(['objection_pending', 'repair_pending', 'corrected'])),
    detail: z.record(z.string(), z.unknown()).nullable(),
    notice: z.object({ reason: z.string().nullable(), on: z.string().nullable() }).nullable(),
    repair: z
      .object({ possible: z.boolean(), from: z.string().nullable(), message: z.string().nullable() })
      .nullable()
      .openapi({ description: '能否申请信用修复；不能时说明原因和可申请日期' }),
  })
  .openapi('Record');

export const ProfileSchema = z
  .object({
    enterprise: z.object({
      uscc: z.string(),
      name: z.string(),
      district: z.string(),
      districtCode: z.string(),
      industry: z.string(),
      address: z.string(),
      status: z.string(),
      legalRepresentative: z.string(),
    }),
    grade: z.object({
      value: z.enum(grades).nullable(),
      year: z.number().int().nullable(),
      reasons: z.array(z.string()),
    }),
    records: z.array(RecordSchema),
    warnings: z.array(z.string()),
  })
  .openapi('CreditProfile');
