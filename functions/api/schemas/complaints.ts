// The complaint resources (举报投诉) as the OpenAPI document shows them. The multipart form is
// validated, after reshaping, by functions/complaints/input.ts like the JSON body.
import { z } from '@hono/zod-openapi';
import { complaintCategories, complaintStatuses } from '../../domain/vocabulary';

const acceptFields = {
  acceptBy: z.string().openapi({ format: 'date', description: '受理期限（收到之日起 5 个工作日）' }),
  acceptByProvisional: z.boolean().openapi({ description: '受理期限含尚未公布节假日安排的年度的日期（预计）' }),
};

export const ComplaintCreatedSchema = z
  .object({
    reference: z.string().openapi({ example: 'TS-2026-7K3QX9', description: 'TS = 投诉, JB = 举报' }),
    accessCode: z.string().openapi({ description: '查询码，仅显示这一次', example: 'K7QX-9MPA' }),
    status: z.literal('received'),
    ...acceptFields,
    joinedEarlierCase: z.boolean().openapi({ description: '同一联系人 30 日内就同一单位、同一问题反映过：并入该件一并办理' }),
  })
  .openapi('ComplaintCreated');

export const ComplaintStatusSchema = z
  .object({
    reference: z.string(),
    status: z.enum(complaintStatuses),
    category: z.enum(complaintCategories),
    ...acceptFields,
    investigateBy: z.string().nullable().openapi({ format: 'date', description: '调查期限（立案之日起 60 个工作日，经批准可延长 30 个）' }),
    investigateByProvisional: z.boolean(),
    outcome: z.string().nullable().openapi({ description: '处理结果或不予受理、转办的理由；仅向实名投诉人显示' }),
    timeline: z.array(z.object({ at: z.string(), status: z.enum(complaintStatuses), note: z.string().nullable() })),
  })
  .openapi('ComplaintStatus');

const file = z.any().openapi({ type: 'string', format: 'binary' });
export const ComplaintFormSchema = z
  .looseObject({
    kind: z.string(),
    category: z.string(),
    'employer.uscc': z.string(),
    'employer.name': z.string(),
    'employer.address': z.string(),
    'violationPeriod.from': z.string(),
    'violationPeriod.to': z.string(),
    facts: z.string(),
    request: z.string(),
    'complainant.name': z.string(),
    'complainant.phone': z.string(),
    'complainant.email': z.string(),
    attachments: z.union([file, z.array(file)]),
  })
  .partial()
  .openapi('ComplaintForm');

const count = z.union([z.number().int().min(5), z.literal('<5')]).openapi({ description: '不足 5 件显示为 "<5"' });

export const ComplaintStatsSchema = z
  .object({
    from: z.string().openapi({ format: 'date' }),
    to: z.string().openapi({ format: 'date' }),
    district: z.string().nullable(),
    suppressBelow: z.number().int(),
    cells: z.array(
      z.object({
        month: z.string().openapi({ example: '2026-05' }),
        districtCode: z.string().nullable(),
        district: z.string(),
        category: z.enum(complaintCategories),
        received: count,
        accepted: count,
        closed: count,
        medianWorkingDaysToClose: z.number().nullable().openapi({ description: '收到至办结的工作日中位数；办结不足 5 件不显示' }),
      }),
    ),
  })
  .openapi('ComplaintStats');
