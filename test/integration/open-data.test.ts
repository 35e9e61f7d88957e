import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDataJson } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { insertSamplingResult, insertSamplingTask } from '../fixtures/sampling';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

const get = (path: string) => exports.default.fetch(`http://local/api/v1/open-data${path}`);
const uscc = makeUscc('MA01DAT01');

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京开放数据测试有限公司' });
  await insertRecord(env.DB, { uscc, decisionNo: '京朝人社监罚字〔2026〕第 90 号', fineFen: 1_234_567, publishUntil: addMonths(today, 6) });
  await insertRecord(env.DB, { uscc, decisionNo: '过期', publishUntil: addMonths(today, -6) });
  await insertSamplingTask(env.DB, { id: 'SJ-2026-050' });
  // More than one keyset page of rows, so the stream has to fetch several times.
  for (let i = 0; i < 1100; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, j) =>
        insertSamplingResult(env.DB, { taskId: 'SJ-2026-050', uscc: makeUscc(`MA0${String(1000 + i + j).padStart(6, '0')}`) }),
      ),
    );
  }
});

describe('GET /api/v1/open-data/{dataset}', () => {
  it('streams every published sampling result as CSV with a generation time', async () => {
    const res = await get('/sampling-results');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-generated-at')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // ignoreBOM keeps the byte-order mark that Excel needs, so the test can see it.
    const lines = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(await res.arrayBuffer())
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF任务编号,对象名称/);
    expect(lines).toHaveLength(1 + 1100);
  });

  it('gives penalties as JSON with the licence, and nothing past its publication period', async () => {
    const body = await openDataJson('penalties');
    expect(body).toMatchObject({ dataset: 'penalties', licence: expect.stringContaining('注明来源'), generatedAt: expect.any(String) });
    expect(body.items.map((p) => p.decisionNo)).toEqual(['京朝人社监罚字〔2026〕第 90 号']);
    const csv = await (await get('/penalties')).text();
    expect(csv).toContain('12345.67');
    expect(csv).not.toContain('过期');
  });

  it('answers an empty list for a dataset with no rows yet, and 422 for an unknown one', async () => {
    expect((await openDataJson('repairs')).items).toEqual([]);
    const res = await get('/secrets');
    expect(res.status).toBe(422);
  });
});
