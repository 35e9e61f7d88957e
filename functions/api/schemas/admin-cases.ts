// Staff decisions on objections (DOMAIN.md §4) and repairs (§3): what the API and the console forms accept.
import { z } from '@hono/zod-openapi';
import { caseStatuses, objectionGrounds, objectionOutcomes, repairOutcomes } from '../../domain/vocabulary';
import { isIsoDate } from '../../domain/dates';
import { RecordCorrectionSchema } from './admin-records';

/** A reason the company will read: required, plain, bounded. */
export const reasonText = (what: string) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(5, `${what}至少 5 个字，请写明事实和依据`)
    .max(1000, `${what}不超过 1000 个字`);

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
      z.object({ outcome: z.literal('approved'), note: z.string().trim().max(1000, '说明不超过 1000 个字').optional() }),
      z.object({ outcome: z.literal('rejected'), reason: reasonText('不予修复的理由') }),
    ],
    { message: '请选择处理结果：准予修复或不予修复' },
  )
  .openapi('RepairDecisionInput');

export type AcceptanceInput = z.infer<typeof AcceptanceInputSchema>;
export type ObjectionDecision = z.infer<typeof ObjectionDecisionSchema>;
export type RepairDecision = z.infer<typeof RepairDecisionSchema>;

const isoDate = z.string().refine(isIsoDate, '日期格式应为 2026-06-01');

export const QueueQuerySchema = z.object({
  status: z
    .enum(['open', 'all', ...caseStatuses])
    .default('open')
    .openapi({ param: { name: 'status', in: 'query' }, description: 'open = received, accepted and in_progress' }),
  dueBy: isoDate.optional().openapi({ param: { name: 'dueBy', in: 'query' }, description: 'Current stage due on or before this date' }),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ param: { name: 'overdue', in: 'query' } }),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(1)
    .openapi({ param: { name: 'page', in: 'query' } }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'pageSize', in: 'query' } }),
});

export const CaseReferenceParam = z.object({
  reference: z
    .string()
    .max(40)
    .openapi({ param: { name: 'reference', in: 'path' }, example: 'YY-2026-7K3QX9' }),
});

const SlaSchema = z
  .object({
    stage: z.enum(['accept', 'decide']).nullable(),
    due: z.string().nullable(),
    provisional: z.boolean().openapi({ description: 'The due date counts days of a year whose holidays are not announced yet (预计)' }),
    workingDaysLeft: z.number().int().nullable().openapi({ description: 'Working days until due; negative when late' }),
    late: z.boolean(),
    label: z.string(),
  })
  .openapi('CaseSla');

export const QueueItemSchema = z
  .object({
    reference: z.string(),
    uscc: z.string(),
    enterpriseName: z.string().nullable(),
    recordId: z.number().int(),
    recordTitle: z.string().nullable(),
    status: z.enum(caseStatuses),
    outcome: z.string().nullable(),
    acceptBy: z.string(),
    decideBy: z.string(),
    acceptByProvisional: z.boolean(),
    decideByProvisional: z.boolean(),
    overdueFlag: z.boolean().openapi({ description: 'Set by the daily job once a deadline was missed' }),
    createdAt: z.string(),
    sla: SlaSchema,
  })
  .openapi('CaseQueueItem');

export const QueueSchema = z.object({
  items: z.array(QueueItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const StaffRecordSchema = z.record(z.string(), z.unknown()).openapi({ description: 'The credit record concerned, every column' });

export const StaffCaseSchema = z
  .object({
    kind: z.enum(['objection', 'repair']),
    reference: z.string(),
    status: z.enum(caseStatuses),
    grounds: z.enum(objectionGrounds).nullable(),
    outcome: z.enum([...objectionOutcomes, ...repairOutcomes]).nullable(),
    outcomeReason: z.string().nullable(),
    statement: z.string(),
    applicant: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
    acceptBy: z.string(),
    decideBy: z.string(),
    acceptByProvisional: z.boolean(),
    decideByProvisional: z.boolean(),
    acceptedOn: z.string().nullable(),
    overdueFlag: z.boolean(),
    createdAt: z.string(),
    sla: SlaSchema,
    enterprise: z.object({ uscc: z.string(), name: z.string() }).nullable(),
    record: StaffRecordSchema.nullable(),
    attachments: z.array(
      z.object({
        id: z.number().int(),
        role: z.string(),
        fileName: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        sha256: z.string(),
        href: z.string(),
      }),
    ),
    timeline: z.array(
      z.object({ at: z.string(), status: z.enum(caseStatuses), note: z.string().nullable(), actor: z.string().nullable() }),
    ),
  })
  .openapi('StaffCase');

export const DecisionResultSchema = z
  .object({
    reference: z.string(),
    status: z.enum(caseStatuses),
    outcome: z.string().nullable(),
    decideBy: z.string(),
    decideByProvisional: z.boolean(),
  })
  .openapi('CaseDecisionResult');

export const AttachmentIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: 1 }),
});
