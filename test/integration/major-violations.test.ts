// 重大劳动保障违法行为社会公布 (人社部令第29号, DOMAIN.md §6): staff publish a bureau's quarter once,
// audited; the public reads each entry with the fields of 第六条 and its publication date, quarter
// by quarter, while the entry is within its publication period — and not a day longer.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf, type ApiErrorBody, type StaffRecord } from '../fixtures/api';
import { listMajorViolations, publishedQuarters } from '../../functions/db/queries/major-violations';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { auditRows, staffApi } from '../fixtures/staff';
import { getDb } from '../../functions/db/client';
import { violationPublications } from '../../functions/db/schema';
import { addDays, addMonths } from '../../functions/domain/dates';
import { publicationEnd } from '../../functions/domain/publication';
import { publicationId, quarterOf, quarterRange, type QuarterRef } from '../../functions/domain/major-violations';
import { today } from '../fixtures/today';

const list = async (query: Record<string, string> = {}) => bodyOf(await api['major-violations'].$get({ query }), 200);
const raw = (query: string, headers?: Record<string, string>) =>
  exports.default.fetch(`http://local/api/v1/major-violations${query}`, headers ? { headers } : undefined);

const CHAOYANG = '北京市朝阳区人力资源和社会保障局';
const FENGTAI = '北京市丰台区人力资源和社会保障局';
const garment = makeUscc('MA01MJ001');
const factory = makeUscc('MA01MJ002');
const oldCase = makeUscc('MA01MJ003');
const incomplete = makeUscc('MA01MJ004', '110108');
// The publishing tests work on 丰台's quarter; the reading tests on 朝阳's, published in their own setup.
const bakery = makeUscc('MA01MJ005', '110106');
const depot = makeUscc('MA01MJ006', '110106');

/** The quarter that ended most recently, which staff publish now. */
const lastQuarter: QuarterRef = quarterOf(addMonths(today, -3));
const inQuarter = quarterRange(lastQuarter).from;
/** A quarter published long ago by the same bureau, whose entries' 3-year period is running out. */
const oldQuarter: QuarterRef = quarterOf(addMonths(today, -36));

let keys: AccessKeys;
const publisher = () => staffApi(keys, ['publisher'], 'zhou.li@hrss.example');

const entryDraft = (uscc: string, over: Record<string, unknown> = {}) => ({
  uscc,
  kind: 'major_violation',
  severity: 'serious',
  title: '重大劳动保障违法行为社会公布',
  decisionNo: `京朝人社监罚字〔${inQuarter.slice(0, 4)}〕第${uscc.slice(-4)}号`,
  authority: CHAOYANG,
  decidedOn: inQuarter,
  violationType: '使用童工',
  facts: '经查，该单位使用 2 名未满十六周岁的未成年人从事缝纫工作。',
  handling: '已作出行政处罚决定，罚款人民币拾万元整，并责令立即将童工送回原居住地。',
  ...over,
});

const fengtaiDraft = (uscc: string, over: Record<string, unknown> = {}) =>
  entryDraft(uscc, { authority: FENGTAI, decisionNo: `京丰人社监罚字〔${inQuarter.slice(0, 4)}〕第${uscc.slice(-4)}号`, ...over });

async function createDraft(draft: Record<string, unknown>): Promise<StaffRecord> {
  const res = await publisher()('POST', '/records', draft);
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<StaffRecord>();
}

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, {
    uscc: garment,
    name: '北京童装制衣有限公司',
    address: '北京市朝阳区南磨房路 8 号',
    legalRepresentative: '刘大海',
  });
  await insertEnterprise(env.DB, { uscc: factory, name: '北京加工制造有限公司', legalRepresentative: '陈明' });
  await insertEnterprise(env.DB, { uscc: oldCase, name: '北京旧案劳务有限公司', legalRepresentative: '孙立' });
  await insertEnterprise(env.DB, { uscc: incomplete, name: '北京海淀缺项有限公司', districtCode: '110108' });
  await insertEnterprise(env.DB, { uscc: bakery, name: '北京丰台烘焙食品有限公司', districtCode: '110106', legalRepresentative: '赵平' });
  await insertEnterprise(env.DB, { uscc: depot, name: '北京丰台仓储物流有限公司', districtCode: '110106', legalRepresentative: '钱亮' });

  // An entry of an old publication, decided three years ago less two days: it leaves the list by itself.
  const old = oldQuarter;
  const oldId = publicationId(old, '110105');
  await getDb(env.DB)
    .insert(violationPublications)
    .values({
      id: oldId,
      bureauCode: '110105',
      authority: CHAOYANG,
      year: old.year,
      quarter: old.quarter,
      publishedOn: addDays(addMonths(today, -36), 20),
    });
  const decidedOn = addDays(addMonths(today, -36), 2);
  await insertRecord(env.DB, {
    uscc: oldCase,
    kind: 'major_violation',
    severity: 'serious',
    title: '重大劳动保障违法行为社会公布',
    decidedOn,
    publishedOn: addDays(addMonths(today, -36), 20),
    publishUntil: publicationEnd(decidedOn, 'serious'),
    facts: '克扣 30 名劳动者工资。',
    handling: '已责令支付并罚款。',
    publicationId: oldId,
    detail: { subjectName: '北京旧案劳务有限公司（原名）', address: '北京市朝阳区旧址 1 号', legalRepresentative: '孙立' },
  });
});

describe('POST /api/v1/admin/major-violations/publications', () => {
  it('refuses to publish a major violation on its own: it goes out with the quarter', async () => {
    const draft = await createDraft(fengtaiDraft(bakery, { decidedOn: addDays(inQuarter, 1) }));
    expect(draft).toMatchObject({ status: 'draft', handling: entryDraft(bakery).handling, publicationId: null });
    const alone = await publisher()('POST', `/records/${draft.id}/publish`);
    expect(alone.status).toBe(409);
    expect((await alone.json<ApiErrorBody>()).error).toMatchObject({
      code: 'published_by_quarter',
      message: expect.stringContaining('季度'),
    });
  });

  it('will not take a draft without 相关处理情况 (第六条)', async () => {
    const res = await publisher()('POST', '/records', fengtaiDraft(depot, { handling: '' }));
    expect(res.status).toBe(422);
    const body = await res.json<ApiErrorBody>();
    expect(body.error.fields).toEqual([{ path: 'handling', message: expect.stringContaining('相关处理情况') }]);
  });

  it('refuses a quarter that has not ended, and an unknown bureau', async () => {
    const current = quarterOf(today);
    const early = await publisher()('POST', '/major-violations/publications', { bureauCode: '110105', ...current });
    expect(early.status).toBe(422);
    expect((await early.json<ApiErrorBody>()).error.message).toContain('尚未结束');
    const nowhere = await publisher()('POST', '/major-violations/publications', { bureauCode: '990000', ...lastQuarter });
    expect(nowhere.status).toBe(422);
  });

  it('publishes the bureau’s quarter with its drafts, once, in the audit log', async () => {
    const first = await createDraft(fengtaiDraft(depot, { decidedOn: addDays(inQuarter, 5) }));
    const res = await publisher()('POST', '/major-violations/publications', { bureauCode: '110106', ...lastQuarter });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = publicationId(lastQuarter, '110106');
    const published = await res.json<{ publication: unknown; entries: number[] }>();
    expect(published.publication).toEqual({ id, bureauCode: '110106', authority: FENGTAI, ...lastQuarter, publishedOn: today });
    expect(published.entries).toContain(first.id);
    const entry = (await auditRows()).find((r) => r.action === 'major_violations.publish' && r.target === `publication:${id}`)!;
    expect(entry.actor).toBe('zhou.li@hrss.example');
    expect(JSON.parse(entry.after!)).toMatchObject({ id, entries: published.entries });
    expect((await list({ year: String(lastQuarter.year), quarter: String(lastQuarter.quarter) })).items.map((e) => e.id)).toEqual(
      expect.arrayContaining(published.entries),
    );

    const again = await publisher()('POST', '/major-violations/publications', { bureauCode: '110106', ...lastQuarter });
    expect(again.status).toBe(409);
    expect((await again.json<ApiErrorBody>()).error.code).toBe('already_published');
  });

  it('lets exactly one of two simultaneous publications of a quarter through', async () => {
    const body = { bureauCode: '110107', ...lastQuarter };
    const answers = await Promise.all([0, 1, 2].map(() => publisher()('POST', '/major-violations/publications', body)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a quarter whose draft lacks the fields of 第六条, naming the record', async () => {
    // Entered before 相关处理情况 was required.
    const row = await insertRecord(env.DB, {
      uscc: incomplete,
      kind: 'major_violation',
      severity: 'serious',
      status: 'draft',
      authority: '北京市海淀区人力资源和社会保障局',
      decidedOn: inQuarter,
      publishedOn: null,
      publishUntil: publicationEnd(inQuarter, 'serious'),
      facts: '拖欠工资。',
    });
    const res = await publisher()('POST', '/major-violations/publications', { bureauCode: '110108', ...lastQuarter });
    expect(res.status).toBe(422);
    const body = await res.json<ApiErrorBody>();
    expect(body.error.fields).toEqual([{ path: `records.${row.id}.handling`, message: expect.stringContaining(`记录 ${row.id}`) }]);
  });

  it('is for publishers: a reviewer is refused', async () => {
    const res = await staffApi(keys, ['reviewer'])('POST', '/major-violations/publications', { bureauCode: '110102', ...lastQuarter });
    expect(res.status).toBe(403);
  });
});

describe('GET /api/v1/major-violations', () => {
  let garmentRecord: StaffRecord;
  let factoryRecord: StaffRecord;
  const chaoyang = <T extends { authority: string }>(items: T[]) => items.filter((e) => e.authority === CHAOYANG);

  beforeAll(async () => {
    garmentRecord = await createDraft(entryDraft(garment, { decidedOn: addDays(inQuarter, 10) }));
    factoryRecord = await createDraft(entryDraft(factory, { decidedOn: addDays(inQuarter, 5) }));
    for (const bureauCode of ['110105', '110101']) {
      const res = await publisher()('POST', '/major-violations/publications', { bureauCode, ...lastQuarter });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });

  it('shows the quarter’s entries with the fields of 第六条 and the publication date', async () => {
    const body = await list({ year: String(lastQuarter.year), quarter: String(lastQuarter.quarter), pageSize: '100' });
    const entries = chaoyang(body.items);
    expect(entries.map((e) => e.id)).toEqual([garmentRecord.id, factoryRecord.id]);
    expect(entries[0]).toEqual({
      id: garmentRecord.id,
      publicationId: publicationId(lastQuarter, '110105'),
      year: lastQuarter.year,
      quarter: lastQuarter.quarter,
      publishedOn: today,
      authority: CHAOYANG,
      subjectName: '北京童装制衣有限公司',
      uscc: garment,
      address: '北京市朝阳区南磨房路 8 号',
      legalRepresentative: '刘大海',
      facts: entryDraft(garment).facts,
      handling: entryDraft(garment).handling,
      decisionNo: entryDraft(garment).decisionNo,
      publishUntil: publicationEnd(addDays(inQuarter, 10), 'serious'),
      status: 'published',
      notice: null,
    });
  });

  it('lists the browsable quarters, the newest one even with nothing in it, with each bureau’s publication', async () => {
    const { quarters } = await list();
    expect(quarters[0]).toMatchObject(lastQuarter);
    const byAuthority = new Map(quarters[0]!.publications.map((p) => [p.authority, p.entries]));
    expect(byAuthority.get('北京市东城区人力资源和社会保障局')).toBe(0);
    expect(byAuthority.get(CHAOYANG)).toBe(2);
    expect(quarters[0]!.entries).toBe([...byAuthority.values()].reduce((a, b) => a + b, 0));
  });

  it('filters by year and quarter, and pages with the total of all matching entries', async () => {
    const quarter = { year: String(lastQuarter.year), quarter: String(lastQuarter.quarter) };
    const all = await list({ ...quarter, pageSize: '100' });
    expect(all.items.every((e) => e.year === lastQuarter.year && e.quarter === lastQuarter.quarter)).toBe(true);
    const first = await list({ ...quarter, pageSize: '1' });
    const second = await list({ ...quarter, pageSize: '1', page: '2' });
    expect([first.total, second.total]).toEqual([all.total, all.total]);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 2).map((e) => e.id));
    const old = await list({ year: String(oldQuarter.year) });
    expect(old.items.map((e) => e.uscc)).toContain(oldCase);
    expect(old.items.every((e) => e.year === oldQuarter.year)).toBe(true);
  });

  it('keeps an earlier quarter browsable while its entry is in force, under the name published then', async () => {
    const body = await list({ year: String(oldQuarter.year), quarter: String(oldQuarter.quarter) });
    expect(body.items.map((e) => [e.uscc, e.subjectName, e.address])).toEqual([
      [oldCase, '北京旧案劳务有限公司（原名）', '北京市朝阳区旧址 1 号'],
    ]);
  });

  it('drops an entry on its 公示截止期 by itself, and its quarter with it', async () => {
    // Three days on, the old entry (decided three years ago less two days) has passed its end: the
    // same query as of then, through the list function the route and the page share.
    const then = addDays(today, 3);
    const db = getDb(env.DB);
    expect(await listMajorViolations(db, { ...oldQuarter, page: 1, pageSize: 20 }, then)).toEqual([]);
    expect((await publishedQuarters(db, then)).map((q) => `${q.year}Q${q.quarter}`)).not.toContain(
      `${oldQuarter.year}Q${oldQuarter.quarter}`,
    );
  });

  it('exports CSV with a BOM and the fields of 第六条', async () => {
    const res = await raw(`?format=csv&year=${lastQuarter.year}&quarter=${lastQuarter.quarter}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '公布季度,公布机关,公布日期,违法主体全称,统一社会信用代码（或注册号）,地址,法定代表人或负责人姓名,主要违法事实,相关处理情况,公示截止期,公示状态,撤销或修复说明',
    );
    const { total } = await list({ year: String(lastQuarter.year), quarter: String(lastQuarter.quarter) });
    expect(lines).toHaveLength(total + 1);
    expect(lines.some((l) => l.includes('北京童装制衣有限公司') && l.includes('北京市朝阳区南磨房路 8 号'))).toBe(true);
  });

  it('answers 422 for a quarter without a year, or out of range', async () => {
    for (const query of ['?quarter=2', '?year=2026&quarter=5', '?year=abcd']) {
      const res = await raw(query);
      expect(res.status, query).toBe(422);
      expect((await res.json<ApiErrorBody>()).error.code).toBe('validation_failed');
    }
  });

  it('shows the entries on the employer’s credit profile too', async () => {
    const profile = await bodyOf(await api.enterprises[':uscc'].$get({ param: { uscc: garment } }), 200);
    expect(profile.records.find((r) => r.id === garmentRecord.id)).toMatchObject({
      kind: 'major_violation',
      publishedAt: today,
      detail: expect.objectContaining({ handling: entryDraft(garment).handling }),
    });
  });
});
