import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { RecordsByDecisionSchema } from '../schemas/records';
import { DecisionNoQuery } from '../../disclosure/query-input';
import { findPublicRecordsByDecisionNo } from '../../db/queries/records-by-decision';

const byDecisionNo = createRoute({
  method: 'get',
  path: '/',
  summary: '按决定书文号查找正在公示的信用记录（括号和空格不影响查找），用于从处罚决定书发起异议或信用修复',
  request: { query: DecisionNoQuery },
  responses: {
    200: {
      description: 'The public records that carry the number, with their employer; empty when none',
      content: { 'application/json': { schema: RecordsByDecisionSchema } },
    },
    422: errorResponse('Missing or too long decision number'),
  },
});

export const recordRoutes = createRouter().openapi(byDecisionNo, async (c) =>
  c.json({ items: await findPublicRecordsByDecisionNo(c.var.db, c.req.valid('query').decisionNo, c.var.clock.today()) }, 200),
);
