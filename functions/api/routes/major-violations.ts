import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { MajorViolationListSchema } from '../schemas/lists';
import { MajorViolationQuerySchema } from '../../disclosure/query-input';
import { majorViolationColumns } from '../../disclosure/csv-columns';
import { csvResponse, csvStream, wantsCsv } from '../../http/csv';
import { allMajorViolations, entriesInForce, listMajorViolations, publishedQuarters } from '../../db/queries/major-violations';

const list = createRoute({
  method: 'get',
  path: '/',
  summary: '重大劳动保障违法行为社会公布（人社部令第29号）: entries of the quarterly publications still in force (CSV with ?format=csv)',
  request: { query: MajorViolationQuerySchema },
  responses: {
    200: {
      description: 'One page of entries with the fields of 第六条 and the browsable quarters, or every matching entry as CSV',
      content: { 'application/json': { schema: MajorViolationListSchema }, 'text/csv': { schema: z.string() } },
    },
    422: errorResponse('Bad year, quarter (which needs a year), format or paging'),
  },
});

export const majorViolationRoutes = createRouter().openapi(list, async (c) => {
  const { page, pageSize, format, ...filter } = c.req.valid('query');
  const db = c.var.db;
  const today = c.var.clock.today();
  if (wantsCsv(format, c.req.header('Accept'))) {
    const name = `重大劳动保障违法行为社会公布-${filter.year ?? '全部'}${filter.quarter ? `Q${filter.quarter}` : ''}-${today}.csv`;
    return csvResponse(csvStream(majorViolationColumns, allMajorViolations(db, filter, today)), name);
  }
  const [items, quarters] = await Promise.all([
    listMajorViolations(db, { ...filter, page, pageSize }, today),
    publishedQuarters(db, today),
  ]);
  return c.json({ items, total: entriesInForce(quarters, filter), page, pageSize, quarters }, 200);
});
