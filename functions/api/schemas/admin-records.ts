// Credit records entered and corrected by hand. The fields and their limits come from the drizzle
// schema (enums) and DOMAIN.md §8 (what a penalty decision publishes).
import { z } from '@hono/zod-openapi';
import { UsccField } from './uscc-field';
import { recordKinds, recordStatuses, severities } from '../../domain/vocabulary';
import { isIsoDate } from '../../domain/dates';
import { violationTypes } from '../../domain/labels';

const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const isoDate = (label: string) =>
  z.string({ message: `请填写${label}` }).refine(isIsoDate, `${label}应为有效日期，格式如 2026-06-01`);

const penaltyTypes = z.array(z.string().trim().min(1).max(20)).max(10).openapi({ description: '处罚类别，如 ["罚款"]、["警告", "罚款"]' });

/** Every field staff may correct after an objection (DOMAIN.md §4 "the record is amended"). */
const correctable = {
  title: text('记录标题', 200),
  severity: z.enum(severities, { message: '请选择严重程度' }),
  decisionNo: optionalText('决定书文号', 100),
  authority: text('决定机关', 100),
  decidedOn: isoDate('决定日期'),
  violationType: z
    .enum(violationTypes, { message: `违法行为类型应为：${violationTypes.join('、')}` })
    .nullable()
    .optional(),
  facts: optionalText('主要违法事实', 2000),
  legalBasis: optionalText('处罚依据', 1000),
  penaltyTypes: penaltyTypes.nullable().optional(),
  penaltyContent: optionalText('处罚内容', 1000),
  fineFen: z.number({ message: '罚款金额应为以分为单位的整数' }).int('罚款金额应为以分为单位的整数').min(0).max(1e13).nullable().optional(),
};

export const RecordCorrectionSchema = z
  .object(correctable)
  .partial()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: '请至少更正一项内容' })
  .openapi('RecordCorrection');

export type RecordCorrection = z.infer<typeof RecordCorrectionSchema>;

const uscc = UsccField;

export const RecordInputSchema = z
  .object({
    uscc,
    kind: z.enum(recordKinds, { message: '请选择记录类别' }),
    ...correctable,
    detail: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .superRefine((r, ctx) => {
    // DOMAIN.md §8: the fields a 行政处罚决定 publishes.
    if (r.kind !== 'penalty') return;
    const need: [keyof typeof r, string][] = [
      ['decisionNo', '决定书文号'],
      ['violationType', '违法行为类型'],
      ['facts', '主要违法事实'],
      ['legalBasis', '处罚依据'],
      ['penaltyContent', '处罚内容'],
    ];
    for (const [field, label] of need)
      if (r[field] === null || r[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `行政处罚须填写${label}` });
    if (!r.penaltyTypes?.length) ctx.addIssue({ code: 'custom', path: ['penaltyTypes'], message: '行政处罚须填写处罚类别' });
    if (r.penaltyTypes?.includes('罚款') && (r.fineFen === null || r.fineFen === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['fineFen'], message: '处罚类别含罚款，须填写罚款金额' });
    }
  })
  .openapi('RecordInput');

export type RecordInput = z.infer<typeof RecordInputSchema>;

export const WithdrawInputSchema = z
  .object({
    reason: z
      .string({ message: '请填写撤销理由' })
      .trim()
      .min(5, '撤销理由至少 5 个字，公众将看到这一理由')
      .max(1000, '撤销理由不超过 1000 个字'),
  })
  .openapi('RecordWithdrawInput');

export const RecordIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: 1 }),
});

export const RecordListQuery = z.object({
  status: z
    .enum(recordStatuses)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  kind: z
    .enum(recordKinds)
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' } }),
  uscc: z
    .string()
    .max(40)
    .optional()
    .openapi({ param: { name: 'uscc', in: 'query' } }),
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

export const StaffRecordSchema = z
  .object({
    id: z.number().int(),
    uscc: z.string(),
    enterpriseName: z.string().nullable(),
    kind: z.enum(recordKinds),
    severity: z.enum(severities),
    status: z.enum(recordStatuses),
    title: z.string(),
    decisionNo: z.string().nullable(),
    authority: z.string(),
    decidedOn: z.string(),
    publishedOn: z.string().nullable(),
    publishUntil: z.string().nullable(),
    violationType: z.string().nullable(),
    facts: z.string().nullable(),
    legalBasis: z.string().nullable(),
    penaltyTypes: z.array(z.string()).nullable(),
    penaltyContent: z.string().nullable(),
    fineFen: z.number().int().nullable(),
    withdrawnOn: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    repairedOn: z.string().nullable(),
    correctionNote: z.string().nullable(),
    sourceKey: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
    publicationDue: z
      .string()
      .nullable()
      .openapi({ description: '行政处罚决定应在此日期前公开（决定后 7 个工作日）; drafts of penalties only' }),
    publicationLate: z.boolean(),
  })
  .openapi('StaffRecord');

export const StaffRecordListSchema = z.object({
  items: z.array(StaffRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
