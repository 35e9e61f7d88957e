// What an objection (DOMAIN.md §4) or a repair application (§3) must contain, checked the same way
// for JSON, multipart and the no-JavaScript forms. Every message says what to write instead.
import { z } from '@hono/zod-openapi';
import { PhoneField, UsccField, lineText, proseText } from '../input/fields';
import { objectionGroundLabels } from '../domain/labels';
import { objectionGrounds } from '../domain/vocabulary';

/** A record id as JSON number or form text. */
const recordId = z
  .union([z.number(), z.string().regex(/^\d{1,12}$/, '请选择要提出异议或修复的信用记录')], { message: '请选择要提出异议或修复的信用记录' })
  .transform(Number)
  .pipe(z.number().int().positive('请选择要提出异议或修复的信用记录'))
  .openapi({ type: 'integer', example: 1 });

const statement = proseText('请填写情况说明')
  .trim()
  .min(10, '情况说明至少 10 个字，请写明事实和理由')
  .max(2000, '情况说明不超过 2000 个字');

export const ApplicantSchema = z.object({
  name: lineText('请填写联系人姓名').trim().min(1, '请填写联系人姓名').max(50, '联系人姓名不超过 50 个字'),
  phone: PhoneField,
  email: lineText('请填写电子邮箱').trim().max(254).pipe(z.email('请填写有效的电子邮箱，例如 name@example.com')),
});

export const ObjectionInputSchema = z
  .object({
    uscc: UsccField,
    recordId,
    grounds: z.enum(objectionGrounds, {
      message: `请选择异议理由：${Object.values(objectionGroundLabels).join('、')}`,
    }),
    statement,
    applicant: ApplicantSchema,
  })
  .openapi('ObjectionInput');

export const RepairInputSchema = z.object({ uscc: UsccField, recordId, statement, applicant: ApplicantSchema }).openapi('RepairInput');

export type ObjectionInput = z.infer<typeof ObjectionInputSchema>;
export type RepairInput = z.infer<typeof RepairInputSchema>;

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
