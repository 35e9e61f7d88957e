// 拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号, DOMAIN.md §6) as the public reads it: the
// listings in force with the employer and its responsible persons by name (never an ID number),
// the date and reason of listing, the deciding authority and the end of the 3-year term; early
// removals and withdrawals as notices with their date; by district and year, paged, and as CSV.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf, type ApiErrorBody, type WageArrearsList } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addDays, addMonths } from '../../functions/domain/dates';
import { publicationEnd } from '../../functions/domain/publication';
import { today } from '../fixtures/today';

const list = async (query: Record<string, string> = {}) => bodyOf(await api.lists['wage-arrears'].$get({ query }), 200);
const raw = (query: string, headers?: Record<string, string>) =>
  exports.default.fetch(`http://local/api/v1/lists/wage-arrears${query}`, headers ? { headers } : undefined);

const builder = makeUscc('MA01WA001');
const restaurant = makeUscc('MA01WA002', '110108');
const removedEarly = makeUscc('MA01WA003');
const withdrawn = makeUscc('MA01WA004');
const lapsed = makeUscc('MA01WA005');
const pageFiller = Array.from({ length: 3 }, (_, i) => makeUscc(`MA01WA1${i}0`, '110112'));

const ID_NUMBER = '110105198003152316';
const listedOn = addMonths(today, -8);
const listing = (uscc: string, decidedOn: string, over: Record<string, unknown> = {}) =>
  insertRecord(env.DB, {
    uscc,
    kind: 'wage_arrears_list',
    severity: 'serious',
    title: '列入拖欠农民工工资失信联合惩戒对象名单',
    decisionNo: `京人社欠薪惩字〔${decidedOn.slice(0, 4)}〕第${uscc.slice(-4)}号`,
    decidedOn,
    publishedOn: addDays(decidedOn, 2),
    publishUntil: publicationEnd(decidedOn, 'serious'),
    violationType: '拖欠工资',
    facts: '拖欠 41 名农民工工资 186 万元，经责令限期支付后逾期仍未支付，引发群体性事件。工人李四向记者反映。',
    penaltyContent: '列入名单，期限3年',
    detail: {
      legalRepresentative: '王建国',
      responsiblePersons: [{ name: '赵项目', role: '项目负责人', idNumber: ID_NUMBER, phone: '13800138000' }],
      workers: [{ name: '李四', idNumber: '110105199001011234', phone: '13900139000' }],
      groupIncident: true,
    },
    ...over,
  });

let ids: Record<string, number>;

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc: builder, name: '北京欠薪建筑劳务有限公司', legalRepresentative: '王建国' });
  await insertEnterprise(env.DB, { uscc: restaurant, name: '北京欠薪餐饮有限公司', districtCode: '110108' });
  await insertEnterprise(env.DB, { uscc: removedEarly, name: '北京已移出装饰工程有限公司' });
  await insertEnterprise(env.DB, { uscc: withdrawn, name: '北京已撤销劳务有限公司' });
  await insertEnterprise(env.DB, { uscc: lapsed, name: '北京期满劳务有限公司' });
  for (const [i, uscc] of pageFiller.entries())
    await insertEnterprise(env.DB, { uscc, name: `北京通州欠薪${i}号有限公司`, districtCode: '110112' });
  ids = {
    builder: (await listing(builder, listedOn)).id,
    restaurant: (await listing(restaurant, addMonths(today, -20), { authority: '北京市海淀区人力资源和社会保障局' })).id,
    removedEarly: (await listing(removedEarly, addMonths(today, -10), { status: 'repaired', repairedOn: addMonths(today, -2) })).id,
    withdrawn: (
      await listing(withdrawn, addMonths(today, -5), {
        status: 'withdrawn',
        withdrawnOn: addMonths(today, -4),
        withdrawalReason: '列入决定经行政复议被撤销',
      })
    ).id,
    // Three years and a day ago: the term has ended, the listing is gone even though still marked published.
    lapsed: (await listing(lapsed, addDays(addMonths(today, -36), -1))).id,
  };
  for (const [i, uscc] of pageFiller.entries()) await listing(uscc, addMonths(today, -(11 + i)));
  // A penalty of a listed employer is not a listing.
  await insertRecord(env.DB, { uscc: builder, decidedOn: addMonths(today, -9), publishUntil: addMonths(today, 3) });
});

describe('GET /api/v1/lists/wage-arrears', () => {
  it('lists the entries in force, newest listing first, with the fields of DOMAIN.md §6', async () => {
    const body = await list({ pageSize: '100' });
    const mine = body.items.filter((e) => Object.values(ids).includes(e.id) || pageFiller.includes(e.uscc));
    expect(mine.map((e) => e.uscc)).toEqual([withdrawn, builder, removedEarly, ...pageFiller, restaurant]);
    expect(body.items.find((e) => e.id === ids.builder)).toEqual({
      id: ids.builder,
      employerName: '北京欠薪建筑劳务有限公司',
      uscc: builder,
      district: '朝阳区',
      persons: [
        { name: '王建国', role: '法定代表人' },
        { name: '赵项目', role: '项目负责人' },
      ],
      listedOn,
      reason: '拖欠 41 名农民工工资 186 万元，经责令限期支付后逾期仍未支付，引发群体性事件。工人李某某向记者反映。',
      decisionNo: `京人社欠薪惩字〔${listedOn.slice(0, 4)}〕第${builder.slice(-4)}号`,
      authority: '北京市朝阳区人力资源和社会保障局',
      termEndsOn: publicationEnd(listedOn, 'serious'),
      state: 'listed',
      notice: null,
    });
  });

  it('never publishes an ID or phone number, nor a worker’s name', async () => {
    const text = await (await raw('?pageSize=100')).text();
    for (const secret of [ID_NUMBER, '110105199001011234', '13800138000', '13900139000', '李四']) expect(text).not.toContain(secret);
  });

  it('shows an early removal and a withdrawal as notices with their date, without the persons or the facts', async () => {
    const body = await list({ pageSize: '100' });
    expect(body.items.find((e) => e.id === ids.removedEarly)).toMatchObject({
      state: 'removed',
      persons: [],
      reason: null,
      notice: { on: addMonths(today, -2), reason: expect.stringContaining('提前移出') },
    });
    expect(body.items.find((e) => e.id === ids.withdrawn)).toMatchObject({
      state: 'withdrawn',
      persons: [],
      notice: { on: addMonths(today, -4), reason: '列入决定经行政复议被撤销' },
    });
  });

  it('drops a listing on the day its 3-year term ends, whatever its stored status', async () => {
    const body = await list({ pageSize: '100' });
    expect(body.items.map((e) => e.id)).not.toContain(ids.lapsed);
  });

  it('filters by the employer’s district (name or code) and by the year of listing', async () => {
    expect((await list({ district: '海淀区' })).items.map((e) => e.uscc)).toEqual([restaurant]);
    // The page's form sends "全部" as an empty value: no filter, not an error.
    expect((await list({ district: '海淀区', year: '' })).items.map((e) => e.uscc)).toEqual([restaurant]);
    expect((await list({ district: '110112' })).items.map((e) => e.uscc)).toEqual(pageFiller);
    const year = listedOn.slice(0, 4);
    const inYear = await list({ year, pageSize: '100' });
    expect(inYear.items.map((e) => e.id)).toContain(ids.builder);
    for (const e of inYear.items) expect(e.listedOn.startsWith(year)).toBe(true);
    // Both at once: the district's listing in its own year, and nothing in the year after.
    const restaurantYear = Number(addMonths(today, -20).slice(0, 4));
    const both = await list({ district: '海淀区', year: String(restaurantYear) });
    expect([both.total, both.items.map((e) => e.uscc)]).toEqual([1, [restaurant]]);
    expect((await list({ district: '海淀区', year: String(restaurantYear + 1) })).total).toBe(0);
  });

  it('pages with the total of all matching entries', async () => {
    const first = await list({ district: '110112', pageSize: '2' });
    const second = await list({ district: '110112', pageSize: '2', page: '2' });
    expect([first.total, first.items.length, second.items.length]).toEqual([3, 2, 1]);
    expect([...first.items, ...second.items].map((e) => e.uscc)).toEqual(pageFiller);
  });

  it('counts, without a district, exactly the entries it lists: notices in, lapsed listings and penalties out', async () => {
    const all = await list({ pageSize: '100' });
    const paged = await list({ pageSize: '3' });
    expect(all.items.length).toBeLessThan(100);
    expect(paged.total).toBe(all.items.length);
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((e) => e.id)).toEqual(expect.arrayContaining([ids.removedEarly, ids.withdrawn]));
  });

  it('answers 422 in Chinese for an unknown district, a malformed year or page', async () => {
    for (const query of ['?district=火星区', '?year=26', '?page=0', '?format=xml']) {
      const res = await raw(query);
      expect(res.status, query).toBe(422);
      const body = await res.json<ApiErrorBody>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('exports every matching entry as CSV with a BOM and the Chinese headers (?format=csv or Accept)', async () => {
    for (const res of [await raw('?format=csv&district=110112'), await raw('?district=110112', { Accept: 'text/csv' })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; /);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        '单位名称,统一社会信用代码,所属区,列入名单的人员,列入日期,列入事由,作出决定的部门,决定书文号,名单期限届满日,状态,提前移出或撤销说明',
      );
      expect(lines).toHaveLength(4);
      expect(lines[1]).toContain(pageFiller[0]);
      expect(lines[1]).toContain('王建国（法定代表人）、赵项目（项目负责人）');
    }
  });

  it('is the list the open-data download serves too', async () => {
    const res = await exports.default.fetch('http://local/api/v1/open-data/wage-arrears?format=json');
    const doc = await res.json<{ items: WageArrearsList['items'] }>();
    expect(doc.items.map((e) => e.id)).toEqual((await list({ pageSize: '100' })).items.map((e) => e.id));
  });
});
