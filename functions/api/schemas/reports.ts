// The 专用信用报告 resources as the OpenAPI document shows them (DESIGN.md: POST /api/v1/reports,
// GET /api/v1/reports/{reportNo}, GET /api/v1/report-keys). The report's members are those of
// functions/domain/credit-report.ts (CreditReport); the JWS signs exactly that object.
import { z } from '@hono/zod-openapi';
import { REPORT_FORMAT, reportChangeKinds } from '../../domain/credit-report';
import { grades } from '../../domain/vocabulary';
import { RecordSchema } from './enterprise';

const ReportRecordSchema = RecordSchema.pick({
  id: true,
  kind: true,
  severity: true,
  title: true,
  decisionNo: true,
  authority: true,
  decidedAt: true,
  publishUntil: true,
}).extend({
  detail: z.record(z.string(), z.unknown()).openapi({ description: '与信用信息页公开的内容相同（已隐去个人信息）' }),
});

export const CreditReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    reportNo: z.string().openapi({ example: 'BG-2026-7K3QX-9MPAC' }),
    issuedAt: z.string().openapi({ format: 'date-time', description: '开具时间（UTC）' }),
    issuer: z.string(),
    basis: z.string(),
    period: z.object({ from: z.string().openapi({ format: 'date' }), to: z.string().openapi({ format: 'date' }) }),
    enterprise: z.object({
      uscc: z.string(),
      name: z.string(),
      district: z.string(),
      industry: z.string(),
      address: z.string(),
      status: z.string(),
      legalRepresentative: z.string(),
    }),
    grades: z.array(z.object({ year: z.number().int(), grade: z.enum(grades), reason: z.string().nullable() })),
    negativeRecords: z.array(ReportRecordSchema).openapi({ description: '报告期内作出、正在公示的失信记录' }),
    samplingResults: z.array(ReportRecordSchema).openapi({ description: '报告期内的双随机抽查结果，含未发现问题的' }),
    statement: z.string().nullable().openapi({ description: '无失信记录时为“报告期内无劳动保障领域行政处罚等失信记录”' }),
  })
  .openapi('CreditReport');

const issuedFields = {
  reportNo: z.string(),
  issuedAt: z.string().openapi({ format: 'date-time' }),
  report: CreditReportSchema,
  jws: z.string().openapi({ description: 'Compact JWS (EdDSA, Ed25519) over the canonical JSON of `report`; keys at /api/v1/report-keys' }),
};

export const IssuedReportSchema = z.object(issuedFields).openapi('IssuedReport');

export const StoredReportSchema = z
  .object({
    ...issuedFields,
    changes: z
      .array(
        z.object({
          recordId: z.number().int(),
          change: z.enum(reportChangeKinds),
        }),
      )
      .openapi({ description: '开具后该单位报告期内记录的变化（报告本身不变）；为空表示没有变化' }),
  })
  .openapi('StoredReport');

export const ReportNoParam = z.object({
  reportNo: z
    .string()
    .max(64)
    .openapi({ param: { name: 'reportNo', in: 'path' }, example: 'BG-2026-7K3QX-9MPAC' }),
});

export const JwksSchema = z
  .object({ keys: z.array(z.record(z.string(), z.unknown())) })
  .openapi('ReportKeys', { description: 'JWKS: every key that ever signed a report, retired ones included' });
