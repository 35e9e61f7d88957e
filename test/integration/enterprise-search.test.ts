import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

const get = async (path: string) => {
  const res = await exports.default.fetch(`http://local${path}`);
  return { status: res.status, body: await res.json<any>() };
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
    const { status, body } = await get(`/api/v1/enterprises?q=${encodeURIComponent(typed)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20, matchedBy: 'code' });
    expect(body.items).toEqual([
      { uscc: labour, name: '北京宏达建筑劳务有限公司', district: '海淀区', districtCode: '110108', grade: 'C', negativeRecords: 1 },
    ]);
  });

  it('finds a two-character Chinese substring anywhere in the name', async () => {
    const { body } = await get(`/api/v1/enterprises?q=${encodeURIComponent('科技')}`);
    expect(body.items.map((i: any) => i.name)).toEqual(['北京宏达科技有限公司']);
  });

  it('finds a longer substring and not names that only share its characters', async () => {
    const { body } = await get(`/api/v1/enterprises?q=${encodeURIComponent('建筑劳务')}`);
    expect(body.items.map((i: any) => i.name).sort()).toEqual(['北京东城建筑劳务派遣有限公司', '北京宏达建筑劳务有限公司']);
    const none = await get(`/api/v1/enterprises?q=${encodeURIComponent('劳务建筑')}`);
    expect(none.body.items).toEqual([]);
  });

  it('ranks names that start with the query first', async () => {
    const { body } = await get(`/api/v1/enterprises?q=${encodeURIComponent('宏达')}`);
    expect(body.items[0].name).toBe('宏达（北京）餐饮管理有限公司');
    expect(body.total).toBe(3);
  });

  it('filters by district given as a name or a code', async () => {
    for (const d of ['海淀区', '海淀', '110108']) {
      const { body } = await get(`/api/v1/enterprises?q=${encodeURIComponent('建筑劳务')}&district=${encodeURIComponent(d)}`);
      expect(
        body.items.map((i: any) => i.uscc),
        d,
      ).toEqual([labour]);
    }
  });

  it('pages through results', async () => {
    const first = await get(`/api/v1/enterprises?q=${encodeURIComponent('宏达')}&pageSize=2`);
    const second = await get(`/api/v1/enterprises?q=${encodeURIComponent('宏达')}&pageSize=2&page=2`);
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    expect(new Set([...first.body.items, ...second.body.items].map((i: any) => i.uscc)).size).toBe(3);
    const far = await get(`/api/v1/enterprises?q=${encodeURIComponent('宏达')}&page=999999`);
    expect(far.status).toBe(200);
    expect(far.body.items).toEqual([]);
  });

  it('treats FTS5 syntax, SQL and HTML in q as plain text', async () => {
    for (const q of ['" OR 1=1 --', "宏达' OR '1'='1", '<script>alert(1)</script>', 'grams:NEAR(宏达 科技)']) {
      const { status, body } = await get(`/api/v1/enterprises?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(body.items, q).toEqual([]);
    }
  });

  it('ignores punctuation and symbols, so operators cannot change a query', async () => {
    const plain = await get(`/api/v1/enterprises?q=${encodeURIComponent('宏达')}`);
    const starred = await get(`/api/v1/enterprises?q=${encodeURIComponent('宏达*')}`);
    expect(starred.body.items).toEqual(plain.body.items);
  });

  it('asks for at least two characters when q is empty or one character', async () => {
    for (const q of ['', '宏', '  ', '!!']) {
      const { status, body } = await get(`/api/v1/enterprises?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(422);
      expect(body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'q', message: expect.stringContaining('2') }] });
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
      const { status, body } = await get(`/api/v1/enterprises?q=${encodeURIComponent('宏达')}&${qs}`);
      expect(status, qs).toBe(422);
      expect(
        body.error.fields.map((f: any) => f.path),
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
    const { status, body } = await get(`/api/v1/enterprises?q=${encodeURIComponent('百家批量')}&pageSize=100`);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(100);
    expect(body.total).toBe(105);
  });
});
