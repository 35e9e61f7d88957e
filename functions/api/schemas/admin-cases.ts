// Objections and repairs as staff see them (the inputs are functions/admin/case-input.ts).
import { z } from '@hono/zod-openapi';
import { caseStatuses, objectionGrounds, objectionOutcomes, repairOutcomes } from '../../domain/vocabulary';

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
