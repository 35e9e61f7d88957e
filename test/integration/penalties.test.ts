import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { api, bodyOf, type ApiErrorBody } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

/** GET /api/v1/penalties with these query parameters, answering 200. */
const list = async (query: InferRequestType<typeof api.penalties.$get>['query'] = {}) => bodyOf(await api.penalties.$get({ query }), 200);
/** The same with a hand-written query string, for values the typed client would not let through. */
const listRaw = async (query: string) => {
  const res = await exports.default.fetch(`http://local/api/v1/penalties${query}`);
  return { status: res.status, body: await res.json<ApiErrorBody>() };
};
const builder = makeUscc('MA01PEN01');
const cafe = makeUscc('MA01PEN02', '110108');

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc: builder, name: '北京恒信建筑劳务有限公司' });
  await insertEnterprise(env.DB, { uscc: cafe, name: '北京味道餐饮管理有限公司', districtCode: '110108' });
  const base = { publishUntil: addMonths(today, 12) };
  await insertRecord(env.DB, {
    ...base,
    uscc: builder,
    decisionNo: '京朝人社监罚字〔2026〕第 11 号',
    decidedOn: '2026-03-02',
    violationType: '拖欠工资',
    facts: '拖欠 23 名劳动者工资共计 41 万元',
    fineFen: 2_000_000,
    penaltyTypes: ['罚款'],
  });
  await insertRecord(env.DB, {
    ...base,
    uscc: cafe,
    decisionNo: '京海人社监罚字〔2026〕第 7 号',
    decidedOn: '2026-05-20',
    violationType: '违法延长工时',
  });
  await insertRecord(env.DB, {
    ...base,
    uscc: cafe,
    decisionNo: '京海人社监罚字〔2026〕第 3 号',
    decidedOn: '2026-02-01',
    status: 'withdrawn',
    withdrawnOn: '2026-04-01',
    withdrawalReason: '行政复议决定撤销原处罚决定',
    facts: '不应再公开的事实',
  });
  await insertRecord(env.DB, { uscc: cafe, decisionNo: '已过公示期', decidedOn: '2024-01-01', publishUntil: addMonths(today, -1) });
  await insertRecord(env.DB, { ...base, uscc: cafe, kind: 'no_penalty', severity: 'none', decisionNo: '不予处罚决定' });
});

describe('GET /api/v1/penalties', () => {
  it('lists public penalty decisions newest first with the fields of DOMAIN.md §8', async () => {
    const res = await api.penalties.$get({ query: {} });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body.items.map((p) => p.decisionNo)).toEqual([
      '京海人社监罚字〔2026〕第 7 号',
      '京朝人社监罚字〔2026〕第 11 号',
      '京海人社监罚字〔2026〕第 3 号',
    ]);
    expect(body.items[1]).toMatchObject({
      partyName: '北京恒信建筑劳务有限公司',
      uscc: builder,
      violationType: '拖欠工资',
      fineFen: 2_000_000,
      penaltyTypes: ['罚款'],
      status: 'published',
      withdrawal: null,
    });
    expect(body).toMatchObject({ total: 3, totalCapped: false, page: 1 });
  });

  it('counts what it lists: a decision with no 公示截止期 in, one whose period has ended out', async () => {
    const open = makeUscc('MA01PEN03');
    await insertEnterprise(env.DB, { uscc: open, name: '北京无期限公示测试有限公司' });
    await insertRecord(env.DB, { uscc: open, decisionNo: '无截止期', severity: 'none', publishUntil: null, decidedOn: '2026-01-05' });
    await insertRecord(env.DB, { uscc: open, decisionNo: '期满未标记', decidedOn: '2024-01-05', publishUntil: addMonths(today, -2) });
    const body = await list({ q: open });
    expect(body.items.map((p) => p.decisionNo)).toEqual(['无截止期']);
    expect(body).toMatchObject({ total: 1, totalCapped: false });
  });

  it('shows a withdrawn decision as a notice with its reason and no facts', async () => {
    const body = await list();
    const withdrawn = body.items.find((p) => p.status === 'withdrawn')!;
    expect(withdrawn.withdrawal).toEqual({ reason: '行政复议决定撤销原处罚决定', on: '2026-04-01' });
    expect(withdrawn.facts).toBeNull();
  });

  it('searches by party name fragment or code, date range and violation type', async () => {
    expect((await list({ q: '建筑劳务' })).items.map((p) => p.uscc)).toEqual([builder]);
    expect((await list({ q: cafe.toLowerCase() })).total).toBe(2);
    expect((await list({ from: '2026-03-01', to: '2026-04-30' })).items.map((p) => p.decisionNo)).toEqual([
      '京朝人社监罚字〔2026〕第 11 号',
    ]);
    expect((await list({ violationType: '违法延长工时' })).total).toBe(1);
    expect((await list({ q: '不存在的名称' })).items).toEqual([]);
  });

  it('rejects impossible dates, a reversed range and an unknown type', async () => {
    for (const [qs, field] of [
      ['?from=2026-02-30', 'from'],
      ['?from=2026-05-01&to=2026-01-01', 'to'],
      ['?violationType=x', 'violationType'],
    ]) {
      const { status, body } = await listRaw(qs!);
      expect(status, qs).toBe(422);
      expect(
        body.error.fields!.map((f) => f.path),
        qs,
      ).toContain(field);
    }
  });
});

describe('GET /api/v1/penalties: the keyword box and the download', () => {
  it('finds decisions by violation type, so that 拖欠 finds the wage arrears', async () => {
    const items = await list({ q: '拖欠', pageSize: '100' });
    expect(items.items.length).toBeGreaterThan(0);
    expect(items.items.every((p) => p.violationType?.includes('拖欠'))).toBe(true);
    expect(items.items.map((p) => p.uscc)).toEqual([builder]);
  });

  it('finds a decision by its number typed with other brackets and spaces', async () => {
    const [one] = (await list({ q: builder })).items;
    const typed = one!.decisionNo!.replace('〔', '[').replace('〕', ']').replace('第', '第 ');
    expect((await list({ q: typed })).items.map((p) => p.id)).toEqual([one!.id]);
  });

  it('reads dates as people write them, and names the field in Chinese when one is wrong', async () => {
    const slashed = await exports.default.fetch(`http://local/api/v1/penalties?from=${encodeURIComponent(today.replaceAll('-', '/'))}`);
    expect(slashed.status).toBe(200);
    const wrong = await exports.default.fetch('http://local/api/v1/penalties?from=yesterday');
    expect(wrong.status).toBe(422);
    expect((await wrong.json<ApiErrorBody>()).error.fields![0]).toMatchObject({
      path: 'from',
      message: expect.stringContaining('决定日期（起）'),
    });
  });

  it('downloads the filtered list as CSV with a BOM and Chinese headings', async () => {
    const res = await exports.default.fetch(`http://local/api/v1/penalties?format=csv&q=${builder}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toContain('决定书文号');
    expect(rows.length).toBe((await list({ q: builder, pageSize: '100' })).total);
  });
});
