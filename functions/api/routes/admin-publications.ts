import { z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { adminRoute, PUBLISHERS } from '../staff-route';
import { publishQuarter } from '../../admin/violation-publications';
import { QuarterPublicationInputSchema } from '../../admin/publication-input';

const publish = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/publications',
  summary: '公布一个季度的重大劳动保障违法行为（人社部令第29号）：每个机关每季度一次，记入审计日志',
  request: { body: { required: true, content: { 'application/json': { schema: QuarterPublicationInputSchema } } } },
  responses: {
    201: {
      description: 'The publication and the ids of the records it made public (none when the quarter had nothing to publish)',
      content: {
        'application/json': {
          schema: z.object({
            publication: z.object({
              id: z.string(),
              bureauCode: z.string(),
              authority: z.string(),
              year: z.number().int(),
              quarter: z.number().int(),
              publishedOn: z.string(),
            }),
            entries: z.array(z.number().int()),
          }),
        },
      },
    },
    400: errorResponse('Malformed JSON'),
    409: errorResponse('The quarter is already published by this bureau, or a concurrent change'),
    422: errorResponse('Unknown bureau, a quarter not yet ended, or an entry without the fields of 第六条'),
  },
});

export const adminPublicationRoutes = createRouter().openapi(publish, async (c) =>
  c.json(await publishQuarter(c.var.db, c.var.clock, c.get('staff'), c.req.valid('json')), 201),
);
