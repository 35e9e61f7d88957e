// Records entered by hand: drafts with their publication due date, publishing, withdrawal with a
// public notice — each audited with the staff member who did it.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  bodyOf,
  publicRecordOf,
  type ApiErrorBody,
  type AuditVerification,
  type StaffRecord,
  type StaffRecordList,
} from '../fixtures/api';
import { createAccessKeys, signAccessToken, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { addDays, addMonths } from '../../functions/domain/dates';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { addWorkingDays } from '../../functions/domain/working-days';
import { publicationEnd } from '../../functions/domain/publication';
import { today } from '../fixtures/today';

const uscc = makeUscc('MA01JL001');
let keys: AccessKeys;

async function publisher(method: 'GET' | 'POST', path: string, body?: unknown) {
  const headers: Record<string, string> = {
    'Cf-Access-Jwt-Assertion': await signAccessToken(keys, {
      audience: env.ACCESS_AUD,
      issuer: env.ACCESS_ISSUER,
      roles: ['publisher'],
      email: 'wang.fang@hrss.example',
    }),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return exports.default.fetch(`http://local/api/v1/admin/records${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

let n = 0;
const penalty = (over: Record<string, unknown> = {}) => ({
  uscc,
  kind: 'penalty',
  severity: 'general',
  title: '未按时足额支付劳动报酬',
  decisionNo: `京朝人社监罚字〔2026〕第 ${800 + ++n} 号`,
  authority: '北京市朝阳区人力资源和社会保障局',
  decidedOn: addDays(today, -3),
  violationType: '拖欠工资',
  facts: '拖欠 4 名劳动者 2026 年 9 月工资共计 3.1 万元，经责令限期支付后仍未支付。',
  legalBasis: '《劳动保障监察条例》第二十六条',
  penaltyTypes: ['罚款'],
  penaltyContent: '罚款人民币壹万伍仟元整',
  fineFen: 1_500_000,
  ...over,
});

const publicRecord = async (id: number) => (await publicRecordOf(uscc, id)) ?? null;

/** The columns of an audit entry a test reads. */
interface AuditRow {
  actor: string;
  action: string;
  after: string;
}

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, { uscc, name: '北京录入测试有限公司' });
});

describe('POST /api/v1/admin/records', () => {
  it('creates a draft with its 公示截止期 and the 7-working-day publication due date; the public does not see it', async () => {
    const body = penalty();
    const res = await publisher('POST', '', body);
    expect(res.status).toBe(201);
    const record = await res.json<StaffRecord>();
    expect(record).toMatchObject({
      uscc,
      enterpriseName: '北京录入测试有限公司',
      status: 'draft',
      decisionNo: body.decisionNo,
      publishUntil: publicationEnd(body.decidedOn, 'general'),
      publicationDue: addWorkingDays(defaultCalendar, body.decidedOn, 7).date,
      publicationLate: false,
      sourceKey: `penalty:${body.decisionNo}`,
      penaltyTypes: ['罚款'],
      fineFen: 1_500_000,
    });
    expect(await publicRecord(record.id)).toBeNull();

    const audit = await env.DB.prepare('SELECT actor, action, after FROM audit_log WHERE target = ?')
      .bind(`record:${record.id}`)
      .first<AuditRow>();
    expect(audit).toMatchObject({ actor: 'wang.fang@hrss.example', action: 'record.created' });
    expect(JSON.parse(audit!.after)).toMatchObject({ id: record.id, status: 'draft', decisionNo: body.decisionNo });
  });

  it('marks a draft whose publication is overdue and lists drafts first', async () => {
    // A draft still in time beside the late one, so that the list holds both kinds of draft.
    expect((await publisher('POST', '', penalty())).status).toBe(201);
    const late = await (await publisher('POST', '', penalty({ decidedOn: addDays(today, -30) }))).json<StaffRecord>();
    expect(late.publicationLate).toBe(true);
    const list = await (await publisher('GET', '?status=draft')).json<StaffRecordList>();
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.items.every((r) => r.status === 'draft' && r.publicationDue)).toBe(true);
    const all = await (await publisher('GET', `?uscc=${uscc.toLowerCase()}`)).json<StaffRecordList>();
    expect(all.items[0]!.status).toBe('draft');
  });

  it('says what is wrong, field by field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [penalty({ uscc: makeUscc('MA01JL999') }), 'uscc', /没有使用该代码登记/],
      [penalty({ uscc: '123' }), 'uscc', /18 位/],
      [penalty({ penaltyTypes: ['警告'] }), 'penaltyTypes', /警告/],
      [penalty({ decidedOn: addDays(today, 3) }), 'decidedOn', /晚于今天/],
      [penalty({ severity: 'minor', decidedOn: addMonths(today, -4) }), 'decidedOn', /届满/],
      [penalty({ facts: undefined }), 'facts', /主要违法事实/],
      [penalty({ fineFen: undefined }), 'fineFen', /罚款金额/],
      [penalty({ kind: 'wage_arrears_list', severity: 'general' }), 'severity', /严重/],
      [penalty({ decidedOn: '2026-02-30' }), 'decidedOn', /有效日期/],
    ];
    for (const [body, path, message] of cases) {
      const res = await publisher('POST', '', body);
      expect(res.status, path).toBe(422);
      const fields = (await res.json<ApiErrorBody>()).error.fields!;
      expect(fields.find((f) => f.path === path)?.message, `${path}: ${JSON.stringify(fields)}`).toMatch(message);
    }
  });

  it('refuses a second record for the same decision number', async () => {
    const body = penalty();
    expect((await publisher('POST', '', body)).status).toBe(201);
    const again = await publisher('POST', '', body);
    expect(again.status).toBe(422);
    expect((await again.json<ApiErrorBody>()).error.fields).toEqual([
      { path: 'decisionNo', message: expect.stringContaining('已有信用记录') },
    ]);
  });
});

describe('POST /api/v1/admin/records/{id}/publish and /withdraw', () => {
  it('publishes a draft: the profile and 事后公开 show it from today', async () => {
    const draft = await (await publisher('POST', '', penalty())).json<StaffRecord>();
    const res = await publisher('POST', `/${draft.id}/publish`);
    expect(res.status).toBe(200);
    expect(await res.json<StaffRecord>()).toMatchObject({ status: 'published', publishedOn: today, publicationDue: null });
    expect(await publicRecord(draft.id)).toMatchObject({ status: 'published', publishedAt: today, decisionNo: draft.decisionNo });
    const penalties = await bodyOf(await api.penalties.$get({ query: { q: uscc } }), 200);
    expect(penalties.items.map((p) => p.id)).toContain(draft.id);
    const again = await publisher('POST', `/${draft.id}/publish`);
    expect(again.status).toBe(409);
  });

  it('withdraws a published record: a notice with the reason, not silence', async () => {
    const draft = await (await publisher('POST', '', penalty())).json<StaffRecord>();
    await publisher('POST', `/${draft.id}/publish`);
    const noReason = await publisher('POST', `/${draft.id}/withdraw`, { reason: '' });
    expect(noReason.status).toBe(422);
    const reason = '该处罚决定已被人民法院判决撤销。';
    const res = await publisher('POST', `/${draft.id}/withdraw`, { reason });
    expect(res.status).toBe(200);
    expect(await publicRecord(draft.id)).toMatchObject({ status: 'withdrawn', detail: null, notice: { reason, on: today } });
    const penalties = await bodyOf(await api.penalties.$get({ query: { q: uscc } }), 200);
    expect(penalties.items.find((p) => p.id === draft.id)).toMatchObject({ status: 'withdrawn', withdrawal: { reason } });
    const actions = await env.DB.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY id')
      .bind(`record:${draft.id}`)
      .all<{ action: string }>();
    expect(actions.results.map((a) => a.action)).toEqual(['record.created', 'record.published', 'record.withdrawn']);
  });

  it('only withdraws what is published, and answers 404 for no such record', async () => {
    const draft = await (await publisher('POST', '', penalty())).json<StaffRecord>();
    expect((await publisher('POST', `/${draft.id}/withdraw`, { reason: '录入错误，应删除。' })).status).toBe(409);
    expect((await publisher('GET', '/999999')).status).toBe(404);
    expect((await publisher('GET', `/${draft.id}`)).status).toBe(200);
  });

  it('gives concurrent creations distinct ids and one unbroken audit chain', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => publisher('POST', '', penalty())));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const ids = await Promise.all(results.map(async (r) => (await r.json<StaffRecord>()).id));
    expect(new Set(ids).size).toBe(6);
    const admin = await signAccessToken(keys, { audience: env.ACCESS_AUD, issuer: env.ACCESS_ISSUER, roles: ['admin'] });
    const verify = await (
      await exports.default.fetch('http://local/api/v1/admin/audit/verify', { headers: { 'Cf-Access-Jwt-Assertion': admin } })
    ).json<AuditVerification>();
    expect(verify).toMatchObject({ ok: true, firstBreak: null });
  });
});
