import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { api, bodyOf, type ApiErrorBody } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

/** GET /api/v1/enterprises with these query parameters. */
const search = (query: InferRequestType<typeof api.enterprises.$get>['query']) => api.enterprises.$get({ query });
/** The same with a hand-written query string, for parameters the typed client would not let through. */
const searchRaw = async (qs: string) => {
  const res = await exports.default.fetch(`http://local/api/v1/enterprises?${qs}`);
  return { status: res.status, body: await res.json<ApiErrorBody>() };
};
const labour = makeUscc('MA01QRC01', '110108');

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc: labour, name: '北京宏达建筑劳务有限公司', districtCode: '110108', grade: 'C' });
  await insertEnterprise(env.DB, { uscc: makeUscc('MA01QRC02'), name: '北京宏达科技有限公司', grade: 'A' });
  await insertEnterprise(env.DB, { uscc: makeUscc('MA01QRC03'), name: '宏达（北京）餐饮管理有限公司', grade: 'B' });
  await insertEnterprise(env.DB, { uscc: makeUscc('MA01QRC04', '110101'), name: '北京东城建筑劳务派遣有限公司' });
  await insertRecord(env.DB, { uscc: labour, severity: 'serious', publishUntil: addMonths(today, 30) });
  await insertRecord(env.DB, { uscc: labour, severity: 'general', publishUntil: addMonths(today, -1) });
  await insertRecord(env.DB, { uscc: labour, kind: 'sampling_result', severity: 'none', publishUntil: null });
});

describe('GET /api/v1/enterprises', () => {
  it('finds by full code typed with spaces and lower case', async () => {
    const typed = `${labour.slice(0, 9)} ${labour.slice(9)}`.toLowerCase();
    const res = await search({ q: typed });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20, matchedBy: 'code' });
    expect(body.items).toEqual([
      { uscc: labour, name: '北京宏达建筑劳务有限公司', district: '海淀区', districtCode: '110108', grade: 'C', negativeRecords: 1 },
    ]);
  });

  it('finds a two-character Chinese substring anywhere in the name', async () => {
    const body = await bodyOf(await search({ q: '科技' }), 200);
    expect(body.items.map((i) => i.name)).toEqual(['北京宏达科技有限公司']);
  });

  it('finds a longer substring and not names that only share its characters', async () => {
    const body = await bodyOf(await search({ q: '建筑劳务' }), 200);
    expect(body.items.map((i) => i.name).sort()).toEqual(['北京东城建筑劳务派遣有限公司', '北京宏达建筑劳务有限公司']);
    const none = await bodyOf(await search({ q: '劳务建筑' }), 200);
    expect(none.items).toEqual([]);
  });

  it('ranks names that start with the query first', async () => {
    const body = await bodyOf(await search({ q: '宏达' }), 200);
    expect(body.items[0]!.name).toBe('宏达（北京）餐饮管理有限公司');
    expect(body.total).toBe(3);
  });

  it('filters by district given as a name or a code', async () => {
    for (const d of ['海淀区', '海淀', '110108']) {
      const body = await bodyOf(await search({ q: '建筑劳务', district: d }), 200);
      expect(
        body.items.map((i) => i.uscc),
        d,
      ).toEqual([labour]);
    }
  });

  it('pages through results', async () => {
    const first = await bodyOf(await search({ q: '宏达', pageSize: '2' }), 200);
    const second = await bodyOf(await search({ q: '宏达', pageSize: '2', page: '2' }), 200);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((i) => i.uscc)).size).toBe(3);
    const far = await search({ q: '宏达', page: '999999' });
    expect(far.status).toBe(200);
    expect((await bodyOf(far, 200)).items).toEqual([]);
  });

  it('treats FTS5 syntax, SQL and HTML in q as plain text', async () => {
    for (const q of ['" OR 1=1 --', "宏达' OR '1'='1", '<script>alert(1)</script>', 'grams:NEAR(宏达 科技)']) {
      const res = await search({ q });
      expect(res.status, q).toBe(200);
      expect((await bodyOf(res, 200)).items, q).toEqual([]);
    }
  });

  it('ignores punctuation and symbols, so operators cannot change a query', async () => {
    const plain = await bodyOf(await search({ q: '宏达' }), 200);
    const starred = await bodyOf(await search({ q: '宏达*' }), 200);
    expect(starred.items).toEqual(plain.items);
  });

  it('asks for at least two characters when q is empty or one character', async () => {
    for (const q of ['', '宏', '  ', '!!']) {
      const res = await search({ q });
      expect(res.status, q).toBe(422);
      expect((await bodyOf(res, 422)).error).toMatchObject({
        code: 'validation_failed',
        fields: [{ path: 'q', message: expect.stringContaining('2') }],
      });
    }
  });

  it('rejects bad paging and unknown districts with field messages', async () => {
    const cases: [string, string][] = [
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['pageSize=-5', 'pageSize'],
      ['pageSize=1000', 'pageSize'],
      ['page=abc', 'page'],
      ['district=火星区', 'district'],
    ];
    for (const [qs, field] of cases) {
      const { status, body } = await searchRaw(`q=${encodeURIComponent('宏达')}&${qs}`);
      expect(status, qs).toBe(422);
      expect(
        body.error.fields!.map((f) => f.path),
        qs,
      ).toContain(field);
    }
  });
});

describe('GET /api/v1/enterprises with a full page of 100', () => {
  it('answers a page of 100 matches (D1 binds at most 100 parameters per statement)', async () => {
    for (let i = 0; i < 105; i++) {
      await insertEnterprise(env.DB, { uscc: makeUscc(`MA02${String(i).padStart(5, '0')}`), name: `北京百家批量${i}号商贸有限公司` });
    }
    const res = await search({ q: '百家批量', pageSize: '100' });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body.items).toHaveLength(100);
    expect(body.total).toBe(105);
  });
});
