// The audit log as staff see it (the filters are functions/audit/query-input.ts).
import { z } from '@hono/zod-openapi';

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
    checkpointsChecked: z.number().int().openapi({ description: 'Published signed checkpoints compared with the log' }),
    checkpointProblems: z
      .array(z.object({ seq: z.number().int(), problem: z.enum(['truncated', 'missing', 'rewritten', 'bad_signature']) }))
      .openapi({ description: 'truncated: the log ends before the checkpoint; rewritten: the entry there has another hash' }),
  })
  .openapi('AuditVerification');
