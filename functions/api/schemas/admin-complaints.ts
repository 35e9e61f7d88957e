// Complaints and reports as their handlers see them (the inputs are functions/complaints/staff-input.ts).
// The identity is never part of these: it has its own audited route.
import { z } from '@hono/zod-openapi';
import { complaintCategories, complaintKinds, complaintStatuses } from '../../domain/vocabulary';

const SlaSchema = z
  .object({
    stage: z.enum(['accept', 'investigate']).nullable(),
    due: z.string().nullable(),
    provisional: z.boolean(),
    workingDaysLeft: z.number().int().nullable(),
    late: z.boolean(),
    label: z.string(),
  })
  .openapi('ComplaintSla');

const common = {
  reference: z.string(),
  kind: z.enum(complaintKinds),
  category: z.enum(complaintCategories),
  status: z.enum(complaintStatuses),
  receivedOn: z.string(),
  acceptBy: z.string(),
  acceptByProvisional: z.boolean(),
  investigateBy: z.string().nullable(),
  investigateByProvisional: z.boolean(),
  sla: SlaSchema,
};

export const ComplaintQueueSchema = z
  .object({
    items: z.array(z.object({ ...common, employerName: z.string(), employerUscc: z.string().nullable() })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('ComplaintQueue');

export const StaffComplaintSchema = z
  .object({
    ...common,
    employer: z.object({
      uscc: z.string().nullable(),
      name: z.string(),
      address: z.string().nullable(),
      districtCode: z.string().nullable(),
    }),
    violationPeriod: z.object({ from: z.string(), to: z.string().nullable() }),
    facts: z.string(),
    request: z.string().nullable(),
    filedOn: z.string().nullable(),
    extensionReason: z.string().nullable(),
    transferredTo: z.string().nullable(),
    outcome: z.string().nullable(),
    closedOn: z.string().nullable(),
    penaltyRecordId: z.number().int().nullable(),
    joinedTo: z.string().nullable().openapi({ description: 'The earlier case this one joined' }),
    handler: z.string().nullable(),
    named: z.boolean().openapi({ description: 'Whether a complainant identity is on file (see /complainant)' }),
    attachments: z.array(
      z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int(), href: z.string() }),
    ),
    timeline: z.array(
      z.object({ at: z.string(), status: z.enum(complaintStatuses), note: z.string().nullable(), actor: z.string().nullable() }),
    ),
  })
  .openapi('StaffComplaint');

export const ComplainantViewSchema = z
  .object({
    reference: z.string(),
    complainant: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }),
  })
  .openapi('ComplainantView');

export const ComplaintDecisionResultSchema = z
  .object({ reference: z.string(), status: z.enum(complaintStatuses) })
  .openapi('ComplaintDecisionResult');
