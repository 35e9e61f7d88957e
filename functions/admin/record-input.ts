// Credit records entered and corrected by hand: the fields come from the table (drizzle-zod) and are
// tightened here with the limits and messages staff see; what a penalty must state is the rule of
// functions/domain/import-rows.ts, shared with the importer.
import { z } from '@hono/zod-openapi';
import { createSchemaFactory } from 'drizzle-zod';
import { creditRecords } from '../db/schema';
import { violationTypes } from '../domain/labels';
import { missingPenaltyStatements } from '../domain/import-rows';
import { missingMajorViolationStatements } from '../domain/major-violations';
import { recordKinds, recordStatuses, severities } from '../domain/vocabulary';
import { dateField, jsonObject, lineText, proseText, UsccField } from '../input/fields';
import { cleanLine, cleanProse } from '../domain/text';
import { PageQuery } from '../input/paging';

const { createInsertSchema } = createSchemaFactory({ zodInstance: z });

const text = (label: string, max: number) => (s: z.ZodString) =>
  s.overwrite(cleanLine).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
const optionalText =
  (label: string, max: number, clean: (v: string) => string = cleanProse) =>
  (s: z.ZodString) =>
    s
      .overwrite(clean)
      .trim()
      .max(max, `${label}不超过 ${max} 个字`)
      .transform((v) => (v === '' ? null : v));

/** The table's columns staff may write, each with its limit and message. */
const recordColumns = createInsertSchema(creditRecords, {
  uscc: () => UsccField,
  kind: () => z.enum(recordKinds, { message: '请选择记录类别' }),
  title: text('记录标题', 200),
  severity: () => z.enum(severities, { message: '请选择严重程度' }),
  decisionNo: optionalText('决定书文号', 100, cleanLine),
  authority: text('决定机关', 100),
  decidedOn: () => dateField('决定日期'),
  violationType: () => z.enum(violationTypes, { message: `违法行为类型应为：${violationTypes.join('、')}` }),
  facts: optionalText('主要违法事实', 2000),
  legalBasis: optionalText('处罚依据', 1000),
  penaltyTypes: () => z.array(lineText().trim().min(1).max(20)).max(10).openapi({ description: '处罚类别，如 ["罚款"]、["警告", "罚款"]' }),
  penaltyContent: optionalText('处罚内容', 1000),
  handling: optionalText('相关处理情况', 2000),
  fineFen: () => z.number({ message: '罚款金额应为以分为单位的整数' }).int('罚款金额应为以分为单位的整数').min(0).max(1e13),
  detail: () => jsonObject('附加信息（detail）'),
});

/** Every field staff may correct after an objection (DOMAIN.md §4 "the record is amended"). */
const correctable = recordColumns.pick({
  title: true,
  severity: true,
  decisionNo: true,
  authority: true,
  decidedOn: true,
  violationType: true,
  facts: true,
  legalBasis: true,
  penaltyTypes: true,
  penaltyContent: true,
  handling: true,
  fineFen: true,
});

export const RecordCorrectionSchema = correctable
  .partial()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: '请至少更正一项内容' })
  .openapi('RecordCorrection');

export type RecordCorrection = z.infer<typeof RecordCorrectionSchema>;

export const RecordInputSchema = correctable
  .extend({ uscc: recordColumns.shape.uscc, kind: recordColumns.shape.kind, detail: recordColumns.shape.detail })
  .superRefine((r, ctx) => {
    const missing =
      r.kind === 'penalty' ? missingPenaltyStatements(r) : r.kind === 'major_violation' ? missingMajorViolationStatements(r) : [];
    for (const p of missing) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  })
  .openapi('RecordInput');

export type RecordInput = z.infer<typeof RecordInputSchema>;

export const WithdrawInputSchema = z
  .object({
    reason: proseText('请填写撤销理由').trim().min(5, '撤销理由至少 5 个字，公众将看到这一理由').max(1000, '撤销理由不超过 1000 个字'),
  })
  .openapi('RecordWithdrawInput');

export const RecordListQuery = PageQuery.extend({
  status: z
    .enum(recordStatuses)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  kind: z
    .enum(recordKinds)
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' } }),
  uscc: lineText()
    .max(40)
    .optional()
    .openapi({ param: { name: 'uscc', in: 'query' } }),
});
