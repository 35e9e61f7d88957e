import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { WageArrearsListSchema } from '../schemas/lists';
import { WageArrearsQuerySchema } from '../../disclosure/query-input';
import { wageArrearsColumns } from '../../disclosure/csv-columns';
import { csvResponse, csvStream, wantsCsv } from '../../http/csv';
import { allWageArrears, listWageArrears } from '../../db/queries/wage-arrears';

const wageArrears = createRoute({
  method: 'get',
  path: '/wage-arrears',
  summary: '拖欠农民工工资失信联合惩戒对象名单（人社部令第45号）: entries in force, newest first (CSV with ?format=csv)',
  request: { query: WageArrearsQuerySchema },
  responses: {
    200: {
      description: 'One page of listings as JSON, or every matching listing as CSV; early removals and withdrawals as notices',
      content: { 'application/json': { schema: WageArrearsListSchema }, 'text/csv': { schema: z.string() } },
    },
    422: errorResponse('Unknown district, bad year, format or paging'),
  },
});

export const listRoutes = createRouter().openapi(wageArrears, async (c) => {
  const { page, pageSize, format, ...filter } = c.req.valid('query');
  const db = c.var.db;
  const today = c.var.clock.today();
  if (wantsCsv(format, c.req.header('Accept'))) {
    return csvResponse(csvStream(wageArrearsColumns, allWageArrears(db, filter, today)), `拖欠农民工工资失信联合惩戒对象名单-${today}.csv`);
  }
  return c.json(await listWageArrears(db, { ...filter, page, pageSize }, today), 200);
});
