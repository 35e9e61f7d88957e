import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { PenaltyListSchema } from '../schemas/penalties';
import { PenaltyQuerySchema } from '../../disclosure/query-input';
import { penaltyColumns } from '../../disclosure/csv-columns';
import { listPenalties, PENALTY_COUNT_CAP } from '../../db/queries/penalties';
import { csvResponse, toCsv, wantsCsv } from '../../http/csv';

const penalties = createRoute({
  method: 'get',
  path: '/',
  summary: `行政处罚决定公开 (事后公开), newest first; ?format=csv downloads the filtered list (up to ${PENALTY_COUNT_CAP} decisions)`,
  request: { query: PenaltyQuerySchema },
  responses: {
    200: {
      description: 'One page of decisions (withdrawn ones as notices), or the filtered list as CSV with a BOM',
      content: { 'application/json': { schema: PenaltyListSchema }, 'text/csv': { schema: z.string() } },
    },
    422: errorResponse('Bad dates, type or paging'),
  },
});

export const penaltyRoutes = createRouter().openapi(penalties, async (c) => {
  const { format, ...query } = c.req.valid('query');
  const db = c.var.db;
  const today = c.var.clock.today();
  if (wantsCsv(format, c.req.header('Accept'))) {
    // The whole filtered list in one file, as far as the list itself counts (the complete data set is open data).
    const all = await listPenalties(db, { ...query, page: 1, pageSize: PENALTY_COUNT_CAP }, today);
    return csvResponse(toCsv(penaltyColumns, all.items), `行政处罚决定-${today}.csv`);
  }
  return c.json(await listPenalties(db, query, today), 200);
});
