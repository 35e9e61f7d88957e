import { env, exports } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, profileOf, type ApiErrorBody, type CaseCreated } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { exeBytes, file, pdfBytes, pngBytes } from '../fixtures/files';
import { addMonths } from '../../functions/domain/dates';
import { objectionGrounds } from '../../functions/domain/vocabulary';
import { today } from '../fixtures/today';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { caseDeadlines } from '../../functions/domain/case-deadlines';
import { newClient } from '../fixtures/clients';

const uscc = makeUscc('MA01YY001');
let recordId: number;

/** A new published record of the test enterprise: one open objection per record is the rule, so most tests need their own. */
const newRecord = async () =>
  (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11) })).id;

const validBody = (id = recordId) => ({
  uscc,
  recordId: id,
  grounds: 'wrong_info',
  statement: '处罚决定书记载的拖欠人数与事实不符，应为 3 人而非 13 人。',
  applicant: { name: '周敏', phone: '13912345678', email: 'zhoumin@example.com' },
});

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  exports.default.fetch('http://local/api/v1/objections', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': newClient(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const track = (reference: string, code: string) =>
  api.objections[':reference'].$get({ param: { reference }, header: { 'x-access-code': code } });

/** The columns of attachments a test reads. */
interface AttachmentRow {
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
}

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京异议测试有限公司' });
});
beforeEach(async () => {
  recordId = await newRecord();
});

describe('POST /api/v1/objections', () => {
  it.each(objectionGrounds)('accepts the ground %s and answers reference, access code and deadlines', async (grounds) => {
    const res = await postJson({ ...validBody(), grounds });
    expect(res.status).toBe(201);
    const body = await res.json<CaseCreated>();
    // DOMAIN.md §4 and §9: 2 working days to accept, 10 more to decide, 预计 where a year is not announced.
    const { acceptBy, decideBy } = caseDeadlines(defaultCalendar, 'objection', { submittedOn: today });
    expect(body).toEqual({
      reference: expect.stringMatching(new RegExp(`^YY-${today.slice(0, 4)}-[34679ACDEFGHJKMNPQRTUVWXY]{6}$`)),
      accessCode: expect.stringMatching(/^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/),
      status: 'received',
      acceptBy: acceptBy.date,
      decideBy: decideBy.date,
      acceptByProvisional: acceptBy.provisional,
      decideByProvisional: decideBy.provisional,
    });
    expect(body.acceptBy > today).toBe(true);
    expect(body.decideBy > body.acceptBy).toBe(true);
  });

  it('stores the access code only as a hash', async () => {
    const body = await (await postJson(validBody())).json<CaseCreated>();
    const row = await env.DB.prepare('SELECT access_code_hash FROM objections WHERE reference = ?')
      .bind(body.reference)
      .first<{ access_code_hash: string }>();
    expect(row!.access_code_hash).toMatch(/^pbkdf2-sha256\$100000\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(row!.access_code_hash).not.toContain(body.accessCode.replace('-', ''));
  });

  it('reports every invalid field with its own message', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...validBody(), uscc: '123' }, 'uscc', /18 位/],
      [{ ...validBody(), recordId: 'abc' }, 'recordId', /信用记录/],
      [{ ...validBody(), grounds: 'because' }, 'grounds', /信息错误/],
      [{ ...validBody(), statement: '太短' }, 'statement', /至少 10 个字/],
      [{ ...validBody(), statement: '长'.repeat(2001) }, 'statement', /不超过 2000/],
      [{ ...validBody(), applicant: { ...validBody().applicant, name: '' } }, 'applicant.name', /姓名/],
      [{ ...validBody(), applicant: { ...validBody().applicant, phone: '12345' } }, 'applicant.phone', /手机号码/],
      [{ ...validBody(), applicant: { ...validBody().applicant, email: 'not-an-email' } }, 'applicant.email', /电子邮箱/],
      [{ ...validBody(), applicant: undefined }, 'applicant', /.+/],
    ];
    for (const [body, path, message] of cases) {
      const res = await postJson(body);
      expect(res.status, path).toBe(422);
      const error = (await res.json<ApiErrorBody>()).error;
      expect(error.code).toBe('validation_failed');
      const field = error.fields!.find((f) => f.path === path);
      expect(field?.message, path).toMatch(message);
    }
  });

  it('rejects a record that is not this enterprise’s or not public', async () => {
    const res = await postJson({ ...validBody(), recordId: 999999 });
    expect(res.status).toBe(422);
    expect((await res.json<ApiErrorBody>()).error.fields![0]!.path).toBe('recordId');
  });

  it('answers 400 invalid_json for malformed JSON and 415 for other media types', async () => {
    const bad = await postJson('{"uscc": ');
    expect(bad.status).toBe(400);
    expect((await bad.json<ApiErrorBody>()).error.code).toBe('invalid_json');
    const text = await exports.default.fetch('http://local/api/v1/objections', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'CF-Connecting-IP': newClient() },
      body: 'hi',
    });
    expect(text.status).toBe(415);
  });

  it('creates one case for a double submit with the same Idempotency-Key', async () => {
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      postJson(validBody(), { 'Idempotency-Key': key }),
      postJson(validBody(), { 'Idempotency-Key': key }),
    ]);
    const [first, second] = [await a.json<CaseCreated>(), await b.json<CaseCreated>()];
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(second.reference).toBe(first.reference);
    expect(second.accessCode).toBe(first.accessCode);
    const count = await env.DB.prepare('SELECT count(*) AS n FROM objections WHERE reference = ?')
      .bind(first.reference)
      .first<{ n: number }>();
    expect(count!.n).toBe(1);
    expect((await track(first.reference, first.accessCode)).status).toBe(200);
  });

  it('answers 429 with Retry-After once a client passes the limit', async () => {
    const statuses: number[] = [];
    const address = newClient();
    for (let i = 0; i < 12; i++) {
      statuses.push((await postJson(validBody(await newRecord()), { 'CF-Connecting-IP': address })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const res = await postJson(validBody(await newRecord()), { 'CF-Connecting-IP': address });
    expect(res.headers.get('retry-after')).toBe('60');
    expect((await res.json<ApiErrorBody>()).error.code).toBe('rate_limited');
  });

  it('answers 413 from the declared length, before parsing anything', async () => {
    const res = await exports.default.fetch('http://local/api/v1/objections', {
      method: 'POST',
      headers: {
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(60 * 1024 * 1024),
        'CF-Connecting-IP': newClient(),
      },
      body: 'x',
    });
    expect(res.status).toBe(413);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('payload_too_large');
  });
});

describe('POST /api/v1/objections as multipart with attachments', () => {
  const form = (files: File[]) => {
    const data = new FormData();
    const b = validBody();
    data.set('uscc', b.uscc);
    data.set('recordId', String(b.recordId));
    data.set('grounds', b.grounds);
    data.set('statement', b.statement);
    data.set('applicant.name', b.applicant.name);
    data.set('applicant.phone', b.applicant.phone);
    data.set('applicant.email', b.applicant.email);
    for (const f of files) data.append('attachments', f);
    return exports.default.fetch('http://local/api/v1/objections', {
      method: 'POST',
      headers: { 'CF-Connecting-IP': newClient() },
      body: data,
    });
  };

  it('stores PDF and PNG evidence in R2 with its SHA-256 and a sanitised name', async () => {
    const res = await form([file(pdfBytes, '../../证据 一.pdf'), file(pngBytes, 'photo.PNG', 'image/png')]);
    expect(res.status).toBe(201);
    const { reference } = await res.json<CaseCreated>();
    const rows = await env.DB.prepare(
      'SELECT file_name, content_type, size, sha256, storage_key FROM attachments WHERE reference = ? ORDER BY id',
    )
      .bind(reference)
      .all<AttachmentRow>();
    expect(rows.results.map((r) => [r.file_name, r.content_type])).toEqual([
      ['证据 一.pdf', 'application/pdf'],
      ['photo.png', 'image/png'],
    ]);
    const stored = await env.FILES.get(rows.results[0]!.storage_key);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(pdfBytes);
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', pdfBytes)), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    expect(rows.results[0]!.sha256).toBe(digest);
  });

  it('rejects an executable renamed .pdf, by content, and stores nothing', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM objections').first<{ n: number }>();
    const res = await form([file(exeBytes, '处罚决定.pdf')]);
    expect(res.status).toBe(422);
    const field = (await res.json<ApiErrorBody>()).error.fields![0];
    expect(field).toMatchObject({ path: 'attachments', message: expect.stringContaining('不是 PDF、JPG 或 PNG') });
    const after = await env.DB.prepare('SELECT count(*) AS n FROM objections').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it('rejects more than five attachments', async () => {
    const res = await form(Array.from({ length: 6 }, (_, i) => file(pdfBytes, `${i}.pdf`)));
    expect(res.status).toBe(422);
    expect((await res.json<ApiErrorBody>()).error.fields![0]!.message).toContain('最多 5 个');
  });
});

describe('GET /api/v1/objections/{reference}', () => {
  it('shows the status timeline with the right access code', async () => {
    const created = await (await postJson(validBody())).json<CaseCreated>();
    const res = await track(created.reference, created.accessCode.toLowerCase().replace('-', ' '));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      reference: created.reference,
      status: 'received',
      acceptBy: created.acceptBy,
      decideBy: created.decideBy,
      acceptByProvisional: created.acceptByProvisional,
      decideByProvisional: created.decideByProvisional,
      // What the case is about, so that someone tracking several knows which is which.
      subject: {
        uscc,
        enterpriseName: '北京异议测试有限公司',
        recordId,
        recordTitle: '未按规定支付劳动者工资',
        decisionNo: '京朝人社监罚字〔2026〕第 1 号',
      },
      timeline: [{ at: expect.any(String), status: 'received', note: '申请已提交' }],
    });
  });

  it('answers a wrong code exactly like an unknown reference', async () => {
    const created = await (await postJson(validBody())).json<CaseCreated>();
    const wrong = await track(created.reference, 'AAAA-AAAA');
    const unknown = await track('YY-2026-AAAAAA', created.accessCode);
    const malformed = await track('nonsense', created.accessCode);
    for (const res of [wrong, unknown, malformed]) expect(res.status).toBe(404);
    const bodies = await Promise.all([wrong.json(), unknown.json(), malformed.json()]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it('sets the 异议处理中 flag on the public profile without saying who filed it', async () => {
    expect((await postJson(validBody())).status).toBe(201);
    const profile = await profileOf(uscc);
    const record = profile.records.find((r) => r.id === recordId)!;
    expect(record.flags).toContain('objection_pending');
    expect(JSON.stringify(profile)).not.toMatch(/周敏|13912345678|zhoumin/);
  });
});

describe('50 concurrent submissions', () => {
  it('all get distinct references and all are readable afterwards', async () => {
    const records = await Promise.all(Array.from({ length: 50 }, () => newRecord()));
    const responses = await Promise.all(records.map((id) => postJson(validBody(id))));
    const created = await Promise.all(responses.map((r) => r.json<CaseCreated>()));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(created.map((c) => c.reference)).size).toBe(50);
    const reads = await Promise.all(created.map((c) => track(c.reference, c.accessCode)));
    expect(reads.map((r) => r.status)).toEqual(Array(50).fill(200));
  });
});

describe('Turnstile, when a secret is configured', () => {
  it('refuses a submission without a passed challenge and accepts one with it', async () => {
    const { vi } = await import('vitest');
    const seen: string[] = [];
    // The only stub of the suite: Cloudflare's siteverify endpoint, unreachable from tests.
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      if (!(init?.body instanceof FormData)) throw new Error('siteverify called without a form');
      const token = init.body.get('response');
      seen.push(String(token));
      return Response.json({ success: token === 'passed-token' });
    });
    (env as unknown as { TURNSTILE_SECRET?: string }).TURNSTILE_SECRET = 'test-secret';
    try {
      const missing = await postJson(validBody());
      expect(missing.status).toBe(422);
      expect((await missing.json<ApiErrorBody>()).error.fields![0]!.path).toBe('cf-turnstile-response');
      const failed = await postJson(validBody(), { 'CF-Turnstile-Response': 'bot-token' });
      expect((await failed.json<ApiErrorBody>()).error.fields![0]!.path).toBe('cf-turnstile-response');
      expect(failed.status).toBe(422);
      const passed = await postJson(validBody(), { 'CF-Turnstile-Response': 'passed-token' });
      expect(passed.status).toBe(201);
      expect(seen).toEqual(['bot-token', 'passed-token']);
    } finally {
      delete (env as unknown as { TURNSTILE_SECRET?: string }).TURNSTILE_SECRET;
      spy.mockRestore();
    }
  });
});
