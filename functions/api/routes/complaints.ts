import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { ComplaintCreatedSchema, ComplaintFormSchema, ComplaintStatsSchema, ComplaintStatusSchema } from '../schemas/complaints';
import { caseRoutes, handleComplaintTracking, handleFiling } from './case-routes';
import { ComplaintInputSchema } from '../../complaints/input';
import { receiveComplaint } from '../../complaints/receive-complaint';
import { ComplaintStatsQuery, complaintStats } from '../../complaints/stats';

const { submit, track } = caseRoutes('举报投诉', {
  json: 'ComplaintInput',
  form: 'ComplaintForm',
  created: ComplaintCreatedSchema,
  status: ComplaintStatusSchema,
  conflict: 'conflict: the same submission is being filed at this moment',
});

const stats = createRoute({
  method: 'get',
  path: '/stats',
  summary: '举报投诉统计：按月、区、类别的收到、受理、办结件数和办结用时中位数（不足 5 件显示 "<5"）',
  request: { query: ComplaintStatsQuery },
  responses: {
    200: { description: 'Cells of the period, suppressed below 5', content: { 'application/json': { schema: ComplaintStatsSchema } } },
    422: errorResponse('Bad period or district'),
  },
});

const router = createRouter();
router.openAPIRegistry.register('ComplaintInput', ComplaintInputSchema);
router.openAPIRegistry.register('ComplaintForm', ComplaintFormSchema);

export const complaintsRoutes = router
  .openapi(stats, async (c) => c.json(await complaintStats(c.var.db, c.req.valid('query'), c.var.clock.today()), 200))
  .openapi(submit, (c) => handleFiling(c, receiveComplaint))
  .openapi(track, (c) => handleComplaintTracking(c, c.req.valid('param').reference));
