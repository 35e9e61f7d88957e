// What staff send to change an officer's certificate status (functions/admin/officers.ts).
import { z } from '@hono/zod-openapi';
import { officerStatuses } from '../domain/vocabulary';
import { proseText } from '../input/fields';

export const OfficerStatusInputSchema = z
  .object({
    status: z.enum(officerStatuses, { message: '请选择执法证状态：有效、暂停执法或已失效' }),
    /** Kept in the audit log for the record; the public sees the status and since when, not why. */
    reason: proseText('请填写变更理由').trim().min(5, '变更理由至少 5 个字').max(500, '变更理由不超过 500 个字'),
  })
  .openapi('OfficerStatusInput');

export type OfficerStatusInput = z.infer<typeof OfficerStatusInputSchema>;
