import { z } from '@hono/zod-openapi';
import { pageEnvelope } from './page';

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
