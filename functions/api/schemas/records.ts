import { z } from '@hono/zod-openapi';
import { RecordSchema } from './enterprise';

export const RecordsByDecisionSchema = z
  .object({
    items: z.array(
      z.object({
        record: RecordSchema,
        enterprise: z.object({ uscc: z.string(), name: z.string() }),
      }),
    ),
  })
  .openapi('RecordsByDecision');
