import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { PenaltyListSchema } from '../schemas/penalties';
import { PenaltyQuerySchema } from '../../disclosure/query-input';
import { getDb } from '../../db/client';
import { listPenalties } from '../../db/queries/penalties';

const penalties = createRoute({
  method: 'get',
  path: '/',
  summary: '行政处罚决定公开 (事后公开), newest first',
  request: { query: PenaltyQuerySchema },
  responses: {
    200: {
      description: 'One page of decisions; withdrawn ones as notices',
      content: { 'application/json': { schema: PenaltyListSchema } },
    },
    422: errorResponse('Bad dates, type or paging'),
  },
});

export const penaltyRoutes = createRouter().openapi(penalties, async (c) =>
  c.json(await listPenalties(getDb(c.env.DB), c.req.valid('query'), c.var.clock.today()), 200),
);
