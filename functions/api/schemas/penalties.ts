import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../../domain/dates';
import { violationTypes } from '../../domain/labels';
import { PageQuery, pageEnvelope } from './pagination';

const isoDate = (name: string) =>
  z
    .string()
    .refine(isIsoDate, `${name} 应为有效日期，格式 YYYY-MM-DD`)
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name, in: 'query' }, format: 'date' });

export const PenaltyQuerySchema = PageQuery.extend({
  q: z
    .string()
    .max(100, '查询内容不超过 100 个字符')
    .optional()
    .transform((v) => v ?? '')
    .openapi({ param: { name: 'q', in: 'query' }, description: '当事人名称（连续 2 个以上字）或统一社会信用代码' }),
  from: isoDate('from'),
  to: isoDate('to'),
  violationType: z
    .enum(violationTypes, { message: `violationType 应为：${violationTypes.join('、')}` })
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'violationType', in: 'query' } }),
}).refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const PenaltySchema = z
  .object({
    id: z.number().int(),
    decisionNo: z.string().nullable().openapi({ description: '决定书文号' }),
    partyName: z.string().openapi({ description: '当事人名称' }),
    uscc: z.string(),
    violationType: z.string().nullable(),
    facts: z.string().nullable().openapi({ description: '主要违法事实' }),
    legalBasis: z.string().nullable().openapi({ description: '处罚依据' }),
    penaltyTypes: z.array(z.string()).openapi({ description: '处罚类别' }),
    penaltyContent: z.string().nullable(),
    fineFen: z.number().int().nullable().openapi({ description: '罚款金额（分）' }),
    decidedAt: z.string(),
    authority: z.string(),
    publishUntil: z.string().nullable(),
    status: z.enum(['published', 'withdrawn', 'repaired']),
    withdrawal: z.object({ reason: z.string().nullable(), on: z.string().nullable() }).nullable(),
  })
  .openapi('Penalty');

export const PenaltyListSchema = pageEnvelope(PenaltySchema).extend({ totalCapped: z.boolean() }).openapi('PenaltyList');
