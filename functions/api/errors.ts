// The error shape of the HTTP contract (DESIGN.md) as the OpenAPI document describes it:
// { "error": { "code": "snake_case", "message": "…", "fields": [{ "path": "…", "message": "…" }] } }.
// Errors themselves are functions/domain/errors.ts; functions/http/status.ts gives their status.
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});
