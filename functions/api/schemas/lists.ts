// The lists the rules require (DOMAIN.md §6, §8): the wage-arrears 名单, the quarterly 29号令
// publication and an officer's public credential. Shapes of functions/db/queries/{wage-arrears,
// major-violations,officers}.ts.
import { z } from '@hono/zod-openapi';
import { officerStatuses } from '../../domain/vocabulary';
import { pageEnvelope } from './page';

const notice = z
  .object({ on: z.string().nullable(), reason: z.string().nullable() })
  .nullable()
  .openapi({ description: 'For an entry no longer in force (提前移出, 撤销, 修复): since when and why; null otherwise' });

export const WageArrearsEntrySchema = z
  .object({
    id: z.number().int(),
    employerName: z.string().openapi({ description: '单位名称' }),
    uscc: z.string().openapi({ description: '统一社会信用代码' }),
    district: z.string(),
    persons: z
      .array(z.object({ name: z.string(), role: z.string() }))
      .openapi({ description: '列入名单的法定代表人、主要负责人和直接责任人员：姓名和身份，从不含身份证号' }),
    listedOn: z.string().openapi({ description: '列入日期' }),
    reason: z.string().nullable().openapi({ description: '列入事由' }),
    decisionNo: z.string().nullable(),
    authority: z.string().openapi({ description: '作出列入决定的部门' }),
    termEndsOn: z.string().nullable().openapi({ description: '3 年名单期限届满之日，届满自动移出' }),
    state: z.enum(['listed', 'removed', 'withdrawn']).openapi({ description: 'listed 名单期内；removed 已提前移出；withdrawn 已撤销' }),
    notice,
  })
  .openapi('WageArrearsEntry');

export const WageArrearsListSchema = pageEnvelope(WageArrearsEntrySchema).openapi('WageArrearsList');

export const MajorViolationSchema = z
  .object({
    id: z.number().int(),
    publicationId: z.string().openapi({ description: '所属的季度公布，如 2026Q3-110105' }),
    year: z.number().int(),
    quarter: z.number().int(),
    publishedOn: z.string().openapi({ description: '公布日期' }),
    authority: z.string().openapi({ description: '公布机关' }),
    subjectName: z.string().openapi({ description: '违法主体全称' }),
    uscc: z.string().openapi({ description: '统一社会信用代码（或注册号）' }),
    address: z.string().nullable().openapi({ description: '地址' }),
    legalRepresentative: z.string().nullable().openapi({ description: '法定代表人或负责人姓名' }),
    facts: z.string().nullable().openapi({ description: '主要违法事实' }),
    handling: z.string().nullable().openapi({ description: '相关处理情况' }),
    decisionNo: z.string().nullable(),
    publishUntil: z.string().nullable().openapi({ description: '公示截止期：此后自动不再公布' }),
    status: z.enum(['published', 'withdrawn', 'repaired']),
    notice,
  })
  .openapi('MajorViolation');

export const PublishedQuarterSchema = z
  .object({
    year: z.number().int(),
    quarter: z.number().int(),
    publishedOn: z.string(),
    entries: z.number().int().openapi({ description: '仍在公示期内的条目数' }),
    publications: z.array(z.object({ id: z.string(), authority: z.string(), publishedOn: z.string(), entries: z.number().int() })),
  })
  .openapi('PublishedQuarter');

export const MajorViolationListSchema = pageEnvelope(MajorViolationSchema)
  .extend({
    quarters: z
      .array(PublishedQuarterSchema)
      .openapi({ description: '可浏览的季度（新的在前）：仍有条目在公示期内的季度，以及最近公布的季度' }),
  })
  .openapi('MajorViolationList');

export const OfficerSchema = z
  .object({
    certificateNo: z.string().openapi({ description: '执法证号' }),
    name: z.string(),
    unit: z.string().openapi({ description: '执法单位' }),
    field: z.string().openapi({ description: '执法类别' }),
    status: z.enum(officerStatuses).openapi({ description: 'valid 有效；suspended 暂停执法；expired 已过期或失效' }),
    statusText: z.string().openapi({ description: '执法证状态的文字说明' }),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    statusSince: z.string().nullable(),
  })
  .openapi('Officer');

export const OfficerCardSchema = z
  .object({
    officer: OfficerSchema,
    tasks: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          year: z.number().int(),
          authority: z.string(),
          drawnOn: z.string().nullable(),
          assignments: z.number().int().openapi({ description: '该次抽取中被选派检查的单位数' }),
        }),
      )
      .openapi({ description: '抽取记录中选派该执法人员的已公布抽查任务（新的在前）' }),
  })
  .openapi('OfficerCard');
