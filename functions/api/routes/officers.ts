import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { OfficerCardSchema } from '../schemas/lists';
import { CertificateNoParam } from '../../disclosure/query-input';
import { officerCard, requireOfficer } from '../../disclosure/officer-lookup';

const one = createRoute({
  method: 'get',
  path: '/{certificateNo}',
  summary: '执法人员的公开身份信息（事中公示）：姓名、执法证号、执法单位、执法证状态，及选派其检查的已公布抽查任务',
  request: { params: CertificateNoParam },
  responses: {
    200: {
      description: 'The officer and the published draws that named them',
      content: { 'application/json': { schema: OfficerCardSchema } },
    },
    400: errorResponse('Not a certificate number (`invalid_certificate_no`): 10 to 14 digits, the issuing unit’s division code first'),
    404: errorResponse('Well-formed number of no officer'),
  },
});

export const officerRoutes = createRouter().openapi(one, async (c) => {
  const db = c.var.db;
  const row = await requireOfficer(db, c.req.valid('param').certificateNo);
  return c.json(await officerCard(db, row, c.var.clock.today()), 200);
});
