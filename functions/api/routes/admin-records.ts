import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { RecordIdParam, StaffRecordListSchema, StaffRecordSchema } from '../schemas/admin-records';
import { RecordInputSchema, RecordListQuery, WithdrawInputSchema } from '../../admin/record-input';
import { adminRoute, PUBLISHERS } from '../staff-route';
import { listStaffRecords } from '../../db/queries/admin-records';
import { createRecord, loadStaffRecord, publishRecord, toStaffRecord, withdrawRecord } from '../../admin/records';
import { parseUscc } from '../../domain/uscc';

const list = adminRoute(PUBLISHERS, {
  method: 'get',
  path: '/',
  summary: '信用记录（含草稿、已撤销、已修复、已到期），草稿在前',
  request: { query: RecordListQuery },
  responses: {
    200: {
      description: 'One page of records; drafts of penalties show their publication due date',
      content: { 'application/json': { schema: StaffRecordListSchema } },
    },
    422: errorResponse('Bad filter or paging'),
  },
});

const one = adminRoute(PUBLISHERS, {
  method: 'get',
  path: '/{id}',
  summary: '一条信用记录',
  request: { params: RecordIdParam },
  responses: {
    200: { description: 'The record', content: { 'application/json': { schema: StaffRecordSchema } } },
    404: errorResponse('No such record'),
  },
});

const create = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/',
  summary: '手工录入信用记录（草稿）',
  request: { body: { required: true, content: { 'application/json': { schema: RecordInputSchema } } } },
  responses: {
    201: { description: 'Created as a draft', content: { 'application/json': { schema: StaffRecordSchema } } },
    400: errorResponse('Malformed JSON'),
    409: errorResponse('Concurrent change; retry'),
    422: errorResponse('Validation failed, unknown employer, rule violated or decision number already used'),
  },
});

const publish = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/{id}/publish',
  summary: '发布草稿（公开公示）',
  request: { params: RecordIdParam },
  responses: {
    200: { description: 'Published', content: { 'application/json': { schema: StaffRecordSchema } } },
    404: errorResponse('No such record'),
    409: errorResponse('Not a draft'),
    422: errorResponse('The record may no longer be published (e.g. its period has ended)'),
  },
});

const withdraw = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/{id}/withdraw',
  summary: '撤销公示中的记录（公众看到撤销说明）',
  request: { params: RecordIdParam, body: { required: true, content: { 'application/json': { schema: WithdrawInputSchema } } } },
  responses: {
    200: {
      description: 'Withdrawn; the public sees the notice with the reason',
      content: { 'application/json': { schema: StaffRecordSchema } },
    },
    400: errorResponse('Malformed JSON'),
    404: errorResponse('No such record'),
    409: errorResponse('Not published'),
    422: errorResponse('Reason missing'),
  },
});

export const adminRecordRoutes = createRouter()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    const code = q.uscc ? parseUscc(q.uscc) : null;
    const today = c.var.clock.today();
    const { rows, total } = await listStaffRecords(
      c.var.db,
      { status: q.status ?? null, kind: q.kind ?? null, uscc: code?.ok ? code.code : (q.uscc ?? null) },
      q,
    );
    return c.json({ items: rows.map((r) => toStaffRecord(r.record, r.enterprise, today)), total, page: q.page, pageSize: q.pageSize }, 200);
  })
  .openapi(one, async (c) => c.json(await loadStaffRecord(c.var.db, c.req.valid('param').id, c.var.clock.today()), 200))
  .openapi(create, async (c) => c.json(await createRecord(c.var.db, c.var.clock, c.get('staff'), c.req.valid('json')), 201))
  .openapi(publish, async (c) => c.json(await publishRecord(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').id), 200))
  .openapi(withdraw, async (c) =>
    c.json(await withdrawRecord(c.var.db, c.var.clock, c.get('staff'), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
