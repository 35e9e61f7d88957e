import { z } from '@hono/zod-openapi';

/** One page of a list, as every list route answers it. */
export const pageEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
