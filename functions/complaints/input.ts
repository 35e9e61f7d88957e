// What a complaint or report (举报投诉, DOMAIN.md §10) must contain, checked the same way for JSON,
// multipart and the no-JavaScript form. The limitation period needs today's date and is checked by
// the use case (submit-complaint.ts) with domain/complaint-rules.ts.
import { z } from '@hono/zod-openapi';
import { complaintCategoryLabels } from '../domain/labels';
import { complaintCategories, complaintKinds } from '../domain/vocabulary';
import { PhoneField, UsccField, dateField, lineText, proseText } from '../input/fields';

/** Empty form fields mean "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const ComplainantSchema = z.object({
  name: lineText('请填写您的姓名').trim().min(1, '请填写您的姓名').max(50, '姓名不超过 50 个字'),
  phone: PhoneField,
  email: optional(lineText().trim().max(254).pipe(z.email('请填写有效的电子邮箱，例如 name@example.com'))),
});

export const ViolationPeriodSchema = z.object(
  { from: dateField('开始日期'), to: optional(dateField('结束日期')) },
  { message: '请填写发生时间' },
);

export const ComplaintInputSchema = z
  .object({
    kind: z.enum(complaintKinds, { message: '请选择投诉（本人权益受到侵害）或举报（反映违法行为）' }),
    category: z.enum(complaintCategories, {
      message: `请选择反映的问题：${Object.values(complaintCategoryLabels).join('、')}`,
    }),
    employer: z.object(
      {
        uscc: optional(UsccField),
        name: lineText('请填写用人单位名称').trim().min(2, '请填写用人单位名称（至少 2 个字）').max(100, '单位名称不超过 100 个字'),
        address: optional(lineText().trim().max(200, '地址不超过 200 个字')),
      },
      { message: '请填写用人单位' },
    ),
    facts: proseText('请填写事实经过')
      .trim()
      .min(20, '事实经过至少 20 个字：写明何时、何地、发生了什么、涉及多少人或多少钱')
      .max(3000, '事实经过不超过 3000 个字'),
    request: optional(proseText().trim().max(1000, '请求不超过 1000 个字')),
    violationPeriod: z.object({ from: dateField('开始日期'), to: optional(dateField('结束日期')) }, { message: '请填写发生时间' }),
    complainant: optional(ComplainantSchema),
  })
  // Runs even when other fields failed, so that every mistake is told at once; the value may then be partial.
  .superRefine(
    (value, ctx) => {
      const v = (value ?? {}) as Partial<typeof value>;
      if (v.kind !== 'complaint') return;
      if (!v.complainant) {
        ctx.addIssue({
          code: 'custom',
          path: ['complainant', 'name'],
          message: '投诉须留下姓名和联系电话，以便告知处理结果；不愿留名的，可以选择举报',
        });
      }
      if (!v.request) ctx.addIssue({ code: 'custom', path: ['request'], message: '投诉须写明您的请求，例如“要求支付拖欠的 3 个月工资”' });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .openapi('ComplaintInput');

export type ComplaintInput = z.infer<typeof ComplaintInputSchema>;

/** `employer.name` style form fields → the nested shape the JSON API takes; a 举报 left without any contact sends none. */
export function complaintFormToInput(form: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const [head, tail] = key.split('.', 2) as [string, string | undefined];
    if (!['employer', 'violationPeriod', 'complainant'].includes(head) || !tail) {
      if (!key.includes('.')) out[key] = value;
      continue;
    }
    const group = (out[head] ?? {}) as Record<string, unknown>;
    group[tail] = value;
    out[head] = group;
  }
  const person = out.complainant as Record<string, string> | undefined;
  if (person && Object.values(person).every((v) => v.trim() === '')) delete out.complainant;
  return out;
}
