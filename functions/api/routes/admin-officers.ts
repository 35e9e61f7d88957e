import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { OfficerSchema } from '../schemas/lists';
import { CertificateNoParam } from '../../disclosure/query-input';
import { adminRoute, ADMINS } from '../staff-route';
import { changeOfficerStatus } from '../../admin/officers';
import { OfficerStatusInputSchema } from '../../admin/officer-input';

const status = adminRoute(ADMINS, {
  method: 'post',
  path: '/{certificateNo}/status',
  summary: '变更执法证状态（有效、暂停执法、已失效），记入审计日志',
  request: {
    params: CertificateNoParam,
    body: { required: true, content: { 'application/json': { schema: OfficerStatusInputSchema } } },
  },
  responses: {
    200: { description: 'The officer as the public now sees them', content: { 'application/json': { schema: OfficerSchema } } },
    400: errorResponse('Malformed JSON or certificate number'),
    404: errorResponse('No such officer'),
    409: errorResponse('Already in that status, a lapsed certificate made valid, or a concurrent change'),
    422: errorResponse('Unknown status or reason missing'),
  },
});

export const adminOfficerRoutes = createRouter().openapi(status, async (c) => {
  const { certificateNo } = c.req.valid('param');
  return c.json(await changeOfficerStatus(c.var.db, c.var.clock, c.get('staff'), certificateNo, c.req.valid('json')), 200);
});
