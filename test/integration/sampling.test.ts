import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { api, bodyOf, type ApiErrorBody } from '../fixtures/api';
import { makeUscc } from '../fixtures/enterprises';
import { insertSamplingResult, insertSamplingTask } from '../fixtures/sampling';
import { addDays } from '../../functions/domain/dates';
import { today } from '../fixtures/today';
import { getDb } from '../../functions/db/client';
import { listTasksWithPublishedResults } from '../../functions/db/queries/sampling';

const fetchApi = (path: string, init?: RequestInit) => exports.default.fetch(`http://local/api/v1/sampling${path}`, init);
const tasks = api.sampling.tasks;
const results = (taskId: string, query: InferRequestType<(typeof tasks)[':taskId']['results']['$get']>['query'] = {}) =>
  tasks[':taskId'].results.$get({ param: { taskId }, query });

beforeAll(async () => {
  await insertSamplingTask(env.DB, { id: 'SJ-2026-001', seed: 'ab'.repeat(32), seedCommitment: 'cd'.repeat(32) });
  await insertSamplingTask(env.DB, { id: 'SJ-2025-004', year: 2025, name: '2025 年劳动合同签订情况抽查' });
  await insertSamplingResult(env.DB, { taskId: 'SJ-2026-001', uscc: makeUscc('MA01QMP01'), enterpriseName: '北京甲有限公司' });
  await insertSamplingResult(env.DB, {
    taskId: 'SJ-2026-001',
    uscc: makeUscc('MA01QMP02', '110108'),
    enterpriseName: '北京乙, "丙"有限公司',
    districtCode: '110108',
    result: '发现问题已责令改正',
    followUp: '=HYPERLINK("x") 已责令限期改正',
  });
  await insertSamplingResult(env.DB, {
    taskId: 'SJ-2026-001',
    uscc: makeUscc('MA01QMP03'),
    enterpriseName: '北京尚未公示有限公司',
    publishedOn: addDays(today, 3),
  });
});

describe('GET /api/v1/sampling/items', () => {
  it('lists the 随机抽查事项清单 with every field of DOMAIN.md §7', async () => {
    const res = await api.sampling.items.$get();
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body.items[0]).toEqual({
      id: 'SX-01',
      category: expect.any(String),
      name: expect.any(String),
      target: expect.any(String),
      itemType: '一般',
      method: expect.any(String),
      ratioAndFrequency: expect.any(String),
      authorityAndLevel: expect.any(String),
      basis: expect.any(String),
    });
  });
});

describe('GET /api/v1/sampling/tasks', () => {
  it('pages tasks newest first and filters by year', async () => {
    const all = await bodyOf(await tasks.$get({ query: {} }), 200);
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(all.items.map((t) => t.id)).toEqual(['SJ-2026-001', 'SJ-2025-004']);
    const y2025 = await bodyOf(await tasks.$get({ query: { year: '2025' } }), 200);
    expect(y2025.items.map((t) => t.id)).toEqual(['SJ-2025-004']);
  });

  it('never publishes the secret seed', async () => {
    const body = await bodyOf(await tasks[':taskId'].$get({ param: { taskId: 'SJ-2026-001' } }), 200);
    expect(body.seedCommitment).toBe('cd'.repeat(32));
    expect(JSON.stringify(body)).not.toContain('ab'.repeat(32));
    expect(body.item!.id).toBe('SX-01');
  });

  it('answers 404 for an unknown task and 422 for a malformed id or year', async () => {
    expect((await tasks[':taskId'].$get({ param: { taskId: 'SJ-1999-999' } })).status).toBe(404);
    expect((await tasks[':taskId'].$get({ param: { taskId: encodeURIComponent('x y<z>') } })).status).toBe(422);
    expect((await tasks.$get({ query: { year: '20x6' } })).status).toBe(422);
  });
});

describe('GET /api/v1/sampling/tasks/{taskId}/results', () => {
  it('lists published results only, filtered by category and district', async () => {
    const all = await bodyOf(await results('SJ-2026-001'), 200);
    expect(all.total).toBe(2);
    expect(all.items.map((r) => r.enterpriseName)).not.toContain('北京尚未公示有限公司');
    const problems = await bodyOf(await results('SJ-2026-001', { result: '发现问题已责令改正' }), 200);
    expect(problems.items.map((r) => r.districtCode)).toEqual(['110108']);
    const haidian = await bodyOf(await results('SJ-2026-001', { district: '海淀区' }), 200);
    expect(haidian.total).toBe(1);
  });

  it('rejects an unknown result category with the allowed values', async () => {
    // Not a category the typed client would let through: the query string by hand.
    const res = await fetchApi('/tasks/SJ-2026-001/results?result=bad');
    expect(res.status).toBe(422);
    const body = await res.json<ApiErrorBody>();
    expect(body.error.fields![0]).toMatchObject({ path: 'result', message: expect.stringContaining('未发现问题') });
  });

  it('downloads CSV with a BOM, a Chinese header row, quoting and formula neutralisation', async () => {
    for (const res of [
      await fetchApi('/tasks/SJ-2026-001/results?format=csv'),
      await fetchApi('/tasks/SJ-2026-001/results', { headers: { Accept: 'text/csv' } }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      const bytes = new Uint8Array(await res.clone().arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = (await res.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe('任务编号,对象名称,统一社会信用代码,住所,所属区,检查方式,检查日期,检查结果,后续处置,检查实施机关,公示日期');
      expect(lines).toHaveLength(3);
      expect(lines.join('\n')).toContain('"北京乙, ""丙""有限公司"');
      expect(lines.join('\n')).toContain(`"'=HYPERLINK(""x"") 已责令限期改正"`);
    }
  });
});

describe('listTasksWithPublishedResults (the home page and the sampling feed)', () => {
  it('gives the tasks last published first, each with its counts per result category as of today', async () => {
    await insertSamplingTask(env.DB, { id: 'SJ-2026-090', name: '最近公示的抽查' });
    await insertSamplingTask(env.DB, { id: 'SJ-2026-091', name: '尚未公示结果的抽查' });
    for (const [n, result] of [
      [1, '未发现问题'],
      [2, '未发现问题'],
      [3, '发现问题已立案查处'],
    ] as const) {
      await insertSamplingResult(env.DB, {
        taskId: 'SJ-2026-090',
        uscc: makeUscc(`MA01QML0${n}`),
        result,
        publishedOn: addDays(today, -1),
      });
    }
    // Published tomorrow: neither counted nor making its task public today.
    await insertSamplingResult(env.DB, { taskId: 'SJ-2026-091', uscc: makeUscc('MA01QML09'), publishedOn: addDays(today, 1) });

    const listed = await listTasksWithPublishedResults(getDb(env.DB), today, 10);
    expect(listed.map((t) => t.id)).not.toContain('SJ-2026-091');
    const newest = listed[0]!;
    expect(newest).toMatchObject({ id: 'SJ-2026-090', name: '最近公示的抽查', lastPublishedOn: addDays(today, -1) });
    expect(newest.results).toEqual(
      expect.arrayContaining([
        { result: '未发现问题', n: 2 },
        { result: '发现问题已立案查处', n: 1 },
      ]),
    );
    expect(newest.results).toHaveLength(2);
    // The task of the other tests: its result published in three days is not counted yet.
    expect(listed.find((t) => t.id === 'SJ-2026-001')!.results).toEqual(
      expect.arrayContaining([
        { result: '未发现问题', n: 1 },
        { result: '发现问题已责令改正', n: 1 },
      ]),
    );
    expect(listed.find((t) => t.id === 'SJ-2026-001')!.results).toHaveLength(2);
    expect(await listTasksWithPublishedResults(getDb(env.DB), today, 1)).toHaveLength(1);
  });
});
