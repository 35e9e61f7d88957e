// Snapshots that a copy can be kept true from (DOMAIN.md §12): every export carries the change
// feed's cursor, the penalties come in the national 双公示 fields, and the records snapshot plus
// the feed after its cursor is the public state.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, api, openDataJson, profileOf, type ApiErrorBody } from '../fixtures/api';
import { createAccessKeys } from '../fixtures/access-tokens';
import { DOMAIN_12_FIELDS } from '../fixtures/domain-12-fields';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { recordChanger } from '../fixtures/record-changes';
import { today } from '../fixtures/today';
import { addMonths } from '../../functions/domain/dates';
import { shareableRecord } from '../../functions/domain/changes';
import { usccCheckCharacter } from '../../functions/domain/uscc';

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`http://local/api/v1/open-data${path}`, { headers });
const company = makeUscc('MA01GX001');
/** An 个体工商户: registration authority 9, category 2. */
const shopCode = `92${company.slice(2, 17)}${usccCheckCharacter(`92${company.slice(2, 17)}`)}`;
const ids: Record<string, number> = {};
let changes: ReturnType<typeof recordChanger>;

const text = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
const csvLines = (csv: string) => csv.trimEnd().split('\r\n');

beforeAll(async () => {
  const keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  changes = recordChanger(keys, () => today);
  await insertEnterprise(env.DB, { uscc: company, name: '北京双公示测试有限公司', legalRepresentative: '李明' });
  await insertEnterprise(env.DB, { uscc: shopCode, name: '北京市朝阳区小张餐馆', legalRepresentative: '张小明' });
  const live = { decidedOn: addMonths(today, -1), publishUntil: addMonths(today, 11), penaltyTypes: ['警告', '罚款'] };
  ids.fined = (
    await insertRecord(env.DB, {
      uscc: company,
      ...live,
      decisionNo: '京朝人社监罚字〔2026〕第 701 号',
      violationType: '拖欠工资',
      facts: '拖欠劳动者王小二工资 4.2 万元',
      legalBasis: '《劳动保障监察条例》第二十六条',
      penaltyContent: '罚款人民币壹万贰仟叁佰肆拾伍元陆角柒分',
      fineFen: 1_234_567,
      correctionNote: '罚款金额更正。',
    })
  ).id;
  ids.shop = (await insertRecord(env.DB, { uscc: shopCode, ...live, decisionNo: '京朝人社监罚字〔2026〕第 702 号', fineFen: 500_000 })).id;
  ids.withdrawn = (await insertRecord(env.DB, { uscc: company, ...live, decisionNo: '京朝人社监罚字〔2026〕第 703 号' })).id;
  await changes.withdraw(ids.withdrawn!);
  ids.listing = (
    await insertRecord(env.DB, {
      uscc: company,
      ...live,
      kind: 'wage_arrears_list',
      severity: 'serious',
      decisionNo: null,
      title: '列入名单',
    })
  ).id;
});

describe('GET /api/v1/open-data/penalties?format=sgs (双公示)', () => {
  it('is a CSV with a byte-order mark whose header row is the field list of DOMAIN.md §12', async () => {
    const res = await get('/penalties?format=sgs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = csvLines(await text(res));
    expect(lines[0]!.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]!.slice(1).split(',')).toEqual(DOMAIN_12_FIELDS);
  });

  it('fills the fields: 罚款金额 in 万元, the bureau’s own code, 个体工商户 by its code, masked facts, only decisions shown in full', async () => {
    const res = await get('/penalties?format=sgs', { Accept: 'application/json' });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await res.json<{ cursor: number; items: Record<string, string | null>[] }>();
    expect(body.items.map((i) => i.行政处罚决定书文号)).toEqual(['京朝人社监罚字〔2026〕第 701 号', '京朝人社监罚字〔2026〕第 702 号']);
    const [fined, shopRow] = body.items;
    expect(Object.keys(fined!)).toEqual(DOMAIN_12_FIELDS);
    expect(fined).toMatchObject({
      行政相对人名称: '北京双公示测试有限公司',
      行政相对人类别: '法人及非法人组织',
      行政相对人代码_1: company,
      行政相对人代码_2: null,
      法定代表人: '李明',
      违法行为类型: '拖欠工资',
      违法事实: '拖欠劳动者王某某工资 4.2 万元',
      处罚类别: '警告、罚款',
      '罚款金额（万元）': '1.234567',
      处罚决定日期: addMonths(today, -1).replaceAll('-', '/'),
      公示截止期: addMonths(today, 11).replaceAll('-', '/'),
      处罚机关统一社会信用代码: env.BUREAU_USCC,
      数据来源单位: env.BUREAU_NAME,
      数据来源单位统一社会信用代码: env.BUREAU_USCC,
      备注: '已更正：罚款金额更正。',
    });
    expect(shopRow).toMatchObject({ 行政相对人类别: '个体工商户', 行政相对人代码_1: shopCode, '罚款金额（万元）': '0.5' });
    const csv = await text(await get('/penalties?format=sgs'));
    expect(csv).toContain(',1.234567,');
    expect(csv).not.toContain('第 703 号');
  });

  it('is offered for penalties only', async () => {
    const res = await get('/sampling-results?format=sgs');
    expect(res.status).toBe(422);
    expect((await res.json<ApiErrorBody>()).error.fields).toEqual([{ path: 'format', message: expect.stringContaining('penalties') }]);
  });
});

describe('the cursor of every snapshot export', () => {
  it('X-Change-Cursor (and cursor in JSON) is the feed’s position read before the rows', async () => {
    const head = (await env.DB.prepare('SELECT max(cursor) AS c FROM record_changes').first<{ c: number }>())!.c;
    expect(head).toBeGreaterThan(0);
    for (const path of ['/penalties', '/penalties?format=sgs', '/sampling-results', '/repairs', '/records', '/records?format=json']) {
      expect((await get(path)).headers.get('x-change-cursor'), path).toBe(String(head));
    }
    expect((await openDataJson('penalties')).cursor).toBe(head);
  });

  it('the records snapshot plus the feed after its cursor is what the profile shows', async () => {
    const snapshot = await openDataJson('records');
    const held = new Map(snapshot.items.map((i) => [i.record.id, i]));
    expect([...held.keys()].sort()).toEqual([ids.fined, ids.shop, ids.withdrawn, ids.listing].sort());
    expect(held.get(ids.withdrawn!)).toMatchObject({ record: { status: 'withdrawn', detail: null }, cursor: expect.any(Number) });
    expect(held.get(ids.fined!)).toMatchObject({ uscc: company, enterpriseName: '北京双公示测试有限公司', cursor: 0 });

    // A change after the snapshot reaches the copy through the feed.
    await changes.withdraw(ids.fined!);
    const feed = await bodyOf(await api.changes.$get({ query: { after: String(snapshot.cursor) } }), 200);
    expect(feed.items).toEqual([expect.objectContaining({ recordId: ids.fined!, type: 'withdrawn', record: null })]);
    for (const item of feed.items) held.delete(item.recordId);

    const profile = await profileOf(company);
    const full = profile.records.filter((r) => r.status === 'published').map(shareableRecord);
    expect(full).toEqual([...held.values()].filter((i) => i.uscc === company && i.record.status === 'published').map((i) => i.record));
  });
});
