// Staff decisions on objections and repairs, each with its public effect: the company's timeline,
// the profile's flags, the record corrected or withdrawn, the repair result listed.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  bodyOf,
  publicRecordOf,
  type ApiErrorBody,
  type AuditVerification,
  type CaseCreated,
  type DecisionResult,
  type Queue,
  type StaffCase,
} from '../fixtures/api';
import { createAccessKeys, signAccessToken, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { pdfBytes } from '../fixtures/files';
import { objectionBody, repairForm } from '../fixtures/cases';
import { addDays, addMonths } from '../../functions/domain/dates';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { addWorkingDays } from '../../functions/domain/working-days';
import type { StaffRole } from '../../functions/auth/access';
import { today } from '../fixtures/today';
import { newClient } from '../fixtures/clients';

const uscc = makeUscc('MA01GL001');
let keys: AccessKeys;

const staffHeaders = async (role: StaffRole = 'reviewer', email = 'zhang.wei@hrss.example') => ({
  'Cf-Access-Jwt-Assertion': await signAccessToken(keys, { audience: env.ACCESS_AUD, issuer: env.ACCESS_ISSUER, roles: [role], email }),
});

async function staff(method: 'GET' | 'POST', path: string, body?: unknown, role: StaffRole = 'reviewer') {
  const headers: Record<string, string> = await staffHeaders(role);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return exports.default.fetch(`http://local/api/v1/admin${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const newRecord = async (over: Parameters<typeof insertRecord>[1] extends infer T ? Partial<T> : never = {}) =>
  (await insertRecord(env.DB, { uscc, severity: 'general', decidedOn: addMonths(today, -4), publishUntil: addMonths(today, 8), ...over }))
    .id;

async function fileObjection(recordId: number) {
  const res = await exports.default.fetch('http://local/api/v1/objections', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': newClient() },
    body: JSON.stringify(objectionBody(uscc, recordId)),
  });
  expect(res.status).toBe(201);
  return res.json<CaseCreated>();
}

async function fileRepair(recordId: number) {
  const res = await exports.default.fetch('http://local/api/v1/repairs', {
    method: 'POST',
    headers: { 'CF-Connecting-IP': newClient() },
    body: repairForm(uscc, recordId),
  });
  expect(res.status).toBe(201);
  return res.json<CaseCreated>();
}

/** What the company sees of its case with the reference and access code it was given. */
const publicTimeline = async (kind: 'objections' | 'repairs', c: CaseCreated) =>
  bodyOf(await api[kind][':reference'].$get({ param: { reference: c.reference }, header: { 'x-access-code': c.accessCode } }), 200);

/** The record as the public profile shows it (the tests read records the public sees). */
const publicRecord = async (recordId: number) => (await publicRecordOf(uscc, recordId))!;

const auditFor = (target: string) =>
  env.DB.prepare('SELECT actor, action, before, after FROM audit_log WHERE target = ? ORDER BY id')
    .bind(target)
    .all<{ actor: string; action: string; before: string | null; after: string | null }>();

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, { uscc, name: '北京决定测试有限公司' });
});

describe('GET /api/v1/admin/objections (queue)', () => {
  it('lists open cases late first, with the SLA in working days', async () => {
    const onTime = await fileObjection(await newRecord());
    const late = await fileObjection(await newRecord());
    // The later one missed its acceptance deadline.
    const past = addDays(today, -10);
    await env.DB.prepare('UPDATE objections SET accept_by = ? WHERE reference = ?').bind(past, late.reference).run();

    const res = await staff('GET', '/objections');
    expect(res.status).toBe(200);
    const body = await res.json<Queue>();
    expect(body.items[0]).toMatchObject({ reference: late.reference, status: 'received', sla: { stage: 'accept', due: past, late: true } });
    expect(body.items[0]!.sla.workingDaysLeft).toBeLessThan(0);
    expect(body.items[0]!.sla.label).toMatch(/^受理逾期 \d+ 个工作日$/);
    const fresh = body.items.find((i) => i.reference === onTime.reference)!;
    expect(fresh.sla).toMatchObject({ stage: 'accept', due: onTime.acceptBy, late: false, workingDaysLeft: 2 });
    expect(fresh.enterpriseName).toBe('北京决定测试有限公司');

    const overdueOnly = await (await staff('GET', '/objections?overdue=true')).json<Queue>();
    expect(overdueOnly.items.map((i) => i.reference)).toEqual([late.reference]);
    const dueSoon = await (await staff('GET', `/objections?dueBy=${addDays(today, -1)}`)).json<Queue>();
    expect(dueSoon.items.map((i) => i.reference)).toEqual([late.reference]);
    const closed = await (await staff('GET', '/objections?status=closed')).json<Queue>();
    expect(closed.items.every((i) => i.status === 'closed')).toBe(true);
  });

  it('rejects a bad filter with 422', async () => {
    expect((await staff('GET', '/objections?status=lost')).status).toBe(422);
    expect((await staff('GET', '/objections?dueBy=2026-02-30')).status).toBe(422);
  });
});

describe('GET /api/v1/admin/repairs/{reference} and attachments', () => {
  it('shows the application, the record concerned, the files and the timeline', async () => {
    const recordId = await newRecord({ title: '修复案卷测试记录' });
    const filed = await fileRepair(recordId);
    const res = await staff('GET', `/repairs/${filed.reference.toLowerCase()}`);
    expect(res.status).toBe(200);
    const body = await res.json<StaffCase>();
    expect(body).toMatchObject({
      kind: 'repair',
      reference: filed.reference,
      status: 'received',
      applicant: { name: '吴婷', email: 'wuting@example.com' },
      enterprise: { uscc, name: '北京决定测试有限公司' },
      record: { id: recordId, title: '修复案卷测试记录', status: 'published' },
      sla: { stage: 'accept' },
      timeline: [{ status: 'received', note: '申请已提交', actor: null }],
    });
    expect(body.attachments.map((a) => [a.role, a.fileName])).toEqual([
      ['commitment', '信用修复承诺书.pdf'],
      ['evidence', '缴款凭证.jpg'],
    ]);

    const download = await exports.default.fetch(`http://local${body.attachments[0]!.href}`, { headers: await staffHeaders('reviewer') });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent('信用修复承诺书.pdf')}`,
    );
    expect(download.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);

    expect((await exports.default.fetch(`http://local${body.attachments[0]!.href}`)).status).toBe(401);
    expect(
      (await exports.default.fetch(`http://local${body.attachments[0]!.href}`, { headers: await staffHeaders('publisher') })).status,
    ).toBe(403);
  });

  it('answers 404 for an unknown reference or one of the other kind', async () => {
    const filed = await fileObjection(await newRecord());
    expect((await staff('GET', '/repairs/XF-2026-AAAAAA')).status).toBe(404);
    expect((await staff('GET', `/repairs/${filed.reference}`)).status).toBe(404);
  });
});

describe('POST /api/v1/admin/{kind}/{reference}/acceptance', () => {
  it('accepts: the decision deadline counts 10 working days from today, the company sees it', async () => {
    const filed = await fileObjection(await newRecord());
    const res = await staff('POST', `/objections/${filed.reference}/acceptance`, { decision: 'accept' });
    expect(res.status).toBe(200);
    const decideBy = addWorkingDays(defaultCalendar, today, 10);
    expect(await res.json<DecisionResult>()).toEqual({
      reference: filed.reference,
      status: 'accepted',
      outcome: null,
      decideBy: decideBy.date,
      decideByProvisional: decideBy.provisional,
    });

    const timeline = await publicTimeline('objections', filed);
    expect(timeline.status).toBe('accepted');
    expect(timeline.timeline.at(-1)).toMatchObject({ status: 'accepted', note: expect.stringContaining('已受理') });
    expect(JSON.stringify(timeline)).not.toContain('zhang.wei');

    const audit = await auditFor(`objection:${filed.reference}`);
    expect(audit.results).toEqual([expect.objectContaining({ actor: 'zhang.wei@hrss.example', action: 'objection.accepted' })]);
    expect(JSON.parse(audit.results[0]!.before!)).toEqual({ case: expect.objectContaining({ status: 'received' }) });
  });

  it('does not accept: reason required, the case ends and the 异议处理中 flag goes', async () => {
    const recordId = await newRecord();
    const filed = await fileObjection(recordId);
    expect((await publicRecord(recordId)).flags).toContain('objection_pending');

    const missing = await staff('POST', `/objections/${filed.reference}/acceptance`, { decision: 'reject' });
    expect(missing.status).toBe(422);
    expect((await missing.json<ApiErrorBody>()).error.fields![0]!.path).toBe('reason');

    const res = await staff('POST', `/objections/${filed.reference}/acceptance`, {
      decision: 'reject',
      reason: '未提交加盖公章的异议申诉信用承诺书。',
    });
    expect(res.status).toBe(200);
    expect((await res.json<DecisionResult>()).status).toBe('not_accepted');
    expect((await publicRecord(recordId)).flags).not.toContain('objection_pending');
    expect((await publicTimeline('objections', filed)).timeline.at(-1)!.note).toContain('未提交加盖公章的异议申诉信用承诺书');
  });

  it('answers 409 when the case is no longer waiting for acceptance', async () => {
    const filed = await fileObjection(await newRecord());
    expect((await staff('POST', `/objections/${filed.reference}/acceptance`, { decision: 'accept' })).status).toBe(200);
    const again = await staff('POST', `/objections/${filed.reference}/acceptance`, { decision: 'accept' });
    expect(again.status).toBe(409);
    expect((await again.json<ApiErrorBody>()).error.code).toBe('case_state');
  });
});

async function acceptedObjection(recordId: number) {
  const filed = await fileObjection(recordId);
  expect((await staff('POST', `/objections/${filed.reference}/acceptance`, { decision: 'accept' })).status).toBe(200);
  return filed;
}

describe('POST /api/v1/admin/objections/{reference}/decision', () => {
  it('refuses a decision before acceptance', async () => {
    const filed = await fileObjection(await newRecord());
    const res = await staff('POST', `/objections/${filed.reference}/decision`, { outcome: 'kept', reason: '原记录与处罚决定书一致。' });
    expect(res.status).toBe(409);
  });

  it('keeps the record: reasons in writing, the flag goes, the record stays as it was', async () => {
    const recordId = await newRecord({ title: '维持测试记录' });
    const filed = await acceptedObjection(recordId);
    const res = await staff('POST', `/objections/${filed.reference}/decision`, {
      outcome: 'kept',
      reason: '经核对处罚决定书原件，记载内容准确。',
    });
    expect(res.status).toBe(200);
    expect(await res.json<DecisionResult>()).toMatchObject({ status: 'closed', outcome: 'kept' });
    const record = await publicRecord(recordId);
    expect(record).toMatchObject({ status: 'published', title: '维持测试记录', flags: [] });
    const timeline = await publicTimeline('objections', filed);
    expect(timeline).toMatchObject({ status: 'closed' });
    expect(timeline.timeline.at(-1)!.note).toContain('维持原信用记录。理由：经核对处罚决定书原件，记载内容准确。');
  });

  it('corrects the record: new values, a correction note, the 已更正 flag, and the period follows the corrected date', async () => {
    const recordId = await newRecord({ title: '拖欠 13 名劳动者工资', facts: '拖欠 13 名劳动者工资 4.2 万元' });
    const filed = await acceptedObjection(recordId);
    const decidedOn = addMonths(today, -2);
    const res = await staff('POST', `/objections/${filed.reference}/decision`, {
      outcome: 'corrected',
      correctionNote: '拖欠人数更正为 3 人。',
      changes: { title: '拖欠 3 名劳动者工资', facts: '拖欠 3 名劳动者工资 4.2 万元', decidedOn },
    });
    expect(res.status).toBe(200);
    const record = await publicRecord(recordId);
    expect(record).toMatchObject({
      status: 'published',
      title: '拖欠 3 名劳动者工资',
      decidedAt: decidedOn,
      publishUntil: addMonths(decidedOn, 12),
      flags: ['corrected'],
    });
    expect(record.detail).toMatchObject({ facts: '拖欠 3 名劳动者工资 4.2 万元', correctionNote: '拖欠人数更正为 3 人。' });
    expect((await publicTimeline('objections', filed)).timeline.at(-1)!.note).toContain('信用记录已更正');

    const [entry] = (await auditFor(`objection:${filed.reference}`)).results.filter((e) => e.action === 'objection.corrected');
    expect(JSON.parse(entry!.before!).record).toMatchObject({ id: recordId, title: '拖欠 13 名劳动者工资' });
    expect(JSON.parse(entry!.after!).record).toMatchObject({
      id: recordId,
      title: '拖欠 3 名劳动者工资',
      correctionNote: '拖欠人数更正为 3 人。',
    });
  });

  it('refuses a correction that would end the publication period, pointing to the field', async () => {
    const filed = await acceptedObjection(await newRecord());
    const res = await staff('POST', `/objections/${filed.reference}/decision`, {
      outcome: 'corrected',
      correctionNote: '决定日期更正。',
      changes: { decidedOn: addMonths(today, -14) },
    });
    expect(res.status).toBe(422);
    expect((await res.json<ApiErrorBody>()).error.fields![0]).toMatchObject({
      path: 'changes.decidedOn',
      message: expect.stringContaining('届满'),
    });
    expect(
      (await staff('POST', `/objections/${filed.reference}/decision`, { outcome: 'corrected', correctionNote: '没有改动。', changes: {} }))
        .status,
    ).toBe(422);
  });

  it('withdraws the record: the public sees a withdrawal notice with the reason, not the facts', async () => {
    const recordId = await newRecord({ decisionNo: '京朝人社监罚字〔2026〕第 501 号' });
    const filed = await acceptedObjection(recordId);
    const reason = '该处罚决定已被行政复议决定撤销。';
    const res = await staff('POST', `/objections/${filed.reference}/decision`, { outcome: 'withdrawn', reason });
    expect(res.status).toBe(200);
    expect(await publicRecord(recordId)).toMatchObject({ status: 'withdrawn', detail: null, notice: { reason, on: today }, flags: [] });
    const penalties = await bodyOf(await api.penalties.$get({ query: { q: uscc } }), 200);
    expect(penalties.items.find((p) => p.id === recordId)).toMatchObject({
      status: 'withdrawn',
      facts: null,
      withdrawal: { reason, on: today },
    });
    expect((await publicTimeline('objections', filed)).timeline.at(-1)!.note).toContain(reason);
  });

  it('lets only one of two simultaneous decisions land, and the audit chain stays whole', async () => {
    const filed = await acceptedObjection(await newRecord());
    const [a, b] = await Promise.all([
      staff('POST', `/objections/${filed.reference}/decision`, { outcome: 'kept', reason: '第一位审核员：记录准确。' }),
      staff('POST', `/objections/${filed.reference}/decision`, { outcome: 'withdrawn', reason: '第二位审核员：应当撤销。' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decisions = (await auditFor(`objection:${filed.reference}`)).results.filter((e) => e.action !== 'objection.accepted');
    expect(decisions).toHaveLength(1);
    const events = await env.DB.prepare("SELECT count(*) AS n FROM case_events WHERE reference = ? AND status = 'closed'")
      .bind(filed.reference)
      .first<{ n: number }>();
    expect(events!.n).toBe(1);
    const verify = await (await staff('GET', '/audit/verify', undefined, 'admin')).json<AuditVerification>();
    expect(verify).toMatchObject({ ok: true, firstBreak: null });
  });
});

async function acceptedRepair(recordId: number) {
  const filed = await fileRepair(recordId);
  expect((await staff('POST', `/repairs/${filed.reference}/acceptance`, { decision: 'accept' })).status).toBe(200);
  return filed;
}

describe('POST /api/v1/admin/repairs/{reference}/decision', () => {
  it('approves: publication stops, the profile shows a repaired notice, the repair result is listed', async () => {
    const recordId = await newRecord({ title: '修复通过测试记录', decisionNo: '京朝人社监罚字〔2026〕第 601 号' });
    const filed = await acceptedRepair(recordId);
    expect((await publicRecord(recordId)).flags).toContain('repair_pending');
    const res = await staff('POST', `/repairs/${filed.reference}/decision`, { outcome: 'approved' });
    expect(res.status).toBe(200);
    expect(await res.json<DecisionResult>()).toMatchObject({ status: 'closed', outcome: 'approved' });

    expect(await publicRecord(recordId)).toMatchObject({ status: 'repaired', detail: null, flags: [], notice: { on: today } });
    const published = await bodyOf(await api.repairs.published.$get({ query: {} }), 200);
    expect(published.items).toContainEqual(
      expect.objectContaining({
        uscc,
        recordId,
        recordTitle: '修复通过测试记录',
        decisionNo: '京朝人社监罚字〔2026〕第 601 号',
        decidedOn: today,
        outcome: 'approved',
      }),
    );
    expect((await publicTimeline('repairs', filed)).timeline.at(-1)!.note).toContain('准予信用修复');
  });

  it('rejects with reasons in writing: the record stays published, the 修复中 flag goes', async () => {
    const recordId = await newRecord();
    const filed = await acceptedRepair(recordId);
    const res = await staff('POST', `/repairs/${filed.reference}/decision`, {
      outcome: 'rejected',
      reason: '罚款尚未缴清，不符合信用修复条件。',
    });
    expect(res.status).toBe(200);
    expect(await publicRecord(recordId)).toMatchObject({ status: 'published', flags: [] });
    const published = await bodyOf(await api.repairs.published.$get({ query: {} }), 200);
    expect(published.items.some((i) => i.recordId === recordId)).toBe(false);
    expect((await publicTimeline('repairs', filed)).timeline.at(-1)!.note).toContain('罚款尚未缴清');
  });

  it('refuses to approve when the record is no longer published', async () => {
    const recordId = await newRecord();
    const filed = await acceptedRepair(recordId);
    await env.DB.prepare("UPDATE credit_records SET status = 'expired' WHERE id = ?").bind(recordId).run();
    const res = await staff('POST', `/repairs/${filed.reference}/decision`, { outcome: 'approved' });
    expect(res.status).toBe(409);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('record_state');
  });
});
