// The case resources as the OpenAPI document shows them: responses, path and header parameters, and
// the multipart forms (validated, after reshaping, by the input schemas of functions/cases/input.ts).
import { z } from '@hono/zod-openapi';
import { caseStatuses } from '../../domain/vocabulary';

/** The deadlines of a case in working days (content/rules/case-time-limits.json) and whether each is still provisional. */
const deadlineFields = {
  acceptBy: z.string().openapi({ format: 'date', description: '受理期限（工作日）' }),
  decideBy: z.string().openapi({ format: 'date', description: '办结期限（工作日）' }),
  acceptByProvisional: z.boolean().openapi({
    description: '受理期限含尚未公布节假日安排的年度的日期（预计），公布后可能调整',
  }),
  decideByProvisional: z.boolean().openapi({ description: '办结期限为预计，理由同上' }),
};

export const CaseCreatedSchema = z
  .object({
    reference: z.string().openapi({ example: 'YY-2026-7K3QX9' }),
    accessCode: z.string().openapi({ description: '查询码，仅显示这一次', example: 'K7QX-9MPA' }),
    status: z.literal('received'),
    ...deadlineFields,
  })
  .openapi('CaseCreated');

/** The employer and the credit record a case is about, as the public answers name them. */
export const CaseSubjectSchema = z.object({
  uscc: z.string(),
  enterpriseName: z.string(),
  recordId: z.number().int(),
  recordTitle: z.string(),
  decisionNo: z.string().nullable(),
});

export const CaseStatusSchema = z
  .object({
    reference: z.string(),
    status: z.enum(caseStatuses),
    ...deadlineFields,
    subject: CaseSubjectSchema.nullable().openapi({ description: 'The employer and the credit record the case is about' }),
    timeline: z.array(z.object({ at: z.string(), status: z.enum(caseStatuses), note: z.string().nullable() })),
  })
  .openapi('CaseStatus');

export const ReferenceParam = z.object({
  reference: z
    .string()
    .max(40)
    .openapi({ param: { name: 'reference', in: 'path' }, example: 'YY-2026-7K3QX9' }),
});

export const AccessCodeHeader = z.object({
  'x-access-code': z
    .string()
    .max(40)
    .optional()
    .openapi({ param: { name: 'x-access-code', in: 'header' }, description: '提交时获得的查询码' }),
});

const file = z.any().openapi({ type: 'string', format: 'binary' });
/** A repeated file field arrives as one File or as an array of them. */
const files = z.union([file, z.array(file)]);
const formFields = {
  uscc: z.string(),
  recordId: z.string(),
  statement: z.string(),
  'applicant.name': z.string(),
  'applicant.phone': z.string(),
  'applicant.email': z.string(),
};

/** Documents the multipart form; the values are validated by the same schemas as JSON after reshaping. */
export const ObjectionFormSchema = z
  .looseObject({ ...formFields, grounds: z.string(), attachments: files })
  .partial()
  .openapi('ObjectionForm');
export const RepairFormSchema = z
  .looseObject({ ...formFields, commitment: file, evidence: files, attachments: files })
  .partial()
  .openapi('RepairForm');
