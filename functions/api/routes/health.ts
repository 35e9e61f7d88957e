import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';

const health = createRoute({
  method: 'get',
  path: '/',
  summary: 'Liveness check (the performance baseline)',
  responses: {
    200: {
      description: 'The Worker is up',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

export const healthRoutes = createRouter().openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
