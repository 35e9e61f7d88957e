import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { AccessCodeHeader, CaseCreatedSchema, CaseStatusSchema, ObjectionFormSchema, ObjectionInputSchema, ReferenceParam } from '../schemas/cases';
import { submissionBodyLimit, submissionRateLimit } from '../middleware/submissions';
import { handleSubmission, handleTracking } from './case-routes';

const submit = createRoute({
  method: 'post',
  path: '/',
  summary: '提交异议申诉',
  middleware: [submissionRateLimit, submissionBodyLimit] as const,
  request: {
    body: {
      // Declared optional only so that each media type is validated on its own (a required body
      // would run the JSON schema over multipart requests too); a missing body still fails with 415.
      required: false,
      description: 'JSON, or multipart/form-data with files',
      content: {
        'application/json': { schema: ObjectionInputSchema },
        'multipart/form-data': { schema: ObjectionFormSchema },
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
  summary: '查询异议申诉办理进度',
  request: { params: ReferenceParam, headers: AccessCodeHeader },
  responses: {
    200: { description: 'Status and timeline', content: { 'application/json': { schema: CaseStatusSchema } } },
    404: errorResponse('Unknown reference or wrong access code (indistinguishable)'),
  },
});

export const objectionsRoutes = createRouter()
  .openapi(submit, (c) => handleSubmission(c, 'objection'))
  .openapi(track, (c) => handleTracking(c, 'objection', c.req.valid('param').reference));
