// Staff decisions on objections (DOMAIN.md §4) and repairs (§3), and the queue filters: what the API
// and the console forms accept.
import { z } from '@hono/zod-openapi';
import { caseStatuses } from '../domain/vocabulary';
import { dateField, proseText } from '../input/fields';
import { PageQuery } from '../input/paging';
import { RecordCorrectionSchema } from './record-input';

/** A reason the company will read: required, plain, bounded. */
export const reasonText = (what: string) =>
  proseText(`请填写${what}`).trim().min(5, `${what}至少 5 个字，请写明事实和依据`).max(1000, `${what}不超过 1000 个字`);

export const AcceptanceInputSchema = z
  .discriminatedUnion(
    'decision',
    [z.object({ decision: z.literal('accept') }), z.object({ decision: z.literal('reject'), reason: reasonText('不予受理的理由') })],
    { message: '请选择受理或不予受理' },
  )
  .openapi('CaseAcceptanceInput');

export const ObjectionDecisionSchema = z
  .discriminatedUnion(
    'outcome',
    [
      z.object({ outcome: z.literal('corrected'), correctionNote: reasonText('更正说明'), changes: RecordCorrectionSchema }),
      z.object({ outcome: z.literal('withdrawn'), reason: reasonText('撤销理由') }),
      z.object({ outcome: z.literal('kept'), reason: reasonText('维持原记录的理由') }),
    ],
    { message: '请选择处理结果：更正、撤销或维持' },
  )
  .openapi('ObjectionDecisionInput');

export const RepairDecisionSchema = z
  .discriminatedUnion(
    'outcome',
    [
      z.object({ outcome: z.literal('approved'), note: proseText().trim().max(1000, '说明不超过 1000 个字').optional() }),
      z.object({ outcome: z.literal('rejected'), reason: reasonText('不予修复的理由') }),
    ],
    { message: '请选择处理结果：准予修复或不予修复' },
  )
  .openapi('RepairDecisionInput');

export type AcceptanceInput = z.infer<typeof AcceptanceInputSchema>;
export type ObjectionDecision = z.infer<typeof ObjectionDecisionSchema>;
export type RepairDecision = z.infer<typeof RepairDecisionSchema>;

export const QueueQuerySchema = PageQuery.extend({
  status: z
    .enum(['open', 'all', ...caseStatuses])
    .default('open')
    .openapi({ param: { name: 'status', in: 'query' }, description: 'open = received, accepted and in_progress' }),
  dueBy: dateField('期限')
    .optional()
    .openapi({ param: { name: 'dueBy', in: 'query' }, description: 'Current stage due on or before this date' }),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ param: { name: 'overdue', in: 'query' } }),
});
