// 200 concurrent mixed requests: every submission that got 201 is readable afterwards, and
// nothing else was written (DESIGN.md: no half-written case; issue: load and fault behaviour).
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreated } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

const uscc = makeUscc('MA01CC001');
/** One record per submission: one open objection per record is a database rule, tested on its own. */
let recordIds: number[] = [];

const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京并发测试科技有限公司' });
  recordIds = await Promise.all(
    Array.from(
      { length: 200 },
      async () => (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -2), publishUntil: addMonths(today, 10) })).id,
    ),
  );
});

describe('200 concurrent mixed requests', () => {
  it('keeps every accepted submission readable and writes nothing for the rest', async () => {
    const before = { objections: await count('objections'), events: await count('case_events') };
    const submission = (i: number) => {
      const valid = i % 3 !== 0;
      return exports.default.fetch('http://local/api/v1/objections', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.9.${i % 250}.${Math.floor(i / 250) + 1}` },
        body: JSON.stringify({
          uscc,
          recordId: recordIds[i],
          grounds: 'other',
          statement: valid ? `并发提交第 ${i} 号：请核实该处罚记录的事实认定。` : '短',
          applicant: { name: '并发', phone: '13900000000', email: 'load@example.com' },
        }),
      });
    };
    const reads = [
      `/api/v1/enterprises/${uscc}`,
      `/api/v1/enterprises?q=${encodeURIComponent('并发测试')}`,
      '/api/v1/sampling/tasks',
      '/api/v1/penalties',
      '/api/v1/health',
    ];
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0 ? submission(i) : exports.default.fetch(`http://local${reads[i % reads.length]}`),
      ),
    );
    // Every answer is JSON; that of an accepted submission is the case it created.
    type Answer = { accepted: true; body: CaseCreated } | { accepted: false; body: unknown };
    const bodies = await Promise.all(
      responses.map(
        async (r): Promise<Answer> =>
          r.status === 201 ? { accepted: true, body: await r.json<CaseCreated>() } : { accepted: false, body: await r.json() },
      ),
    );
    expect(responses.every((r) => r.status < 500)).toBe(true);

    const created = bodies.flatMap((a) => (a.accepted ? [a.body] : []));
    const rejected = responses.filter((r, i) => i % 2 === 0 && r.status !== 201);
    expect(created.length + rejected.length).toBe(100);
    expect(rejected.every((r) => r.status === 422)).toBe(true);
    expect(await count('objections')).toBe(before.objections + created.length);
    expect(await count('case_events')).toBe(before.events + created.length);

    const tracked = await Promise.all(
      created.map((c) =>
        exports.default.fetch(`http://local/api/v1/objections/${c.reference}`, { headers: { 'X-Access-Code': c.accessCode } }),
      ),
    );
    expect(tracked.map((r) => r.status)).toEqual(created.map(() => 200));
    // A guard against a hang, not a speed check: 200 requests with PBKDF2 on a shared CI core.
  }, 60_000);
});
