import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../fixtures/api';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { exeBytes, file, pdfBytes } from '../fixtures/files';
import { today } from '../fixtures/today';
import {
  complaintBody as fixtureBody,
  newPhone,
  postComplaint,
  trackComplaint,
  type ComplaintCreated,
  type ComplaintProgress,
  type ComplaintStats,
} from '../fixtures/complaints';
import { addDays, addMonths } from '../../functions/domain/dates';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { complaintAcceptBy } from '../../functions/domain/complaint-rules';

type Created = ComplaintCreated;
type Progress = ComplaintProgress;
type Stats = ComplaintStats;

const uscc = makeUscc('MA01TC001');
const phone = () => newPhone('1392');
const complaintBody = (overrides: Record<string, unknown> = {}) =>
  fixtureBody(uscc, { complainant: { name: '赵小满', phone: phone(), email: 'zhaoxiaoman@example.com' }, ...overrides });
const post = postComplaint;
const track = trackComplaint;

const identityRows = async (reference: string) =>
  (
    await env.DB.prepare('SELECT p.* FROM complaint_complainants p JOIN complaints c ON c.id = p.complaint_id WHERE c.reference = ?')
      .bind(reference)
      .all<{ name: string; phone: string; email: string | null }>()
  ).results;

const complaintRow = (reference: string) =>
  env.DB.prepare('SELECT * FROM complaints WHERE reference = ?').bind(reference).first<Record<string, unknown>>();

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京投诉测试建筑有限公司', districtCode: '110105' });
});

describe('POST /api/v1/complaints', () => {
  it('files a 投诉, answers reference, access code and the 5-working-day acceptance deadline', async () => {
    const body = complaintBody();
    const res = await post(body);
    expect(res.status).toBe(201);
    const created = await res.json<Created>();
    expect(created.reference).toMatch(/^TS-\d{4}-[0-9A-Z]{6}$/);
    expect(created.accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const acceptBy = complaintAcceptBy(defaultCalendar, today);
    expect(created).toMatchObject({ status: 'received', acceptBy: acceptBy.date, acceptByProvisional: acceptBy.provisional });
    expect(created.joinedEarlierCase).toBe(false);
    // The identity is in its own table, and in no column of the case.
    expect(await identityRows(created.reference)).toMatchObject([{ name: '赵小满', phone: body.complainant.phone }]);
    const row = JSON.stringify(await complaintRow(created.reference));
    expect(row).not.toContain('赵小满');
    expect(row).not.toContain(body.complainant.phone);
    expect(row).not.toContain('zhaoxiaoman');
    expect(await complaintRow(created.reference)).toMatchObject({ district_code: '110105', status: 'received', received_on: today });
  });

  it('files an anonymous 举报 and stores no identity at all', async () => {
    const { complainant: _none, request: _r, ...anonymous } = complaintBody();
    const res = await post({
      ...anonymous,
      kind: 'report',
      category: 'child_labour',
      employer: { name: '某不知名餐馆', address: '通州区某路 8 号' },
    });
    expect(res.status).toBe(201);
    const created = await res.json<Created>();
    expect(created.reference).toMatch(/^JB-/);
    expect(await identityRows(created.reference)).toEqual([]);
    expect(await complaintRow(created.reference)).toMatchObject({
      employer_uscc: null,
      district_code: null,
      employer_name: '某不知名餐馆',
    });
  });

  it('refuses a 投诉 without a name and phone, or without a request, pointing at the fields', async () => {
    const { complainant: _c, request: _r, ...rest } = complaintBody();
    const res = await post(rest);
    expect(res.status).toBe(422);
    const { error } = await res.json<ApiErrorBody>();
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['complainant.name', 'request']));
    expect(error.fields?.find((f) => f.path === 'complainant.name')?.message).toContain('举报');
  });

  it('refuses a violation that ended more than 2 years ago (条例 第二十条) and one in the future', async () => {
    const old = await post(complaintBody({ violationPeriod: { from: addMonths(today, -40), to: addDays(addMonths(today, -24), -1) } }));
    expect(old.status).toBe(422);
    const oldBody = await old.json<ApiErrorBody>();
    expect(oldBody.error.fields).toEqual([{ path: 'violationPeriod.to', message: expect.stringContaining('第二十条') }]);
    // A continuing violation counts from its end: begun 3 years ago, ended a month ago, is in time.
    expect((await post(complaintBody({ violationPeriod: { from: addMonths(today, -36), to: addMonths(today, -1) } }))).status).toBe(201);
    // Told together with the other mistakes, not only once they are fixed.
    const both = await post(
      complaintBody({ category: undefined, violationPeriod: { from: addMonths(today, -40), to: addMonths(today, -30) } }),
    );
    expect((await both.json<ApiErrorBody>()).error.fields?.map((f) => f.path)).toEqual(['category', 'violationPeriod.to']);
    const future = await post(complaintBody({ violationPeriod: { from: addDays(today, 3) } }));
    expect(future.status).toBe(422);
    expect((await future.json<ApiErrorBody>()).error.fields?.[0]?.path).toBe('violationPeriod.from');
  });

  it('validates the kind, category, code and text sizes with Chinese messages', async () => {
    const res = await post(complaintBody({ kind: 'gripe', category: 'x', facts: '太短', employer: { uscc: '123', name: '' } }));
    expect(res.status).toBe(422);
    const paths = (await res.json<ApiErrorBody>()).error.fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'category', 'facts', 'employer.uscc', 'employer.name']));
    expect((await post('{"kind":')).status).toBe(400);
    expect((await post(complaintBody({ facts: '很'.repeat(3001) }))).status).toBe(422);
  });

  it('takes multipart with evidence checked by content, like objections', async () => {
    const form = (attachment: File) => {
      const f = new FormData();
      const b = complaintBody();
      f.set('kind', 'complaint');
      f.set('category', 'no_written_contract');
      f.set('employer.uscc', uscc);
      f.set('employer.name', b.employer.name);
      f.set('facts', b.facts);
      f.set('request', b.request);
      f.set('violationPeriod.from', b.violationPeriod.from);
      f.set('complainant.name', '钱多多');
      f.set('complainant.phone', phone());
      f.append('attachments', attachment);
      return f;
    };
    const bad = await exports.default.fetch('http://local/api/v1/complaints', { method: 'POST', body: form(file(exeBytes, 'wages.pdf')) });
    expect(bad.status).toBe(422);
    expect((await bad.json<ApiErrorBody>()).error.fields?.[0]?.message).toContain('不是 PDF');
    const good = await exports.default.fetch('http://local/api/v1/complaints', {
      method: 'POST',
      body: form(file(pdfBytes, '工资条.pdf')),
    });
    expect(good.status).toBe(201);
    const { reference } = await good.json<Created>();
    const files = await env.DB.prepare('SELECT file_name FROM attachments WHERE reference = ?').bind(reference).all();
    expect(files.results).toEqual([{ file_name: '工资条.pdf' }]);
  });

  it('replays a double submit with the same Idempotency-Key and refuses the key with another body', async () => {
    const key = crypto.randomUUID();
    const body = complaintBody();
    const first = await post(body, { 'Idempotency-Key': key });
    const again = await post(body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json<Created>()).toEqual(await first.json<Created>());
    const other = await post({ ...body, facts: `${body.facts}另外还有加班费未发。` }, { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect((await other.json<ApiErrorBody>()).error.code).toBe('idempotency_key_reused');
  });

  it('joins the same employer and category from the same contact within 30 days to the earlier case, with a note', async () => {
    const same = phone();
    const first = await (await post(complaintBody({ complainant: { name: '孙一', phone: same } }))).json<Created>();
    const second = await (await post(complaintBody({ complainant: { name: '孙一', phone: same } }))).json<Created>();
    expect(second.joinedEarlierCase).toBe(true);
    expect(second.reference).not.toBe(first.reference);
    const earlier = await (await track(first.reference, first.accessCode)).json<Progress>();
    expect(earlier.timeline.at(-1)?.note).toContain(second.reference);
    const joined = await (await track(second.reference, second.accessCode)).json<Progress>();
    expect(joined.status).toBe('joined');
    // Another category is another matter.
    const third = await (
      await post(complaintBody({ category: 'excessive_overtime', complainant: { name: '孙一', phone: same } }))
    ).json<Created>();
    expect(third.joinedEarlierCase).toBe(false);
  });
});

describe('GET /api/v1/complaints/{reference}', () => {
  it('shows status, deadline and timeline with the access code; a wrong code is an unknown reference', async () => {
    const created = await (await post(complaintBody())).json<Created>();
    const res = await track(created.reference, created.accessCode);
    expect(res.status).toBe(200);
    const progress = await res.json<Progress>();
    expect(progress).toMatchObject({ reference: created.reference, status: 'received', acceptBy: created.acceptBy, outcome: null });
    expect(progress.timeline).toEqual([{ at: expect.any(String), status: 'received', note: '已收到' }]);
    expect(JSON.stringify(progress)).not.toContain('赵小满');
    const wrong = await track(created.reference, 'AAAA-AAAA');
    expect(wrong.status).toBe(404);
    const unknown = await track('TS-2026-AAAAAA', created.accessCode);
    expect(await wrong.json()).toEqual(await unknown.json());
    // A complaint is not an objection.
    expect((await track(created.reference, created.accessCode, 'objections')).status).toBe(404);
  });
});

describe('GET /api/v1/complaints/stats', () => {
  it('shows "<5" for a cell of 4 and the count for 5', async () => {
    const four = makeUscc('MA01TC004', '110116');
    const five = makeUscc('MA01TC005', '110117');
    for (let i = 0; i < 4; i++)
      expect((await post(complaintBody({ category: 'illegal_dispatch', employer: { uscc: four, name: '怀柔派遣公司' } }))).status).toBe(
        201,
      );
    for (let i = 0; i < 5; i++)
      expect((await post(complaintBody({ category: 'illegal_dispatch', employer: { uscc: five, name: '平谷派遣公司' } }))).status).toBe(
        201,
      );
    const stats = async (district: string) => {
      const res = await exports.default.fetch(`http://local/api/v1/complaints/stats?district=${district}`);
      expect(res.status).toBe(200);
      return (await res.json<Stats>()).cells.filter((c) => c.category === 'illegal_dispatch');
    };
    const month = today.slice(0, 7);
    expect(await stats('110116')).toEqual([
      expect.objectContaining({ month, district: '怀柔区', received: '<5', accepted: '<5', closed: '<5', medianWorkingDaysToClose: null }),
    ]);
    expect(await stats('平谷区')).toEqual([expect.objectContaining({ month, district: '平谷区', received: 5, accepted: '<5' })]);
    const body = JSON.stringify(await (await exports.default.fetch('http://local/api/v1/complaints/stats')).json());
    expect(body).not.toContain('赵小满');
    expect(body).not.toContain('派遣公司');
  });

  it('refuses a bad period and an unknown district', async () => {
    const res = await exports.default.fetch(`http://local/api/v1/complaints/stats?from=${today}&to=${addDays(today, -1)}`);
    expect(res.status).toBe(422);
    expect((await exports.default.fetch('http://local/api/v1/complaints/stats?district=火星区')).status).toBe(422);
    expect((await exports.default.fetch(`http://local/api/v1/complaints/stats?from=${addMonths(today, -40)}`)).status).toBe(422);
  });
});
