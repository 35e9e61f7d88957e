import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { AccessCodeHeader, CaseCreatedSchema, CaseStatusSchema, RepairFormSchema, RepairInputSchema, ReferenceParam } from '../schemas/cases';
import { submissionBodyLimit, submissionRateLimit } from '../middleware/submissions';
import { handleSubmission, handleTracking } from './case-routes';
import { PageQuery, pageEnvelope } from '../schemas/pagination';
import { z } from '@hono/zod-openapi';
import { getDb } from '../../db/client';
import { countPublishedRepairs, listPublishedRepairs } from '../../db/queries/open-data';

const submit = createRoute({
  method: 'post',
  path: '/',
  summary: '提交信用修复申请',
  middleware: [submissionRateLimit, submissionBodyLimit] as const,
  request: {
    body: {
      // Declared optional only so that each media type is validated on its own (a required body
      // would run the JSON schema over multipart requests too); a missing body still fails with 415.
      required: false,
      description: 'JSON, or multipart/form-data with files',
      content: {
        'application/json': { schema: RepairInputSchema },
        'multipart/form-data': { schema: RepairFormSchema },
      },
    },
  },
  responses: {
    201: { description: 'Received; the access code is shown only in this response', content: { 'application/json': { schema: CaseCreatedSchema } } },
    200: { description: 'The same Idempotency-Key was used before: the original case, unchanged', content: { 'application/json': { schema: CaseCreatedSchema } } },
    400: errorResponse('Malformed JSON or form'),
    413: errorResponse('Body too large'),
    415: errorResponse('Neither JSON nor multipart'),
    422: errorResponse('Validation failed; see fields'),
    429: errorResponse('Too many submissions from this client; see Retry-After'),
    503: errorResponse('Storage or working-day calendar unavailable; nothing was stored'),
  },
});

const track = createRoute({
  method: 'get',
  path: '/{reference}',
  summary: '查询信用修复申请办理进度',
  request: { params: ReferenceParam, headers: AccessCodeHeader },
  responses: {
    200: { description: 'Status and timeline', content: { 'application/json': { schema: CaseStatusSchema } } },
    404: errorResponse('Unknown reference or wrong access code (indistinguishable)'),
  },
});

const PublishedRepairSchema = z
  .object({
    uscc: z.string(),
    enterpriseName: z.string(),
    recordId: z.number().int(),
    recordTitle: z.string(),
    decisionNo: z.string().nullable(),
    decidedOn: z.string().nullable().openapi({ description: '修复决定日期' }),
    outcome: z.enum(['approved']),
  })
  .openapi('PublishedRepair');

const published = createRoute({
  method: 'get',
  path: '/published',
  summary: '信用修复结果公示',
  request: { query: PageQuery },
  responses: {
    200: { description: 'Approved repairs, newest first', content: { 'application/json': { schema: pageEnvelope(PublishedRepairSchema) } } },
    422: errorResponse('Bad paging'),
  },
});

export const repairsRoutes = createRouter()
  .openapi(published, async (c) => {
    const db = getDb(c.env.DB);
    const paging = c.req.valid('query');
    const [rows, total] = await Promise.all([listPublishedRepairs(db, paging), countPublishedRepairs(db)]);
    return c.json({ items: rows.map(({ id: _id, ...r }) => ({ ...r, outcome: 'approved' as const })), total, ...paging }, 200);
  })
  .openapi(submit, (c) => handleSubmission(c, 'repair'))
  .openapi(track, (c) => handleTracking(c, 'repair', c.req.valid('param').reference));
