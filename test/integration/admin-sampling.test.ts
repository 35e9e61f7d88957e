// Staff plan a task, publish the seed commitment, draw once; the public can then verify the draw.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf, type ApiErrorBody, type SeedCommitted } from '../fixtures/api';
import { createAccessKeys, signAccessToken, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { insertSamplingItem } from '../fixtures/sampling';
import { getDb } from '../../functions/db/client';
import { inspectors } from '../../functions/db/schema';
import { verifyDraw } from '../../functions/domain/draw';

let keys: AccessKeys;

async function staff(method: string, path: string, body?: unknown, roles = ['publisher']) {
  const token = await signAccessToken(keys, { audience: env.ACCESS_AUD, issuer: env.ACCESS_ISSUER, roles, email: 'li.ming@hrss.example' });
  return exports.default.fetch(`http://local/api/v1/admin/sampling${path}`, {
    method,
    headers: { 'Cf-Access-Jwt-Assertion': token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const publicTask = (taskId: string) => api.sampling.tasks[':taskId'].$get({ param: { taskId } });
const publicDraw = (taskId: string) => api.sampling.tasks[':taskId'].draw.$get({ param: { taskId } });

const task = {
  id: 'SJ-2026-77',
  name: '2026 年通州区工资支付专项双随机抽查',
  itemId: 'SX-01',
  authority: '北京市通州区人力资源和社会保障局',
  scope: { districts: ['110112'], industries: [] },
  ratios: { A: 1000, B: 3000, none: 5000 },
  inspectFrom: '2026-12-01',
  inspectTo: '2026-12-31',
};

beforeAll(async () => {
  keys = await createAccessKeys();
  (env as unknown as { ACCESS_JWKS: string }).ACCESS_JWKS = keys.jwks;
  await insertSamplingItem(env.DB);
  const grades = ['A', 'B', null] as const;
  for (let i = 0; i < 30; i++) {
    await insertEnterprise(env.DB, {
      uscc: makeUscc(`MA03${String(i).padStart(5, '0')}`, '110112'),
      name: `北京通州抽查对象${i}号有限公司`,
      districtCode: '110112',
      grade: grades[i % 3],
    });
  }
  const db = getDb(env.DB);
  for (let i = 1; i <= 6; i++)
    await db.insert(inspectors).values({
      id: `TZ-${i}`,
      name: `通州检查员${i}`,
      certificateNo: `110112000${i}`,
      unit: '北京市通州区劳动保障监察大队',
      validFrom: '2020-01-01',
      validUntil: '2099-12-31',
    });
});

describe('staff draw workflow', () => {
  it('plans, commits, draws once, and the public record verifies', async () => {
    const created = await staff('POST', '/tasks', task);
    expect(created.status, await created.clone().text()).toBe(201);
    const committed = await (await staff('POST', `/tasks/${task.id}/commitment`)).json<SeedCommitted>();
    expect(committed.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    // Before the draw the public sees the commitment and no seed.
    const before = await publicTask(task.id);
    expect((await bodyOf(before, 200)).seedCommitment).toBe(committed.seedCommitment);
    expect((await publicDraw(task.id)).status).toBe(404);

    const drawn = await staff('POST', `/tasks/${task.id}/draw`, { beacon: 'ab'.repeat(32) });
    expect(drawn.status).toBe(201);
    const record = await bodyOf(await publicDraw(task.id), 200);
    expect(record.beacon).toBe('ab'.repeat(32));
    expect(record.seedCommitment).toBe(committed.seedCommitment);
    const verification = await verifyDraw(record);
    expect(verification.ok).toBe(true);
    expect(record.strata.find((s) => s.grade === 'A')!.selected).toHaveLength(1);

    expect((await staff('POST', `/tasks/${task.id}/draw`, {})).status).toBe(409);
    expect((await staff('POST', `/tasks/${task.id}/commitment`)).status).toBe(409);
  });

  it('records every step in the audit log with the actor', async () => {
    // A task of its own, through the same three steps.
    const id = 'SJ-2026-76';
    expect((await staff('POST', '/tasks', { ...task, id })).status).toBe(201);
    expect((await staff('POST', `/tasks/${id}/commitment`)).status).toBe(201);
    expect((await staff('POST', `/tasks/${id}/draw`, { beacon: 'ab'.repeat(32) })).status).toBe(201);
    const rows = await env.DB.prepare('SELECT action, actor FROM audit_log WHERE target = ? ORDER BY id')
      .bind(`task:${id}`)
      .all<{ action: string; actor: string }>();
    expect(rows.results).toEqual([
      { action: 'sampling.task.create', actor: 'li.ming@hrss.example' },
      { action: 'sampling.seed.commit', actor: 'li.ming@hrss.example' },
      { action: 'sampling.draw', actor: 'li.ming@hrss.example' },
    ]);
  });

  it('rejects a bad plan with field messages and a reviewer with 403', async () => {
    const bad = await staff('POST', '/tasks', { ...task, id: 'x', scope: { districts: ['999999'], industries: [] }, ratios: {} });
    expect(bad.status).toBe(422);
    const paths = (await bad.json<ApiErrorBody>()).error.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'scope.districts.0', 'ratios']));
    expect((await staff('POST', '/tasks', { ...task, id: 'SJ-2026-78' }, ['reviewer'])).status).toBe(403);
  });
});
