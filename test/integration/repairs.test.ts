import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf, publicRecordOf, type ApiErrorBody, type CaseCreated } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { file, jpegBytes, pdfBytes } from '../fixtures/files';
import { repairForm as formOf } from '../fixtures/cases';
import { addMonths } from '../../functions/domain/dates';
import { getDb } from '../../functions/db/client';
import { repairs } from '../../functions/db/schema';
import { today } from '../fixtures/today';
import { newClient } from '../fixtures/clients';

const uscc = makeUscc('MA01XF001');
const records: Record<string, number> = {};
function repairForm(recordId: number, parts: { commitment?: File; evidence?: File[] } = {}) {
  return exports.default.fetch('http://local/api/v1/repairs', {
    method: 'POST',
    headers: { 'CF-Connecting-IP': newClient() },
    body: formOf(uscc, recordId, parts),
  });
}
const complete = { commitment: file(pdfBytes, '承诺书.pdf'), evidence: [file(jpegBytes, '缴款凭证.jpg', 'image/jpeg')] };

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京修复测试有限公司' });
  const add = async (name: string, row: Parameters<typeof insertRecord>[1]) => (records[name] = (await insertRecord(env.DB, row)).id);
  // DOMAIN.md §2: general — 3 months minimum; serious — 1 year; minor — at once.
  await add('generalRipe', { uscc, severity: 'general', decidedOn: addMonths(today, -4), publishUntil: addMonths(today, 8) });
  await add('generalYoung', { uscc, severity: 'general', decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11) });
  await add('seriousYoung', { uscc, severity: 'serious', decidedOn: addMonths(today, -6), publishUntil: addMonths(today, 30) });
  await add('revocation', {
    uscc,
    severity: 'serious',
    decidedOn: addMonths(today, -20),
    publishUntil: addMonths(today, 16),
    detail: { cannotStopEarly: true },
  });
  await add('clean', { uscc, kind: 'sampling_result', severity: 'none', publishUntil: null });
  await add('generalRipe2', { uscc, severity: 'general', decidedOn: addMonths(today, -5), publishUntil: addMonths(today, 7) });
  await add('generalRipe3', { uscc, severity: 'general', decidedOn: addMonths(today, -6), publishUntil: addMonths(today, 6) });
  await add('generalRipe4', { uscc, severity: 'general', decidedOn: addMonths(today, -4), publishUntil: addMonths(today, 8) });
  await add('generalRipe5', { uscc, severity: 'general', decidedOn: addMonths(today, -4), publishUntil: addMonths(today, 8) });
  await add('minor', { uscc, severity: 'minor', decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 2) });
});

describe('POST /api/v1/repairs', () => {
  it('accepts an eligible record with commitment and evidence', async () => {
    const res = await repairForm(records.generalRipe!, complete);
    expect(res.status).toBe(201);
    expect((await res.json<CaseCreated>()).reference).toMatch(/^XF-\d{4}-/);
  });

  it('sets the 修复中 flag on the public profile', async () => {
    expect((await repairForm(records.generalRipe4!, complete)).status).toBe(201);
    expect((await publicRecordOf(uscc, records.generalRipe4!))!.flags).toContain('repair_pending');
  });

  it('refuses a second open repair of the same record', async () => {
    expect((await repairForm(records.generalRipe5!, complete)).status).toBe(201);
    const res = await repairForm(records.generalRipe5!, complete);
    expect(res.status).toBe(409);
    const { error } = await res.json<ApiErrorBody>();
    expect(error).toMatchObject({ code: 'case_already_open', message: expect.stringContaining('已有一件正在办理') });
  });

  it('accepts a minor record at once', async () => {
    expect((await repairForm(records.minor!, complete)).status).toBe(201);
  });

  it.each([
    ['generalYoung', '最短公示期尚未届满'],
    ['seriousYoung', '最短公示期尚未届满'],
    ['revocation', '不能提前终止公示'],
    ['clean', '无需修复'],
  ])('refuses the ineligible record %s, saying why and from when', async (name, why) => {
    const res = await repairForm(records[name]!, complete);
    expect(res.status).toBe(422);
    const field = (await res.json<ApiErrorBody>()).error.fields![0]!;
    expect(field.path).toBe('recordId');
    expect(field.message).toContain(why);
    if (why.startsWith('最短')) expect(field.message).toMatch(/自 \d{4}年\d{1,2}月\d{1,2}日 起可申请/);
  });

  it('requires the signed commitment and the evidence', async () => {
    const res = await repairForm(records.generalRipe2!, {});
    expect(res.status).toBe(422);
    const paths = (await res.json<ApiErrorBody>()).error.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['commitment', 'evidence']));
  });

  it('leaves nothing behind when storing an attachment fails', async () => {
    const before = (await getDb(env.DB).select().from(repairs)).length;
    const put = env.FILES.put;
    let calls = 0;
    // Fail the second upload, after the first one has been stored.
    env.FILES.put = (async (...args: Parameters<R2Bucket['put']>) => {
      if (++calls === 2) throw new Error('R2 unavailable');
      return put.apply(env.FILES, args);
    }) as R2Bucket['put'];
    try {
      const res = await repairForm(records.generalRipe3!, complete);
      expect(res.status).toBe(503);
      expect((await res.json<ApiErrorBody>()).error).toMatchObject({
        code: 'storage_unavailable',
        message: expect.stringContaining('没有留下任何内容'),
      });
    } finally {
      env.FILES.put = put;
    }
    expect((await getDb(env.DB).select().from(repairs)).length).toBe(before);
    const listed = await env.FILES.list({ prefix: 'cases/XF-' });
    const referenced = await env.DB.prepare('SELECT storage_key FROM attachments').all<{ storage_key: string }>();
    expect(listed.objects.map((o) => o.key).sort()).toEqual(
      referenced.results
        .map((r) => r.storage_key)
        .filter((k) => k.startsWith('cases/XF-'))
        .sort(),
    );
  });
});

describe('GET /api/v1/repairs/published', () => {
  it('lists approved repairs only, without the applicant', async () => {
    const res = await api.repairs.published.$get({ query: {} });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body).toMatchObject({ items: [], total: 0, page: 1 });
  });
});
