import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { caseKindLabels } from '../../domain/labels';
import { errorResponse } from '../errors';
import { CaseSubjectSchema, RepairFormSchema } from '../schemas/cases';
import { RepairInputSchema } from '../../cases/input';
import { caseRoutes, handleSubmission, handleTracking } from './case-routes';
import { PageQuery } from '../../input/paging';
import { pageEnvelope } from '../schemas/page';
import { countPublishedRepairs, listPublishedRepairs } from '../../db/queries/open-data';

const { submit, track } = caseRoutes(caseKindLabels.repair, { json: 'RepairInput', form: 'RepairForm' });

const PublishedRepairSchema = CaseSubjectSchema.extend({
  decidedOn: z.string().nullable().openapi({ description: '修复决定日期' }),
  outcome: z.enum(['approved']),
}).openapi('PublishedRepair');

const published = createRoute({
  method: 'get',
  path: '/published',
  summary: '信用修复结果公示',
  request: { query: PageQuery },
  responses: {
    200: {
      description: 'Approved repairs, newest first',
      content: { 'application/json': { schema: pageEnvelope(PublishedRepairSchema) } },
    },
    422: errorResponse('Bad paging'),
  },
});

const router = createRouter();
router.openAPIRegistry.register('RepairInput', RepairInputSchema);
router.openAPIRegistry.register('RepairForm', RepairFormSchema);

export const repairsRoutes = router
  .openapi(published, async (c) => {
    const db = c.var.db;
    const paging = c.req.valid('query');
    const [rows, total] = await Promise.all([listPublishedRepairs(db, paging), countPublishedRepairs(db)]);
    return c.json({ items: rows.map(({ id: _id, ...r }) => ({ ...r, outcome: 'approved' as const })), total, ...paging }, 200);
  })
  .openapi(submit, (c) => handleSubmission(c, 'repair'))
  .openapi(track, (c) => handleTracking(c, 'repair', c.req.valid('param').reference));
