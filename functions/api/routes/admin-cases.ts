import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv } from '../router';
import { errorResponse } from '../errors';
import { attachmentDisposition } from '../../http/csv';
import { DomainError } from '../../domain/errors';
import { AttachmentIdParam, CaseReferenceParam, DecisionResultSchema, QueueSchema, StaffCaseSchema } from '../schemas/admin-cases';
import { AcceptanceInputSchema, ObjectionDecisionSchema, QueueQuerySchema, RepairDecisionSchema } from '../../admin/case-input';
import { adminRoute, COMPLAINT_HANDLERS, REVIEWERS } from '../staff-route';
import { assertMayOpenAttachment } from '../../complaints/staff';
import { findAttachment } from '../../db/queries/admin-cases';
import { decideAcceptance, decideObjection, decideRepair, loadStaffCase } from '../../admin/case-decisions';
import { loadCaseQueue } from '../../admin/queues';
import type { CaseKind } from '../../domain/vocabulary';
import { caseKindLabels } from '../../domain/labels';

const names = caseKindLabels;

const queue = (kind: CaseKind) =>
  adminRoute(REVIEWERS, {
    method: 'get',
    path: '/',
    summary: `${names[kind]}待办队列：按状态和期限筛选，逾期的排在最前`,
    request: { query: QueueQuerySchema },
    responses: {
      200: { description: 'One page of the queue; `sla` counts working days', content: { 'application/json': { schema: QueueSchema } } },
      422: errorResponse('Bad filter or paging'),
    },
  });

const detail = (kind: CaseKind) =>
  adminRoute(REVIEWERS, {
    method: 'get',
    path: '/{reference}',
    summary: `${names[kind]}办件：申请、附件、所涉信用记录和办理过程`,
    request: { params: CaseReferenceParam },
    responses: {
      200: {
        description: 'The case as staff see it (the timeline includes who acted)',
        content: { 'application/json': { schema: StaffCaseSchema } },
      },
      404: errorResponse('No such case'),
    },
  });

const decisionResponses = {
  200: {
    description: 'Decided; the timeline the company sees has a new entry',
    content: { 'application/json': { schema: DecisionResultSchema } },
  },
  400: errorResponse('Malformed JSON'),
  404: errorResponse('No such case'),
  409: errorResponse('The case or the record is no longer in a state that allows this decision'),
  422: errorResponse('Validation failed; see fields'),
  503: errorResponse('Working-day calendar missing for the deadline'),
};

const acceptance = (kind: CaseKind) =>
  adminRoute(REVIEWERS, {
    method: 'post',
    path: '/{reference}/acceptance',
    summary: `${names[kind]}受理或不予受理（完整性审查，2 个工作日内）`,
    request: { params: CaseReferenceParam, body: { required: true, content: { 'application/json': { schema: AcceptanceInputSchema } } } },
    responses: decisionResponses,
  });

const objectionDecision = adminRoute(REVIEWERS, {
  method: 'post',
  path: '/{reference}/decision',
  summary: '异议申诉办结：更正记录、撤销记录或维持原记录',
  request: { params: CaseReferenceParam, body: { required: true, content: { 'application/json': { schema: ObjectionDecisionSchema } } } },
  responses: decisionResponses,
});

const repairDecision = adminRoute(REVIEWERS, {
  method: 'post',
  path: '/{reference}/decision',
  summary: '信用修复办结：准予修复（终止公示并公布结果）或不予修复',
  request: { params: CaseReferenceParam, body: { required: true, content: { 'application/json': { schema: RepairDecisionSchema } } } },
  responses: decisionResponses,
});

const caseView = async (c: Context<AppEnv>, kind: CaseKind, reference: string) =>
  loadStaffCase(c.var.db, kind, reference, c.var.clock.today());

export const adminObjectionRoutes = createRouter()
  .openapi(queue('objection'), async (c) =>
    c.json(await loadCaseQueue(c.var.db, 'objection', c.req.valid('query'), c.var.clock.today()), 200),
  )
  .openapi(detail('objection'), async (c) => c.json(await caseView(c, 'objection', c.req.valid('param').reference), 200))
  .openapi(acceptance('objection'), async (c) =>
    c.json(
      await decideAcceptance(c.var.db, c.var.clock, c.get('staff'), 'objection', c.req.valid('param').reference, c.req.valid('json')),
      200,
    ),
  )
  .openapi(objectionDecision, async (c) =>
    c.json(await decideObjection(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').reference, c.req.valid('json')), 200),
  );

export const adminRepairRoutes = createRouter()
  .openapi(queue('repair'), async (c) => c.json(await loadCaseQueue(c.var.db, 'repair', c.req.valid('query'), c.var.clock.today()), 200))
  .openapi(detail('repair'), async (c) => c.json(await caseView(c, 'repair', c.req.valid('param').reference), 200))
  .openapi(acceptance('repair'), async (c) =>
    c.json(
      await decideAcceptance(c.var.db, c.var.clock, c.get('staff'), 'repair', c.req.valid('param').reference, c.req.valid('json')),
      200,
    ),
  )
  .openapi(repairDecision, async (c) =>
    c.json(await decideRepair(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').reference, c.req.valid('json')), 200),
  );

const attachment = adminRoute([...REVIEWERS, ...COMPLAINT_HANDLERS], {
  method: 'get',
  path: '/{id}',
  summary: '下载申请附件（仅限工作人员，一律作为附件下载）',
  request: { params: AttachmentIdParam },
  responses: {
    200: {
      description: 'The file as stored, with Content-Disposition: attachment',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    403: errorResponse('A complaint attachment is for the case handler only; other attachments for reviewers'),
    404: errorResponse('No such attachment'),
  },
});

export const adminAttachmentRoutes = createRouter().openapi(attachment, async (c) => {
  const db = c.var.db;
  const row = await findAttachment(db, c.req.valid('param').id);
  if (row) await assertMayOpenAttachment(db, c.get('staff'), row.reference);
  const object = row ? await c.env.FILES.get(row.storageKey) : null;
  if (!row || !object) throw new DomainError('not_found', 'not_found', '没有找到该附件。');
  // Never rendered inline: an uploaded file is the applicant's content, not ours.
  return new Response(object.body, {
    status: 200,
    headers: {
      'Content-Type': row.contentType,
      'Content-Length': String(row.size),
      'Content-Disposition': attachmentDisposition(row.fileName),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'no-store',
      ETag: `"${row.sha256}"`,
    },
  });
});
