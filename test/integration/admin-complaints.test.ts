// Staff handling of complaints (DOMAIN.md §10): the queue and its working-day deadlines, the
// decisions and what the complainant then sees, and the identity view — handler only, audited.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from '@hono/zod-openapi';
import type { ApiErrorBody } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { auditRows, staffApi } from '../fixtures/staff';
import { pdfBytes } from '../fixtures/files';
import {
  complaintBody,
  newPhone,
  postComplaint,
  trackComplaint,
  type ComplaintCreated,
  type ComplaintProgress,
} from '../fixtures/complaints';
import { today } from '../fixtures/today';
import { addMonths } from '../../functions/domain/dates';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { complaintInvestigateBy } from '../../functions/domain/complaint-rules';
import { workingDaysBetween } from '../../functions/domain/working-days';
import type { ComplaintQueueSchema, ComplainantViewSchema, StaffComplaintSchema } from '../../functions/api/schemas/admin-complaints';

type Queue = z.infer<typeof ComplaintQueueSchema>;
type StaffComplaint = z.infer<typeof StaffComplaintSchema>;
type ComplainantView = z.infer<typeof ComplainantViewSchema>;

const uscc = makeUscc('MA01TC101');
let keys: AccessKeys;
const handler = () => staffApi(keys, ['complaints'], 'handler.one@hrss.example');
const colleague = () => staffApi(keys, ['complaints'], 'handler.two@hrss.example');

async function file(overrides: Record<string, unknown> = {}) {
  const res = await postComplaint(complaintBody(uscc, { complainant: { name: '钱小英', phone: newPhone('1393') }, ...overrides }));
  expect(res.status).toBe(201);
  return res.json<ComplaintCreated>();
}

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, { uscc, name: '北京投诉承办测试有限公司' });
});

describe('GET /api/v1/admin/complaints', () => {
  it('lists open complaints with the 5-working-day acceptance deadline, to the complaints role only', async () => {
    const created = await file();
    const res = await handler()('GET', '/complaints?pageSize=100');
    expect(res.status).toBe(200);
    const queue = await res.json<Queue>();
    const item = queue.items.find((i) => i.reference === created.reference)!;
    expect(item).toMatchObject({ status: 'received', acceptBy: created.acceptBy, sla: { stage: 'accept', late: false } });
    expect(item.sla.workingDaysLeft).toBe(workingDaysBetween(defaultCalendar, today, created.acceptBy));
    expect(JSON.stringify(queue)).not.toContain('钱小英');
    for (const role of ['reviewer', 'publisher', 'admin']) expect((await staffApi(keys, [role])('GET', '/complaints')).status).toBe(403);
  });
});

describe('POST /api/v1/admin/complaints/{reference}/decision', () => {
  it('accepts (立案) with the 60-working-day investigation deadline, extends it by 30 once, closes with the outcome', async () => {
    const created = await file();
    const accept = await handler()('POST', `/complaints/${created.reference}/decision`, { decision: 'accept' });
    expect(accept.status).toBe(200);
    const investigateBy = complaintInvestigateBy(defaultCalendar, today, false);
    const view = async () => (await handler()('GET', `/complaints/${created.reference}`)).json<StaffComplaint>();
    expect(await view()).toMatchObject({
      status: 'accepted',
      filedOn: today,
      investigateBy: investigateBy.date,
      investigateByProvisional: investigateBy.provisional,
      handler: 'handler.one@hrss.example',
      sla: { stage: 'investigate', due: investigateBy.date },
    });
    const extend = await handler()('POST', `/complaints/${created.reference}/decision`, {
      decision: 'extend',
      reason: '涉及人数众多，需调取工地考勤记录',
    });
    expect(extend.status).toBe(200);
    expect((await view()).investigateBy).toBe(complaintInvestigateBy(defaultCalendar, today, true).date);
    const again = await handler()('POST', `/complaints/${created.reference}/decision`, {
      decision: 'extend',
      reason: '再次延长调查期限的理由',
    });
    expect(again.status).toBe(409);

    const penalty = await insertRecord(env.DB, { uscc, decidedOn: today, publishUntil: addMonths(today, 12) });
    const close = await handler()('POST', `/complaints/${created.reference}/decision`, {
      decision: 'close',
      outcome: '经调查属实，已责令补发拖欠工资 18,000 元，并依法作出行政处罚。',
      penaltyRecordId: penalty.id,
    });
    expect(close.status).toBe(200);
    expect(await view()).toMatchObject({ status: 'closed', closedOn: today, penaltyRecordId: penalty.id });

    // The named complainant sees the outcome through tracking; never who handled it.
    const progress = await (await trackComplaint(created.reference, created.accessCode)).json<ComplaintProgress>();
    expect(progress).toMatchObject({ status: 'closed', outcome: expect.stringContaining('补发拖欠工资') });
    expect(progress.timeline.map((e) => e.status)).toEqual(['received', 'accepted', 'accepted', 'closed']);
    expect(JSON.stringify(progress)).not.toContain('handler.one');
  });

  it('refuses with a reason, or transfers to another authority; an anonymous reporter sees the status but no outcome', async () => {
    const named = await file();
    const reject = await handler()('POST', `/complaints/${named.reference}/decision`, {
      decision: 'reject',
      reason: '属于劳动争议，请申请劳动仲裁',
    });
    expect(reject.status).toBe(200);
    expect(await (await trackComplaint(named.reference, named.accessCode)).json<ComplaintProgress>()).toMatchObject({
      status: 'not_accepted',
      outcome: '属于劳动争议，请申请劳动仲裁',
    });
    const anonymous = await file({ kind: 'report', complainant: undefined, request: undefined });
    const transfer = await handler()('POST', `/complaints/${anonymous.reference}/decision`, {
      decision: 'transfer',
      authority: '市市场监督管理局',
      reason: '所反映事项属市场监管职责',
    });
    expect(transfer.status).toBe(200);
    expect(await (await trackComplaint(anonymous.reference, anonymous.accessCode)).json<ComplaintProgress>()).toMatchObject({
      status: 'transferred',
      outcome: null,
    });
  });

  it('links only a penalty record of the same employer, and refuses decisions out of order', async () => {
    const created = await file();
    const otherEmployer = makeUscc('MA01TC102');
    await insertEnterprise(env.DB, { uscc: otherEmployer, name: '另一家单位' });
    const wrong = await insertRecord(env.DB, { uscc: otherEmployer, decidedOn: today, publishUntil: addMonths(today, 12) });
    const close = await handler()('POST', `/complaints/${created.reference}/decision`, {
      decision: 'close',
      outcome: '调查完毕，情况属实。',
    });
    expect(close.status).toBe(409);
    await handler()('POST', `/complaints/${created.reference}/decision`, { decision: 'accept' });
    const link = await handler()('POST', `/complaints/${created.reference}/decision`, {
      decision: 'link_penalty',
      penaltyRecordId: wrong.id,
    });
    expect(link.status).toBe(422);
    const bad = await handler()('POST', `/complaints/${created.reference}/decision`, { decision: 'close' });
    expect(bad.status).toBe(422);
    expect((await bad.json<ApiErrorBody>()).error.fields?.[0]?.path).toBe('outcome');
  });
});

describe('GET /api/v1/admin/complaints/{reference}/complainant', () => {
  it('shows the identity to the handler only, and puts every view in the audit log', async () => {
    const created = await file();
    const before = (await auditRows()).filter((r) => r.target === `complaint:${created.reference}`).length;
    const first = await handler()('GET', `/complaints/${created.reference}/complainant`);
    expect(first.status).toBe(200);
    expect((await first.json<ComplainantView>()).complainant).toMatchObject({ name: '钱小英' });
    expect((await handler()('GET', `/complaints/${created.reference}/complainant`)).status).toBe(200);
    const views = (await auditRows()).filter(
      (r) => r.target === `complaint:${created.reference}` && r.action === 'complaint.identity_viewed',
    );
    expect(views).toHaveLength(2);
    expect(views.map((v) => v.actor)).toEqual(['handler.one@hrss.example', 'handler.one@hrss.example']);
    expect(before).toBe(0);
    // The log records who looked, never what they saw.
    expect(JSON.stringify(views)).not.toContain('钱小英');
    // Another handler of the same role is not handling this case.
    const other = await colleague()('GET', `/complaints/${created.reference}/complainant`);
    expect(other.status).toBe(403);
    expect((await other.json<ApiErrorBody>()).error.code).toBe('not_case_handler');
    expect((await staffApi(keys, ['admin'])('GET', `/complaints/${created.reference}/complainant`)).status).toBe(403);
    // The case view carries no identity at all.
    expect(JSON.stringify(await (await handler()('GET', `/complaints/${created.reference}`)).json())).not.toContain('钱小英');
  });

  it('answers 404 for an anonymous report: there is no identity to show', async () => {
    const anonymous = await file({ kind: 'report', complainant: undefined, request: undefined });
    expect((await handler()('GET', `/complaints/${anonymous.reference}/complainant`)).status).toBe(404);
  });
});

describe('GET /api/v1/admin/attachments/{id} of a complaint', () => {
  it('lets the case handler download the evidence, and nobody else', async () => {
    const form = new FormData();
    const body = complaintBody(uscc);
    for (const [k, v] of Object.entries({
      kind: 'complaint',
      category: 'unpaid_wages',
      'employer.uscc': uscc,
      'employer.name': body.employer.name,
      facts: body.facts,
      request: body.request,
      'violationPeriod.from': body.violationPeriod.from,
      'complainant.name': '钱小英',
      'complainant.phone': newPhone('1395'),
    }))
      form.set(k, v);
    form.append('attachments', new File([pdfBytes], '工资条.pdf', { type: 'application/pdf' }));
    const res = await exports.default.fetch('http://local/api/v1/complaints', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const { reference } = await res.json<ComplaintCreated>();
    const view = await (await handler()('GET', `/complaints/${reference}`)).json<StaffComplaint>();
    const path = view.attachments[0]!.href.replace('/api/v1/admin', '');
    expect((await staffApi(keys, ['reviewer'])('GET', path)).status).toBe(403);
    expect((await handler()('GET', path)).status).toBe(200);
    // Once the handler has taken the case (by viewing the identity), a colleague is not let in.
    expect((await handler()('GET', `/complaints/${reference}/complainant`)).status).toBe(200);
    expect((await colleague()('GET', path)).status).toBe(403);
    expect((await handler()('GET', path)).status).toBe(200);
  });
});
