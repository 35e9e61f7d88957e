import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { CaseReferenceParam } from '../schemas/admin-cases';
import {
  ComplainantViewSchema,
  ComplaintDecisionResultSchema,
  ComplaintQueueSchema,
  StaffComplaintSchema,
} from '../schemas/admin-complaints';
import { adminRoute, COMPLAINT_HANDLERS } from '../staff-route';
import { ComplaintDecisionSchema, ComplaintQueueQuery } from '../../complaints/staff-input';
import { decideComplaint, loadComplaintQueue, loadStaffComplaint, viewComplainant } from '../../complaints/staff';

const queue = adminRoute(COMPLAINT_HANDLERS, {
  method: 'get',
  path: '/',
  summary: '举报投诉待办：受理期限（5 个工作日）和调查期限（60 个工作日，可延长 30 个）最近的在前',
  request: { query: ComplaintQueueQuery },
  responses: {
    200: { description: 'One page of the queue', content: { 'application/json': { schema: ComplaintQueueSchema } } },
    422: errorResponse('Bad filter or paging'),
  },
});

const detail = adminRoute(COMPLAINT_HANDLERS, {
  method: 'get',
  path: '/{reference}',
  summary: '举报投诉办件（不含投诉人身份）',
  request: { params: CaseReferenceParam },
  responses: {
    200: { description: 'The case without the identity', content: { 'application/json': { schema: StaffComplaintSchema } } },
    404: errorResponse('No such case'),
  },
});

const complainant = adminRoute(COMPLAINT_HANDLERS, {
  method: 'get',
  path: '/{reference}/complainant',
  summary: '查看投诉人身份（仅承办人；每次查看记入审计日志）',
  request: { params: CaseReferenceParam },
  responses: {
    200: { description: 'The identity; this view is in the audit log', content: { 'application/json': { schema: ComplainantViewSchema } } },
    404: errorResponse('No such case, or an anonymous report'),
    409: errorResponse('The case changed while being read; try again'),
  },
});

const decision = adminRoute(COMPLAINT_HANDLERS, {
  method: 'post',
  path: '/{reference}/decision',
  summary: '受理立案、不予受理、转办、延长调查期限、办结或关联处罚记录',
  request: {
    params: CaseReferenceParam,
    body: { required: true, content: { 'application/json': { schema: ComplaintDecisionSchema } } },
  },
  responses: {
    200: {
      description: 'Decided; the complainant sees a new timeline entry',
      content: { 'application/json': { schema: ComplaintDecisionResultSchema } },
    },
    400: errorResponse('Malformed JSON'),
    404: errorResponse('No such case'),
    409: errorResponse('The case is not in a state that allows this decision'),
    422: errorResponse('Validation failed; see fields'),
  },
});

export const adminComplaintRoutes = createRouter()
  .openapi(queue, async (c) => c.json(await loadComplaintQueue(c.var.db, c.req.valid('query'), c.var.clock.today()), 200))
  .openapi(detail, async (c) => c.json(await loadStaffComplaint(c.var.db, c.req.valid('param').reference, c.var.clock.today()), 200))
  .openapi(complainant, async (c) =>
    c.json(await viewComplainant(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').reference), 200),
  )
  .openapi(decision, async (c) =>
    c.json(await decideComplaint(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').reference, c.req.valid('json')), 200),
  );
