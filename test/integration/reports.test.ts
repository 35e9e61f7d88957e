// 专用信用报告 (DOMAIN.md §11, DESIGN.md POST /api/v1/reports): issued from what the public sees,
// signed so that anyone can check it, stored so that its number shows exactly what was issued,
// and flagged — never rewritten — when the employer's record changes afterwards. The signatures are
// checked here by an independent verifier (jose) fed only by GET /api/v1/report-keys.
import { env, exports } from 'cloudflare:workers';
import { compactVerify, createLocalJWKSet, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileOf, type ApiErrorBody, type CaseCreated } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { objectionBody, repairForm } from '../fixtures/cases';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { staffApi } from '../fixtures/staff';
import { today } from '../fixtures/today';
import { newSigningKey } from '../../scripts/lib/local-secrets';
import { addDays, addMonths } from '../../functions/domain/dates';
import { NO_NEGATIVE_RECORDS_STATEMENT, type CreditReport } from '../../functions/domain/credit-report';
import { publicationEnd } from '../../functions/domain/publication';
import { verifyReport } from '../../functions/domain/report-verification';
import { newClient } from '../fixtures/clients';

type Issued = { reportNo: string; issuedAt: string; report: CreditReport; jws: string };
type Stored = Issued & { changes: { recordId: number; change: string }[] };

const year = Number(today.slice(0, 4));
let keys: AccessKeys;

async function post(body: unknown, headers: Record<string, string> = {}) {
  return exports.default.fetch('http://local/api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': newClient(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function issue(uscc: string, period: { from?: string; to?: string } = {}): Promise<Issued> {
  const res = await post({ uscc, ...period });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<Issued>();
}

const stored = async (reportNo: string) => {
  const res = await exports.default.fetch(`http://local/api/v1/reports/${reportNo}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<Stored>();
};

const publishedJwks = async () => (await exports.default.fetch('http://local/api/v1/report-keys')).json<{ keys: JWK[] }>();

/** What a bank or a tender committee would run: jose and the keys the site publishes, nothing of this project. */
async function independentlyVerified(jws: string): Promise<unknown> {
  const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(await publishedJwks()), { algorithms: ['EdDSA'] });
  expect(protectedHeader.alg).toBe('EdDSA');
  return JSON.parse(new TextDecoder().decode(payload));
}

/** The JWS with one character of the signed report changed, the signature kept. */
function alteredByOneCharacter(jws: string, from: string, to: string): string {
  const [header, payload, signature] = jws.split('.');
  const text = Buffer.from(payload!, 'base64url').toString('utf8');
  expect(text).toContain(from);
  return `${header}.${Buffer.from(text.replace(from, to), 'utf8').toString('base64url')}.${signature}`;
}

const penalty = (uscc: string, decidedOn: string, over: Parameters<typeof insertRecord>[1] extends infer T ? Partial<T> : never = {}) =>
  insertRecord(env.DB, {
    uscc,
    severity: 'general',
    decidedOn,
    publishedOn: decidedOn,
    publishUntil: publicationEnd(decidedOn, 'general'),
    ...over,
  });

const samplingResult = (uscc: string, inspectedOn: string, result: string) =>
  insertRecord(env.DB, {
    uscc,
    kind: 'sampling_result',
    severity: 'none',
    title: `双随机抽查结果：${result}`,
    decisionNo: null,
    decidedOn: inspectedOn,
    publishedOn: inspectedOn,
    publishUntil: null,
    detail: { taskId: `SJ-${year}-001`, result, method: '实地', followUp: null },
  });

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
});

describe('POST /api/v1/reports', () => {
  const clean = makeUscc('MA01BG001');
  const penalised = makeUscc('MA01BG002');

  beforeAll(async () => {
    await insertEnterprise(env.DB, {
      uscc: clean,
      name: '北京守信报告测试有限公司',
      grade: 'A',
      gradeYear: year - 1,
      gradeReason: 'A级：评价期内未因劳动保障违法行为被查处',
    });
    await samplingResult(clean, addDays(today, -60), '未发现问题');
    // 一案三书: not a penalty, so not in the report (DOMAIN.md 包容审慎监管).
    await insertRecord(env.DB, {
      uscc: clean,
      kind: 'no_penalty',
      severity: 'none',
      title: '不予行政处罚',
      decidedOn: addDays(today, -90),
      publishUntil: null,
    });
    await insertEnterprise(env.DB, { uscc: penalised, name: '北京失信报告测试有限公司', legalRepresentative: '赵国强' });
    await penalty(penalised, addDays(today, -100), {
      title: '拖欠劳动者工资',
      facts: '拖欠劳动者李小明等 3 人工资，联系电话 13912345678。',
      fineFen: 500_000,
      penaltyTypes: ['罚款'],
    });
  });

  it('issues a clean employer’s report: the statement, its clean sampling result and its grade, verified independently', async () => {
    const res = await post({ uscc: clean });
    expect(res.status).toBe(201);
    const issued = await res.json<Issued>();
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(issued.reportNo).toMatch(new RegExp(`^BG-${year}-[3-9A-Y]{5}-[3-9A-Y]{5}$`));
    expect(issued.report).toMatchObject({
      format: 'hrss-credit-report/1',
      reportNo: issued.reportNo,
      issuedAt: issued.issuedAt,
      issuer: '北京市人力资源和社会保障局',
      period: { from: addMonths(today, -36), to: today },
      enterprise: { uscc: clean, name: '北京守信报告测试有限公司', legalRepresentative: '王建国' },
      grades: [{ year: year - 1, grade: 'A' }],
      negativeRecords: [],
      statement: NO_NEGATIVE_RECORDS_STATEMENT,
    });
    expect(issued.report.samplingResults.map((r) => r.detail.result)).toEqual(['未发现问题']);
    expect(await independentlyVerified(issued.jws)).toEqual(issued.report);
  });

  it('lists a penalised employer’s public penalty as the profile shows it, masked; one character changed fails', async () => {
    const issued = await issue(penalised);
    expect(issued.report.statement).toBeNull();
    expect(issued.report.negativeRecords).toHaveLength(1);
    const [listed] = issued.report.negativeRecords;
    // Nothing personal beyond what the profile publishes (DOMAIN.md §8): the same masked detail.
    const onProfile = (await profileOf(penalised)).records.find((r) => r.id === listed!.id)!;
    expect(listed!.detail).toEqual(onProfile.detail);
    expect(JSON.stringify(issued.report)).not.toContain('13912345678');
    expect(JSON.stringify(issued.report)).not.toContain('李小明');
    expect(await independentlyVerified(issued.jws)).toEqual(issued.report);

    const forged = alteredByOneCharacter(issued.jws, '北京失信报告', '北京守信报告');
    await expect(independentlyVerified(forged)).rejects.toThrow();
    expect(await verifyReport(forged, (await publishedJwks()).keys)).toMatchObject({ ok: false, reason: 'signature' });
    const sig = issued.jws.slice(-2, -1) === 'A' ? 'B' : 'A';
    await expect(independentlyVerified(`${issued.jws.slice(0, -2)}${sig}${issued.jws.slice(-1)}`)).rejects.toThrow();
  });

  it('lists only records decided in the chosen period', async () => {
    const uscc = makeUscc('MA01BG003');
    await insertEnterprise(env.DB, { uscc, name: '北京报告期测试有限公司' });
    const recent = await penalty(uscc, addDays(today, -20));
    await penalty(uscc, addMonths(today, -10));
    const issued = await issue(uscc, { from: addMonths(today, -6), to: today });
    expect(issued.report.period).toEqual({ from: addMonths(today, -6), to: today });
    expect(issued.report.negativeRecords.map((r) => r.id)).toEqual([recent.id]);
  });

  it('leaves out repaired, withdrawn and expired records (36号 停止共享和使用)', async () => {
    const uscc = makeUscc('MA01BG004');
    await insertEnterprise(env.DB, { uscc, name: '北京已修复记录测试有限公司' });
    await penalty(uscc, addMonths(today, -5), { status: 'repaired', repairedOn: addDays(today, -3) });
    await penalty(uscc, addMonths(today, -4), { status: 'withdrawn', withdrawnOn: addDays(today, -2), withdrawalReason: '决定已撤销' });
    // Past its 公示截止期 whether or not the nightly job has marked it yet.
    await penalty(uscc, addMonths(today, -13));
    await penalty(uscc, addMonths(today, -14), { status: 'expired' });
    const issued = await issue(uscc);
    expect(issued.report.negativeRecords).toEqual([]);
    expect(issued.report.statement).toBe(NO_NEGATIVE_RECORDS_STATEMENT);
  });

  it('refuses a period longer than 3 years, ending after today, or ending before it starts', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: addDays(addMonths(today, -36), -1) }, 'from'],
      [{ to: addDays(today, 1) }, 'to'],
      [{ from: addDays(today, -1), to: addDays(today, -2) }, 'to'],
      [{ from: '2026-02-30' }, 'from'],
    ];
    for (const [period, path] of cases) {
      const res = await post({ uscc: clean, ...period });
      expect(res.status).toBe(422);
      const body = await res.json<ApiErrorBody>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields?.map((f) => f.path)).toContain(path);
    }
  });

  it('answers a malformed code with 422, an unknown one with 404, a wrong check character of no employer with 400', async () => {
    const malformed = await post({ uscc: '12345' });
    expect(malformed.status).toBe(422);
    expect((await malformed.json<ApiErrorBody>()).error.fields?.[0]?.path).toBe('uscc');
    const unknown = await post({ uscc: makeUscc('MA01BG999') });
    expect(unknown.status).toBe(404);
    expect((await unknown.json<ApiErrorBody>()).error.code).toBe('not_found');
    const code = makeUscc('MA01BG998');
    const wrongCheck = await post({ uscc: code.slice(0, 17) + (code.endsWith('1') ? '2' : '1') });
    expect(wrongCheck.status).toBe(400);
    expect((await wrongCheck.json<ApiErrorBody>()).error.code).toBe('invalid_uscc');
  });

  it('refuses bodies that are not small JSON with 400, 413 and 415 — never a 500', async () => {
    const notJson = await post('{"uscc":');
    expect([notJson.status, (await notJson.json<ApiErrorBody>()).error.code]).toEqual([400, 'invalid_json']);
    const large = await post({ uscc: clean, padding: 'x'.repeat(5000) });
    expect([large.status, (await large.json<ApiErrorBody>()).error.code]).toEqual([413, 'payload_too_large']);
    const text = await post(`uscc=${clean}`, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
    expect((await post([1, 2])).status).toBe(422);
    expect((await post(null)).status).toBe(422);
  });

  it('limits bulk issuing: 429 with Retry-After once a client passes 10 a minute', async () => {
    const statuses: number[] = [];
    const address = newClient();
    for (let i = 0; i < 11; i++) statuses.push((await post({ uscc: clean }, { 'CF-Connecting-IP': address })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
    const res = await post({ uscc: clean }, { 'CF-Connecting-IP': address });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('60');
    expect((await res.json<ApiErrorBody>()).error.code).toBe('rate_limited');
    expect((await post({ uscc: clean }, { 'CF-Connecting-IP': newClient() })).status).toBe(201);
  });

  it('issues nothing without a signing key: 503, and no report is stored', async () => {
    const count = async () => (await env.DB.prepare('SELECT count(*) AS n FROM credit_reports').first<{ n: number }>())!.n;
    const before = await count();
    const saved = env.REPORT_SIGNING_KEY;
    env.REPORT_SIGNING_KEY = '';
    try {
      const res = await post({ uscc: clean });
      expect(res.status).toBe(503);
      expect((await res.json<ApiErrorBody>()).error.code).toBe('report_unavailable');
    } finally {
      env.REPORT_SIGNING_KEY = saved;
    }
    expect(await count()).toBe(before);
  });
});

describe('GET /api/v1/reports/{reportNo}', () => {
  const uscc = makeUscc('MA01BG010');
  beforeAll(async () => {
    await insertEnterprise(env.DB, { uscc, name: '北京报告查验测试有限公司' });
    await penalty(uscc, addDays(today, -30));
  });

  it('shows exactly what was issued, however the number is typed', async () => {
    const issued = await issue(uscc);
    const again = await stored(issued.reportNo);
    expect(again).toEqual({ ...issued, changes: [] });
    expect(await stored(issued.reportNo.replaceAll('-', '').toLowerCase())).toEqual(again);
  });

  it('answers 404 for a number never issued, and for anything that is not a number', async () => {
    for (const reportNo of [`BG-${year}-33333-33333`, 'nonsense', `${'A'.repeat(64)}`]) {
      const res = await exports.default.fetch(`http://local/api/v1/reports/${reportNo}`);
      expect(res.status).toBe(404);
      expect((await res.json<ApiErrorBody>()).error.code).toBe('not_found');
    }
  });

  it('refuses to show a stored report whose bytes were changed behind the application’s back (503)', async () => {
    const issued = await issue(uscc);
    await env.FILES.put(`reports/${issued.reportNo}.jws`, alteredByOneCharacter(issued.jws, '查验', '核验'));
    const res = await exports.default.fetch(`http://local/api/v1/reports/${issued.reportNo}`);
    expect(res.status).toBe(503);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('report_unavailable');
  });
});

describe('later changes to the employer’s record', () => {
  const uscc = makeUscc('MA01BG020');
  const staff = () => staffApi(keys, ['reviewer', 'publisher']);

  beforeAll(async () => {
    await insertEnterprise(env.DB, { uscc, name: '北京记录变更测试有限公司' });
  });

  async function accepted(kind: 'objections' | 'repairs', recordId: number): Promise<CaseCreated> {
    const res =
      kind === 'objections'
        ? await exports.default.fetch('http://local/api/v1/objections', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': newClient() },
            body: JSON.stringify(objectionBody(uscc, recordId)),
          })
        : await exports.default.fetch('http://local/api/v1/repairs', {
            method: 'POST',
            headers: { 'CF-Connecting-IP': newClient() },
            body: repairForm(uscc, recordId),
          });
    expect(res.status, await res.clone().text()).toBe(201);
    const filed = await res.json<CaseCreated>();
    expect((await staff()('POST', `/${kind}/${filed.reference}/acceptance`, { decision: 'accept' })).status).toBe(200);
    return filed;
  }

  it('a record withdrawn after issue: the old report is unchanged and flags it; a new report leaves it out', async () => {
    const record = await penalty(uscc, addMonths(today, -4), { decisionNo: '京朝人社监罚字〔2026〕第 801 号' });
    const issued = await issue(uscc);
    expect(issued.report.negativeRecords.map((r) => r.id)).toContain(record.id);
    expect((await staff()('POST', `/records/${record.id}/withdraw`, { reason: '处罚决定经行政复议撤销。' })).status).toBe(200);

    const old = await stored(issued.reportNo);
    expect(old.report).toEqual(issued.report);
    expect(old.jws).toBe(issued.jws);
    expect(old.changes).toContainEqual({ recordId: record.id, change: 'withdrawn' });
    expect(await independentlyVerified(old.jws)).toEqual(issued.report);

    const fresh = await issue(uscc);
    expect(fresh.report.negativeRecords.map((r) => r.id)).not.toContain(record.id);
  });

  it('a record corrected after issue (objection upheld) is flagged as corrected, and the new report shows the correction', async () => {
    const record = await penalty(uscc, addMonths(today, -4), {
      title: '拖欠 13 名劳动者工资',
      decisionNo: '京朝人社监罚字〔2026〕第 802 号',
    });
    const issued = await issue(uscc);
    const filed = await accepted('objections', record.id);
    const decision = await staff()('POST', `/objections/${filed.reference}/decision`, {
      outcome: 'corrected',
      correctionNote: '拖欠人数更正为 3 人。',
      changes: { title: '拖欠 3 名劳动者工资' },
    });
    expect(decision.status).toBe(200);
    expect((await stored(issued.reportNo)).changes).toContainEqual({ recordId: record.id, change: 'corrected' });
    const fresh = await issue(uscc);
    expect(fresh.report.negativeRecords.find((r) => r.id === record.id)).toMatchObject({
      title: '拖欠 3 名劳动者工资',
      detail: { correctionNote: '拖欠人数更正为 3 人。' },
    });
  });

  it('a record repaired after issue is flagged as repaired and absent from a new report', async () => {
    const record = await penalty(uscc, addMonths(today, -4), { decisionNo: '京朝人社监罚字〔2026〕第 803 号' });
    const issued = await issue(uscc);
    const filed = await accepted('repairs', record.id);
    expect((await staff()('POST', `/repairs/${filed.reference}/decision`, { outcome: 'approved' })).status).toBe(200);
    expect((await stored(issued.reportNo)).changes).toContainEqual({ recordId: record.id, change: 'repaired' });
    expect((await issue(uscc)).report.negativeRecords.map((r) => r.id)).not.toContain(record.id);
  });

  it('a record of the period published after issue is flagged as added', async () => {
    const issued = await issue(uscc);
    const later = await penalty(uscc, addDays(today, -1), { decisionNo: '京朝人社监罚字〔2026〕第 804 号' });
    expect((await stored(issued.reportNo)).changes).toContainEqual({ recordId: later.id, change: 'added' });
  });
});

describe('GET /api/v1/report-keys', () => {
  it('publishes public halves only: the current key and retired ones, so reports signed before a rotation still verify', async () => {
    const uscc = makeUscc('MA01BG030');
    await insertEnterprise(env.DB, { uscc, name: '北京密钥轮换测试有限公司' });
    const before = await issue(uscc);
    const current = (await publishedJwks()).keys;
    expect(current).toHaveLength(1);
    expect(current[0]).not.toHaveProperty('d');

    const saved = { key: env.REPORT_SIGNING_KEY, retired: env.REPORT_RETIRED_KEYS };
    const oldPrivate = JSON.parse(saved.key) as JWK;
    env.REPORT_SIGNING_KEY = await newSigningKey('report');
    // Pasted with its private member by mistake: still only the public half is published.
    env.REPORT_RETIRED_KEYS = JSON.stringify({ keys: [oldPrivate] });
    try {
      const published = (await publishedJwks()).keys;
      expect(published.map((k) => k.kid)).toEqual([JSON.parse(env.REPORT_SIGNING_KEY).kid, oldPrivate.kid]);
      for (const k of published) expect(k).not.toHaveProperty('d');
      expect(await independentlyVerified(before.jws)).toEqual(before.report);
      const after = await issue(uscc);
      expect(after.jws.split('.')[0]).not.toBe(before.jws.split('.')[0]);
      expect(await independentlyVerified(after.jws)).toEqual(after.report);
    } finally {
      env.REPORT_SIGNING_KEY = saved.key;
      env.REPORT_RETIRED_KEYS = saved.retired;
    }
  });
});
