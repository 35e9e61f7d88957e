import { z } from '@hono/zod-openapi';
import { UsccField } from './uscc-field';
import { caseStatuses, objectionGrounds } from '../../domain/vocabulary';
import { objectionGroundLabels } from '../../domain/labels';

const PHONE = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{9,11})$/;

const uscc = UsccField;

/** A record id as JSON number or form text. */
const recordId = z
  .union([z.number(), z.string().regex(/^\d{1,12}$/, '请选择要提出异议或修复的信用记录')], { message: '请选择要提出异议或修复的信用记录' })
  .transform(Number)
  .pipe(z.number().int().positive('请选择要提出异议或修复的信用记录'))
  .openapi({ type: 'integer', example: 1 });

const statement = z
  .string({ message: '请填写情况说明' })
  .trim()
  .min(10, '情况说明至少 10 个字，请写明事实和理由')
  .max(2000, '情况说明不超过 2000 个字');

export const ApplicantSchema = z.object({
  name: z.string({ message: '请填写联系人姓名' }).trim().min(1, '请填写联系人姓名').max(50, '联系人姓名不超过 50 个字'),
  phone: z
    .string({ message: '请填写联系电话' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(PHONE, '请填写有效的手机号码（11 位）或固定电话（如 010-12345678）')),
  email: z.string({ message: '请填写电子邮箱' }).trim().max(254).pipe(z.email('请填写有效的电子邮箱，例如 name@example.com')),
});

export const ObjectionInputSchema = z
  .object({
    uscc,
    recordId,
    grounds: z.enum(objectionGrounds, {
      message: `请选择异议理由：${Object.values(objectionGroundLabels).join('、')}`,
    }),
    statement,
    applicant: ApplicantSchema,
  })
  .openapi('ObjectionInput');

export const RepairInputSchema = z.object({ uscc, recordId, statement, applicant: ApplicantSchema }).openapi('RepairInput');

export type ObjectionInput = z.infer<typeof ObjectionInputSchema>;
export type RepairInput = z.infer<typeof RepairInputSchema>;

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

export const CaseStatusSchema = z
  .object({
    reference: z.string(),
    status: z.enum(caseStatuses),
    ...deadlineFields,
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

/** `applicant.name` style form fields → the nested shape the JSON API takes. */
export function formToInput(form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const applicant: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (typeof value !== 'string') continue;
    if (key.startsWith('applicant.')) applicant[key.slice('applicant.'.length)] = value;
    else out[key] = value;
  }
  return { ...out, applicant };
}

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
