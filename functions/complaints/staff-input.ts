// What staff send to decide a complaint (DOMAIN.md §10), the same for the API and the console forms.
import { z } from '@hono/zod-openapi';
import { reasonText } from '../admin/case-input';
import { lineText } from '../input/fields';
import { PageQuery } from '../input/paging';
import { complaintKinds, complaintStatuses } from '../domain/vocabulary';

const recordId = z
  .union([z.number(), z.string().regex(/^\d{1,12}$/, '请填写处罚记录编号（数字）')])
  .transform(Number)
  .pipe(z.number().int().positive('请填写处罚记录编号（数字）'))
  .openapi({ type: 'integer' });

export const ComplaintDecisionSchema = z
  .discriminatedUnion(
    'decision',
    [
      z.object({ decision: z.literal('accept') }),
      z.object({ decision: z.literal('reject'), reason: reasonText('不予受理的理由') }),
      z.object({
        decision: z.literal('transfer'),
        authority: lineText('请填写接收转办的机关').trim().min(2, '请填写接收转办的机关').max(100, '机关名称不超过 100 个字'),
        reason: reasonText('转办理由'),
      }),
      z.object({ decision: z.literal('extend'), reason: reasonText('延长调查期限的理由（经批准）') }),
      z.object({ decision: z.literal('close'), outcome: reasonText('处理结果'), penaltyRecordId: recordId.optional() }),
      z.object({ decision: z.literal('link_penalty'), penaltyRecordId: recordId }),
    ],
    { message: '请选择：受理立案、不予受理、转办、延长调查期限、办结或关联处罚记录' },
  )
  .openapi('ComplaintDecisionInput');
export type ComplaintDecision = z.infer<typeof ComplaintDecisionSchema>;

export const ComplaintQueueQuery = PageQuery.extend({
  status: z
    .enum(['open', 'all', ...complaintStatuses])
    .default('open')
    .openapi({ param: { name: 'status', in: 'query' }, description: 'open = received and accepted' }),
  kind: z
    .enum(complaintKinds)
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' } }),
});
export type ComplaintQueueQuery = z.infer<typeof ComplaintQueueQuery>;
