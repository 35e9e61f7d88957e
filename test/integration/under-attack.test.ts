// Requests an attacker sends: races for the one open case of a record, the same Idempotency-Key
// with another body, guessing access codes, hostile characters, oversized and over-deep staff
// input. Each answer is a clear 4xx and nothing is lost or doubled (DESIGN.md: hold under attack).
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, CaseCreated, PenaltyList } from '../fixtures/api';
import { profileOf } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { staffApi } from '../fixtures/staff';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { file, pdfBytes } from '../fixtures/files';
import { objectionBody as objectionOf, repairForm } from '../fixtures/cases';
import { today } from '../fixtures/today';
import { addMonths } from '../../functions/domain/dates';
import { getDb } from '../../functions/db/client';
import { trackCase } from '../../functions/cases/track-case';
import { TRACKING_LIMITS } from '../../functions/domain/tracking-limits';
import type { Clock } from '../../functions/domain/clock';
import type { CaseKind } from '../../functions/domain/vocabulary';
import { newClient, newClientNetwork } from '../fixtures/clients';

const uscc = makeUscc('MA01AT001');
let keys: AccessKeys;

/** A published general penalty old enough to be repaired (DOMAIN.md §2: three months). */
const newRecord = async (extra: Parameters<typeof insertRecord>[1] | object = {}) =>
  (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -4), publishUntil: addMonths(today, 8), ...extra })).id;

const objectionBody = (recordId: number, statement?: string) => objectionOf(uscc, recordId, statement);

function submit(kind: CaseKind, recordId: number, headers: Record<string, string> = {}) {
  if (kind === 'objection') {
    return exports.default.fetch('http://local/api/v1/objections', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': newClient(), ...headers },
      body: JSON.stringify(objectionBody(recordId)),
    });
  }
  return exports.default.fetch('http://local/api/v1/repairs', {
    method: 'POST',
    headers: { 'CF-Connecting-IP': newClient(), ...headers },
    body: repairForm(uscc, recordId),
  });
}

const openCases = async (kind: CaseKind, recordId: number) =>
  (await env.DB.prepare(
    `SELECT count(*) AS n FROM ${kind === 'objection' ? 'objections' : 'repairs'} WHERE record_id = ? AND status IN ('received', 'accepted')`,
  )
    .bind(recordId)
    .first<{ n: number }>())!.n;

const staff = (method: string, path: string, body?: string) => staffApi(keys, ['publisher'])(method, path, body);

const staffRecord = (extra: object) =>
  JSON.stringify({
    uscc,
    kind: 'penalty',
    severity: 'general',
    title: '未按规定支付劳动者工资',
    decisionNo: '京朝人社监罚字〔2026〕第 77 号',
    authority: '北京市朝阳区人力资源和社会保障局',
    decidedOn: today,
    violationType: '拖欠工资',
    facts: '拖欠 3 名劳动者工资。',
    legalBasis: '《劳动保障监察条例》第二十六条',
    penaltyTypes: ['罚款'],
    penaltyContent: '罚款人民币伍仟元整',
    fineFen: 500_000,
    ...extra,
  });

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, { uscc, name: '北京攻防测试有限公司', legalRepresentative: '王建国' });
});

describe('one open objection and one open repair per record, under concurrency', () => {
  describe.each<CaseKind>(['repair', 'objection'])('%s', (kind) => {
    it.each([10, 50])('%i concurrent applications for one record: one 201, 409 for the rest, one open case', async (n) => {
      const recordId = await newRecord();
      // Ten from one client (within its limit); fifty from as many clients.
      const from: Record<string, string> = n === 10 ? { 'CF-Connecting-IP': newClient() } : {};
      const responses = await Promise.all(Array.from({ length: n }, () => submit(kind, recordId, from)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(n - 1);
      const refused = await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json<ApiErrorBody>()));
      for (const { error } of refused) {
        expect(error.code).toBe('case_already_open');
        expect(error.message).toContain('正在办理');
        // Nobody learns another applicant's reference.
        expect(JSON.stringify(error)).not.toMatch(/(YY|XF)-\d{4}-/);
      }
      expect(await openCases(kind, recordId)).toBe(1);
      // The losers left no attachment behind either.
      const orphans = await env.DB.prepare(
        `SELECT count(*) AS n FROM attachments WHERE reference NOT IN (SELECT reference FROM objections UNION SELECT reference FROM repairs)`,
      ).first<{ n: number }>();
      expect(orphans!.n).toBe(0);
    });
  });

  it('takes a new application once the open one is closed', async () => {
    const recordId = await newRecord();
    const first = await (await submit('objection', recordId)).json<CaseCreated>();
    expect((await submit('objection', recordId)).status).toBe(409);
    await env.DB.prepare("UPDATE objections SET status = 'closed' WHERE reference = ?").bind(first.reference).run();
    expect((await submit('objection', recordId)).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('refuses the same key with another body, 422 idempotency_key_reused, and keeps the first case as it was', async () => {
    const key = crypto.randomUUID();
    const recordId = await newRecord();
    const post = (body: unknown) =>
      exports.default.fetch('http://local/api/v1/objections', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'CF-Connecting-IP': newClient() },
        body: JSON.stringify(body),
      });
    const first = await post(objectionBody(recordId));
    expect(first.status).toBe(201);
    const created = await first.json<CaseCreated>();

    const other = await post(objectionBody(recordId, '另一份内容不同的情况说明，不能被当作重复提交而丢弃。'));
    expect(other.status).toBe(422);
    const { error } = await other.json<ApiErrorBody>();
    expect(error.code).toBe('idempotency_key_reused');
    expect(error.fields).toEqual([{ path: 'Idempotency-Key', message: expect.stringContaining('新的键') }]);

    const same = await post(objectionBody(recordId));
    expect(same.status).toBe(200);
    expect(same.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await same.json<CaseCreated>()).reference).toBe(created.reference);
    expect(await openCases('objection', recordId)).toBe(1);
  });
});

describe('tracking cannot be brute-forced', () => {
  it('300 wrong codes for one reference, from many clients: 429 after the limit, the lock audited once', async () => {
    const created = await (await submit('objection', await newRecord())).json<CaseCreated>();
    const guess = (code: string) =>
      exports.default.fetch(`http://local/api/v1/objections/${created.reference}`, {
        headers: { 'X-Access-Code': code, 'CF-Connecting-IP': newClient() },
      });
    const statuses = (await Promise.all(Array.from({ length: 300 }, () => guess('AAAA-AAAA')))).map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(TRACKING_LIMITS.perReference);
    expect(statuses.filter((s) => s === 429)).toHaveLength(300 - TRACKING_LIMITS.perReference);

    // Locked for everyone until the window ends, the holder of the right code too; the answer says how long.
    const locked = await guess(created.accessCode);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(TRACKING_LIMITS.windowMinutes * 60);
    expect((await locked.json<ApiErrorBody>()).error.message).toMatch(/请在 \d+ 分钟后再试/);

    const audit = await env.DB.prepare("SELECT actor, after FROM audit_log WHERE action = 'tracking.locked' AND target = ?")
      .bind(`reference:${created.reference}`)
      .all<{ actor: string; after: string }>();
    expect(audit.results).toHaveLength(1);
    expect(JSON.parse(audit.results[0]!.after)).toMatchObject({ attempts: TRACKING_LIMITS.perReference });
  });

  it('limits one client over all references, keyed by its IPv6 /64', async () => {
    // Well-formed references nobody holds: each is tried once, so only the client's count can refuse.
    const letters = '34679ACDEFGHJKMNPQRTUVWXY';
    const reference = (i: number) => `XF-2026-AAAA${letters[i % 25]}${letters[Math.floor(i / 25) % 25]}`;
    const guess = (i: number, address: string) =>
      exports.default.fetch(`http://local/api/v1/repairs/${reference(i)}`, {
        headers: { 'X-Access-Code': 'AAAA-AAAA', 'CF-Connecting-IP': address },
      });
    const statuses: number[] = [];
    // One household's /64 is one client, whichever of its addresses a request comes from.
    const household = newClientNetwork();
    for (let i = 0; i <= TRACKING_LIMITS.perClient; i++) statuses.push((await guess(i, `${household}:${i.toString(16)}::1`)).status);
    expect(statuses.slice(0, TRACKING_LIMITS.perClient).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another /64 is another client.
    expect((await guess(TRACKING_LIMITS.perClient + 1, newClient())).status).toBe(404);
  }, 60_000);

  it('counts again in the next window, and a right code clears the count', async () => {
    const created = await (await submit('repair', await newRecord())).json<CaseCreated>();
    const db = getDb(env.DB);
    const at = (iso: string): Clock => ({ now: () => new Date(iso), today: () => iso.slice(0, 10) });
    const start = `${today}T01:00:00.000Z`;
    const lookup = (clock: Clock, accessCode: string) => trackCase(db, clock, { reference: created.reference, accessCode, client: null });
    for (let i = 0; i < TRACKING_LIMITS.perReference - 1; i++) expect(await lookup(at(start), 'AAAA-AAAA')).toBeNull();
    // The right code within the limit: found, and the count starts again.
    expect(await lookup(at(start), created.accessCode)).toMatchObject({ reference: created.reference });
    for (let i = 0; i < TRACKING_LIMITS.perReference; i++) expect(await lookup(at(start), 'AAAA-AAAA')).toBeNull();
    await expect(lookup(at(start), created.accessCode)).rejects.toMatchObject({ kind: 'too_many' });
    const nextHour = `${today}T02:00:00.000Z`;
    expect(await lookup(at(nextHour), created.accessCode)).toMatchObject({ reference: created.reference });
  });
});

describe('hostile characters', () => {
  it.each(['/api/v1/enterprises', '/api/v1/penalties'])('%s?q= with NUL and other controls answers below 500', async (path) => {
    for (const q of ['\u0000建筑', '建\u0000筑', '\u0001\u001f', '\u007f', '"\u0000', '\u202e建筑\u202c', '\u200b']) {
      const res = await exports.default.fetch(`http://local${path}?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(q)).toBeLessThan(500);
      if (res.status >= 400) expect((await res.json<ApiErrorBody>()).error.message).toMatch(/\p{Script=Han}/u);
    }
  });

  it('finds the employer when the query carries invisible characters', async () => {
    const res = await exports.default.fetch(`http://local/api/v1/enterprises?q=${encodeURIComponent('攻\u200b防\u0000测试')}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(uscc);
  });

  it('stores statements, names and file names without controls, bidi overrides or zero-width characters', async () => {
    const recordId = await newRecord();
    const form = new FormData();
    form.set('uscc', uscc);
    form.set('recordId', String(recordId));
    form.set('grounds', 'wrong_info');
    form.set('statement', '处罚\u202e决定书\u200b记载的人数\u0000与事实不符。\r\n第二行\u2066说明\u2069。');
    form.set('applicant.name', '周\u200d敏\u202e');
    form.set('applicant.phone', '13912345678');
    form.set('applicant.email', 'zhoumin@example.com');
    form.set('attachments', file(pdfBytes, '证据\u202efdp.exe\u200b.pdf'));
    const res = await exports.default.fetch('http://local/api/v1/objections', {
      method: 'POST',
      headers: { 'CF-Connecting-IP': newClient() },
      body: form,
    });
    expect(res.status).toBe(201);
    const { reference } = await res.json<CaseCreated>();
    const row = await env.DB.prepare('SELECT statement, applicant_name FROM objections WHERE reference = ?')
      .bind(reference)
      .first<{ statement: string; applicant_name: string }>();
    expect(row).toEqual({ statement: '处罚决定书记载的人数与事实不符。\n第二行说明。', applicant_name: '周敏' });
    const attachment = await env.DB.prepare('SELECT file_name FROM attachments WHERE reference = ?')
      .bind(reference)
      .first<{ file_name: string }>();
    expect(attachment!.file_name).toBe('证据fdp.exe.pdf');
  });
});

describe('the submission limit', () => {
  it('counts well-formed submissions only: a client correcting its mistakes is never refused as too frequent', async () => {
    const address = newClient();
    for (let i = 0; i < 15; i++) {
      const res = await exports.default.fetch('http://local/api/v1/objections', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': address },
        body: JSON.stringify({ ...objectionBody(0), statement: '' }),
      });
      expect(res.status).toBe(422);
    }
    expect((await submit('objection', await newRecord(), { 'CF-Connecting-IP': address })).status).toBe(201);
  });

  it('keys IPv6 clients by their /64, and shares no key among requests without a client address', async () => {
    const statuses: number[] = [];
    const household = newClientNetwork();
    for (let i = 0; i < 11; i++) {
      statuses.push((await submit('objection', await newRecord(), { 'CF-Connecting-IP': `${household}::${i + 1}` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Without Cloudflare's edge in front there is no client to key on: nobody is locked out by anyone else.
    const anonymous = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const recordId = await newRecord();
        return exports.default.fetch('http://local/api/v1/objections', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(objectionBody(recordId)),
        });
      }),
    );
    expect(anonymous.map((r) => r.status)).toEqual(anonymous.map(() => 201));
  });
});

describe('staff input has a size and a depth', () => {
  it('refuses detail nested 10,000 deep with 422 on the field, storing nothing', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM credit_records').first<{ n: number }>();
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await staff('POST', '/records', staffRecord({ detail: '__DEEP__' }).replace('"__DEEP__"', deep));
    expect(res.status).toBe(422);
    const { error } = await res.json<ApiErrorBody>();
    expect(error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'detail', message: expect.stringContaining('层') })]),
    );
    const after = await env.DB.prepare('SELECT count(*) AS n FROM credit_records').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it('refuses a detail over its size with 422, and a body of 10 MB with 413', async () => {
    const big = await staff('POST', '/records', staffRecord({ detail: { note: '京'.repeat(20_000) } }));
    expect(big.status).toBe(422);
    expect((await big.json<ApiErrorBody>()).error.fields![0]).toMatchObject({ path: 'detail', message: expect.stringContaining('KB') });
    const huge = await staff('POST', '/records', staffRecord({ detail: { note: 'x'.repeat(10 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect((await huge.json<ApiErrorBody>()).error.code).toBe('payload_too_large');
  });

  it('cleans what staff type, as it cleans what the public types', async () => {
    const res = await staff(
      'POST',
      '/records',
      staffRecord({ title: '未按规定\u202e支付\u0000工资', facts: '拖欠\u200b工资。\r\n已责令改正。' }),
    );
    expect(res.status).toBe(201);
    const { id } = await res.json<{ id: number }>();
    const row = await env.DB.prepare('SELECT title, facts FROM credit_records WHERE id = ?').bind(id).first();
    expect(row).toEqual({ title: '未按规定支付工资', facts: '拖欠工资。\n已责令改正。' });
  });
});

describe('names in staff-written text (DOMAIN.md §8)', () => {
  const facts = '拖欠劳动者张三、李四等 6 人工资共计 8 万元，员工刘小明反映后仍未支付。';

  it('are masked on the profile and in the penalty list; the responsible person is named', async () => {
    const recordId = await newRecord({
      facts: `${facts}法定代表人王建国对此负责。`,
      decisionNo: '京朝人社监罚字〔2026〕第 7701 号',
    });
    const record = (await profileOf(uscc)).records.find((r) => r.id === recordId)!;
    const shown = JSON.stringify(record);
    expect(shown).toContain('劳动者张某某、李某某等 6 人');
    expect(shown).toContain('员工刘某某反映');
    expect(shown).toContain('王建国');
    expect(shown).not.toMatch(/张三|李四|刘小明/);

    const list = await (await exports.default.fetch(`http://local/api/v1/penalties?q=${uscc}&pageSize=100`)).json<PenaltyList>();
    expect(JSON.stringify(list)).toContain('劳动者张某某、李某某等 6 人');
    expect(JSON.stringify(list)).not.toMatch(/张三|李四|刘小明/);
  });

  it('are shown to staff as the public will read them, before publication', async () => {
    const res = await staff('POST', '/records', staffRecord({ facts, decisionNo: '京朝人社监罚字〔2026〕第 7702 号' }));
    expect(res.status).toBe(201);
    const created = await res.json<{ maskedForPublic: { facts: string | null } | null }>();
    expect(created.maskedForPublic?.facts).toBe('拖欠劳动者张某某、李某某等 6 人工资共计 8 万元，员工刘某某反映后仍未支付。');
  });
});
