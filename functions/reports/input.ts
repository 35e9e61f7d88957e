// What a request for a 专用信用报告 may carry, for the API and the no-JavaScript form alike.
import { z } from '@hono/zod-openapi';
import { dateField, UsccField } from '../input/fields';

/** A JSON request is three short fields; anything larger is not a request for a report. */
export const MAX_REPORT_REQUEST_BYTES = 4 * 1024;

const optionalDate = (label: string) =>
  z
    .string()
    .max(40, `${label}过长`)
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(dateField(label).optional());

export const ReportRequestSchema = z
  .object({
    uscc: UsccField,
    from: optionalDate('报告期起始日').openapi({ type: 'string', format: 'date', description: '报告期起始日；不填为三年前的今天' }),
    to: optionalDate('报告期截止日').openapi({ type: 'string', format: 'date', description: '报告期截止日；不填为今天' }),
  })
  .openapi('ReportRequest');

export type ReportRequest = z.infer<typeof ReportRequestSchema>;
