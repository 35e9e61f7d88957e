// 执法人员 in D1 as the one source (DOMAIN.md §7, §8): anyone verifies an officer by certificate
// number and reads the standing in words; a published draw names its inspectors by that number,
// each of whom resolves here; staff change a status, audited, and the draw follows it.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf, type ApiErrorBody, type Officer } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { insertSamplingItem, insertSamplingTask } from '../fixtures/sampling';
import { auditRows, staffApi } from '../fixtures/staff';
import { getDb } from '../../functions/db/client';
import { inspectors } from '../../functions/db/schema';
import { commitTaskSeed, drawTask } from '../../functions/admin/draws';
import { clockOn } from '../../functions/domain/clock';
import { addDays, addMonths } from '../../functions/domain/dates';
import type { DrawRecord } from '../../functions/domain/draw';
import { today } from '../fixtures/today';

const officer = (certificateNo: string) => api.officers[':certificateNo'].$get({ param: { certificateNo } });
const STAFF = 'officers.test@hrss.example';
const unit = '北京市丰台区劳动保障监察大队';
const valid = { validFrom: addMonths(today, -24), validUntil: addMonths(today, 36) };

const OFFICERS = [
  { id: 'FT-01', name: '丰台检查员甲', certificateNo: '1101060101', ...valid },
  { id: 'FT-02', name: '丰台检查员乙', certificateNo: '1101060102', ...valid },
  { id: 'FT-03', name: '丰台检查员丙', certificateNo: '1101060103', ...valid },
  { id: 'FT-04', name: '丰台检查员丁', certificateNo: '1101060104', ...valid },
  // Lapsed yesterday: expired in words, whatever is stored.
  { id: 'FT-05', name: '过期检查员', certificateNo: '1101060105', validFrom: addMonths(today, -60), validUntil: addDays(today, -1) },
  {
    id: 'FT-06',
    name: '暂停检查员',
    certificateNo: '1101060106',
    ...valid,
    status: 'suspended' as const,
    statusSince: addDays(today, -10),
  },
];
const employers = Array.from({ length: 12 }, (_, i) => makeUscc(`MA01FT${String(i).padStart(3, '0')}`, '110106'));

let keys: AccessKeys;
let record: DrawRecord;

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  const db = getDb(env.DB);
  await db.insert(inspectors).values(OFFICERS.map((o) => ({ ...o, unit })));
  for (const [i, uscc] of employers.entries())
    await insertEnterprise(env.DB, { uscc, name: `北京丰台抽查对象${i}号有限公司`, districtCode: '110106', grade: 'B' });
  await insertSamplingItem(env.DB, 'SX-FT');
  await insertSamplingTask(env.DB, {
    id: 'SJ-FT-001',
    itemId: 'SX-FT',
    status: 'planned',
    planPublishedOn: null,
    drawnOn: null,
    scope: { districts: ['110106'], industries: [] },
    ratios: { B: 5000 },
  });
  await commitTaskSeed(db, clockOn(today), STAFF, 'SJ-FT-001');
  await drawTask(db, clockOn(today), env.FILES, STAFF, 'SJ-FT-001', { beacon: null });
  record = await bodyOf(await api.sampling.tasks[':taskId'].draw.$get({ param: { taskId: 'SJ-FT-001' } }), 200);
});

describe('GET /api/v1/officers/{certificateNo}', () => {
  it('names every inspector of a published draw by a certificate number that resolves to an officer', async () => {
    const named = new Set(record.assignments.flatMap((a) => a.inspectorIds));
    expect(named.size).toBeGreaterThan(1);
    for (const certificateNo of named) {
      const body = await bodyOf(await officer(certificateNo), 200);
      expect(body.officer.certificateNo).toBe(certificateNo);
      expect(body.tasks.map((t) => t.id)).toContain('SJ-FT-001');
      const assigned = record.assignments.filter((a) => a.inspectorIds.includes(certificateNo)).length;
      expect(body.tasks.find((t) => t.id === 'SJ-FT-001')!.assignments).toBe(assigned);
    }
  });

  it('never draws a lapsed or suspended certificate', () => {
    expect(record.inspectors.map((i) => i.id)).toEqual(['1101060101', '1101060102', '1101060103', '1101060104']);
  });

  it('gives the public credential, and the standing in words', async () => {
    const body = await bodyOf(await officer('1101060101'), 200);
    expect(body.officer).toEqual({
      certificateNo: '1101060101',
      name: '丰台检查员甲',
      unit,
      field: '劳动保障监察',
      status: 'valid',
      statusText: expect.stringContaining('执法证有效'),
      validFrom: valid.validFrom,
      validUntil: valid.validUntil,
      statusSince: null,
    });
    expect(Object.keys(body.officer)).not.toContain('id');
  });

  it('says an expired certificate is expired, in words, the day after its last valid day', async () => {
    const { officer: o } = await bodyOf(await officer('1101060105'), 200);
    expect(o.status).toBe('expired');
    expect(o.statusText).toContain('已过期');
    expect(o.statusText).toContain('不能从事执法工作');
  });

  it('says a suspended certificate is suspended, and since when', async () => {
    const { officer: o } = await bodyOf(await officer('1101060106'), 200);
    expect(o.status).toBe('suspended');
    expect(o.statusText).toContain('暂停使用');
  });

  it('reads the number as people type it: spaces, hyphens and full-width digits', async () => {
    for (const typed of ['1101 0601 01', '110106-0101', '１１０１０６０１０１']) {
      const res = await exports.default.fetch(`http://local/api/v1/officers/${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(200);
    }
  });

  it('answers 404 with a Chinese message for a well-formed unknown number', async () => {
    const body = await bodyOf(await officer('1101069999'), 404);
    expect(body.error).toEqual({ code: 'not_found', message: expect.stringContaining('未查到执法证号为 1101069999 的执法人员') });
  });

  it('answers 400 invalid_certificate_no with a Chinese message for anything that is not a number', async () => {
    for (const bad of ['JC-001', '12345', '1101060101999999', encodeURIComponent('<script>'), '0101060101', 'x'.repeat(300)]) {
      const res = await exports.default.fetch(`http://local/api/v1/officers/${bad}`);
      expect(res.status, bad).toBe(400);
      const body = await res.json<ApiErrorBody>();
      expect(body.error.code).toBe('invalid_certificate_no');
      expect(body.error.message).toMatch(/执法证号/);
    }
  });
});

describe('POST /api/v1/admin/officers/{certificateNo}/status', () => {
  const admin = () => staffApi(keys, ['admin'], 'personnel@hrss.example');

  it('suspends a certificate, audited with the reason; the public sees it at once and the next draw leaves the officer out', async () => {
    const res = await admin()('POST', '/officers/1101060104/status', { status: 'suspended', reason: '涉嫌违纪，停职接受调查' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json<Officer>()).toMatchObject({ certificateNo: '1101060104', status: 'suspended', statusSince: today });
    expect((await bodyOf(await officer('1101060104'), 200)).officer.status).toBe('suspended');
    const entry = (await auditRows()).findLast((r) => r.target === 'officer:1101060104')!;
    expect([entry.action, entry.actor]).toEqual(['officer.status', 'personnel@hrss.example']);
    expect(JSON.parse(entry.before!)).toEqual({ status: 'valid', statusSince: null });
    expect(JSON.parse(entry.after!)).toEqual({ status: 'suspended', statusSince: today, reason: '涉嫌违纪，停职接受调查' });
    // The reason stays with the staff.
    expect(await (await officer('1101060104')).text()).not.toContain('违纪');

    await insertSamplingTask(env.DB, {
      id: 'SJ-FT-002',
      itemId: 'SX-FT',
      status: 'planned',
      planPublishedOn: null,
      drawnOn: null,
      scope: { districts: ['110106'], industries: [] },
      ratios: { B: 2000 },
    });
    const db = getDb(env.DB);
    await commitTaskSeed(db, clockOn(today), STAFF, 'SJ-FT-002');
    await drawTask(db, clockOn(today), env.FILES, STAFF, 'SJ-FT-002', { beacon: null });
    const next = await bodyOf(await api.sampling.tasks[':taskId'].draw.$get({ param: { taskId: 'SJ-FT-002' } }), 200);
    expect(next.inspectors.map((i) => i.id)).toEqual(['1101060101', '1101060102', '1101060103']);
  });

  it('refuses the status it already has, and a lapsed certificate made valid again', async () => {
    const same = await admin()('POST', '/officers/1101060101/status', { status: 'valid', reason: '重复提交的变更' });
    expect(same.status).toBe(409);
    const lapsed = await admin()('POST', '/officers/1101060105/status', { status: 'valid', reason: '误操作恢复' });
    expect(lapsed.status).toBe(409);
    expect((await lapsed.json<ApiErrorBody>()).error.message).toContain('不能恢复为有效');
  });

  it('validates the body and the number', async () => {
    expect((await admin()('POST', '/officers/1101060101/status', { status: 'retired', reason: '退休离岗手续' })).status).toBe(422);
    expect((await admin()('POST', '/officers/1101060101/status', { status: 'expired', reason: '' })).status).toBe(422);
    expect((await admin()('POST', '/officers/JC-1/status', { status: 'expired', reason: '证件收回注销' })).status).toBe(400);
    expect((await admin()('POST', '/officers/1101069999/status', { status: 'expired', reason: '证件收回注销' })).status).toBe(404);
  });

  it('is for administrators: a publisher is refused, an anonymous caller too', async () => {
    const body = { status: 'expired', reason: '证件收回注销' };
    expect((await staffApi(keys, ['publisher'])('POST', '/officers/1101060101/status', body)).status).toBe(403);
    const anonymous = await exports.default.fetch('http://local/api/v1/admin/officers/1101060101/status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(anonymous.status).toBe(401);
  });
});
