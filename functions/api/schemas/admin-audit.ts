import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../../domain/dates';

const date = (name: string) =>
  z
    .string()
    .refine(isIsoDate, '日期格式应为 2026-06-01')
    .optional()
    .openapi({ param: { name, in: 'query' }, description: 'Beijing date' });

export const AuditQuerySchema = z.object({
  actor: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ param: { name: 'actor', in: 'query' } }),
  target: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ param: { name: 'target', in: 'query' }, description: 'Prefix, e.g. `objection:` or `record:42`' }),
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ param: { name: 'action', in: 'query' } }),
  from: date('from'),
  to: date('to'),
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
    .default(50)
    .openapi({ param: { name: 'pageSize', in: 'query' } }),
});

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const AuditListSchema = z.object({
  items: z.array(AuditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().openapi({ description: 'Entries verified before the first break (all of them when ok)' }),
    headId: z.number().int().nullable(),
    headHash: z.string(),
    firstBreak: z
      .object({ id: z.number().int(), problem: z.enum(['prev_hash_mismatch', 'hash_mismatch']), expected: z.string(), actual: z.string() })
      .nullable(),
  })
  .openapi('AuditVerification');
