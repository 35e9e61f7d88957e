import { z } from '@hono/zod-openapi';
import { parseUscc, usccMessages } from '../../domain/uscc';

/** A code in a request body: normalised, and rejected with the person-readable reason of DOMAIN.md §1. */
export const UsccField = z
  .string({ message: '请填写统一社会信用代码' })
  .transform((value, ctx) => {
    const parsed = parseUscc(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: usccMessages[parsed.reason] });
      return z.NEVER;
    }
    return parsed.code;
  })
  .openapi({ type: 'string', example: '91110105MA01ABCD3X' });
