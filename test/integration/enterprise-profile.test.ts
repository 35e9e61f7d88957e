import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

/** GET /api/v1/enterprises/{uscc}, the value put into the path as given. */
const profile = (uscc: string, headers: Record<string, string> = {}) => api.enterprises[':uscc'].$get({ param: { uscc } }, { headers });
const known = makeUscc('MA01PRF01');

beforeAll(async () => {
  await insertEnterprise(env.DB, {
    uscc: known,
    name: '北京档案测试科技有限公司',
    grade: 'B',
    gradeYear: 2025,
    gradeReason: '评价期内有劳动保障违法行为被查处，但不属于 C 级情形',
  });
  await insertRecord(env.DB, { uscc: known, title: '仍在公示的处罚', decidedOn: addMonths(today, -2), publishUntil: addMonths(today, 10) });
  await insertRecord(env.DB, { uscc: known, title: '今天到期的处罚', decidedOn: addMonths(today, -12), publishUntil: today });
  await insertRecord(env.DB, { uscc: known, title: '草稿处罚', status: 'draft', publishUntil: addMonths(today, 10) });
});

describe('GET /api/v1/enterprises/{uscc}', () => {
  it('answers the contract for a known code', async () => {
    const res = await profile(known);
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body.enterprise).toMatchObject({ uscc: known, name: '北京档案测试科技有限公司', district: '朝阳区' });
    expect(body.grade).toEqual({ value: 'B', year: 2025, reasons: [expect.stringContaining('C 级')] });
    expect(body.warnings).toEqual([]);
    expect(body.records.map((r) => r.title)).toEqual(['仍在公示的处罚']);
    expect(body.records[0]).toMatchObject({ kind: 'penalty', severity: 'general', status: 'published', flags: [] });
    for (const key of ['id', 'decisionNo', 'authority', 'decidedAt', 'publishedAt', 'publishUntil', 'detail']) {
      expect(body.records[0]).toHaveProperty(key);
    }
  });

  it('normalises spaces, hyphens and lower case before looking up', async () => {
    const typed = `${known.slice(0, 6)} ${known.slice(6, 12)}-${known.slice(12)}`.toLowerCase();
    const res = await profile(encodeURIComponent(typed));
    expect(res.status).toBe(200);
  });

  it('hides a record on the day its publication period ends and drafts always', async () => {
    const body = await bodyOf(await profile(known), 200);
    const titles = body.records.map((r) => r.title);
    expect(titles).not.toContain('今天到期的处罚');
    expect(titles).not.toContain('草稿处罚');
  });

  it('answers 400 invalid_uscc for a malformed code', async () => {
    for (const bad of ['123', 'ABCDEFGHIJKLMNOPQR', '91110105MA01ABCDIO', "'; DROP TABLE enterprises;--"]) {
      const res = await profile(encodeURIComponent(bad));
      expect(res.status, bad).toBe(400);
      expect((await bodyOf(res, 400)).error.code).toBe('invalid_uscc');
    }
  });

  it('answers 404 not_found for a valid code of no known employer', async () => {
    const res = await profile(makeUscc('MA01NNE00'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('finds a code with a wrong check character and warns (DOMAIN.md §1)', async () => {
    const good = makeUscc('MA01EARLY');
    const early = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await insertEnterprise(env.DB, { uscc: early, name: '北京早期赋码测试有限公司' });
    const res = await profile(early);
    expect(res.status).toBe(200);
    expect((await bodyOf(res, 200)).warnings).toEqual([expect.stringContaining('校验位')]);
  });

  it('rejects a wrong check character that matches nobody, naming the expected character', async () => {
    const good = makeUscc('MA01TYP00');
    const typo = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await profile(typo);
    expect(res.status).toBe(400);
    const body = await bodyOf(res, 400);
    expect(body.error.code).toBe('invalid_uscc');
    expect(body.error.message).toContain(`“${good[17]}”`);
  });

  it('looks up a legacy 15-digit registration number exactly', async () => {
    await insertEnterprise(env.DB, { uscc: '110105012345678', name: '北京老注册号测试有限公司' });
    expect((await profile('110105012345678')).status).toBe(200);
    expect((await profile('110105012345679')).status).toBe(404);
  });
});

describe('caching of GET /api/v1/enterprises/{uscc}', () => {
  it('revalidates with an ETag, answers 304 when unchanged and a new ETag when a record changes', async () => {
    const uscc = makeUscc('MA01ETAG0');
    await insertEnterprise(env.DB, { uscc, name: '北京缓存测试有限公司' });
    const first = await profile(uscc);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();

    const again = await profile(uscc, { 'If-None-Match': tag! });
    expect(again.status).toBe(304);

    await insertRecord(env.DB, { uscc, title: '新公示的处罚', decidedOn: today, publishUntil: addMonths(today, 12) });
    const changed = await profile(uscc, { 'If-None-Match': tag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });

  it('never stores an error', async () => {
    const res = await profile('123');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('privacy of a profile (DOMAIN.md §8)', () => {
  it('masks natural persons other than the legal representative, and their ID numbers and phones', async () => {
    const uscc = makeUscc('MA01MAQK0');
    await insertEnterprise(env.DB, { uscc, name: '北京隐私测试建筑劳务有限公司', legalRepresentative: '王建国' });
    await insertRecord(env.DB, {
      uscc,
      kind: 'wage_arrears_list',
      severity: 'serious',
      facts: '法定代表人王建国拖欠李小红等 12 名劳动者工资，李小红联系电话 13812345678。',
      publishUntil: addMonths(today, 30),
      detail: {
        legalRepresentative: '王建国',
        workers: ['李小红', '赵大海'],
        workerIdNumbers: ['110105199001011234'],
        contactPhone: '010-65001234',
      },
    });
    const res = await profile(uscc);
    const text = JSON.stringify(await res.json());
    expect(text).toContain('王建国');
    expect(text).toContain('李某某');
    for (const secret of ['李小红', '赵大海', '110105199001011234', '13812345678', '65001234']) expect(text).not.toContain(secret);
  });
});

describe('profiles of an A, a B and a C employer (DOMAIN.md §5)', () => {
  it('shows each grade with its year and the rule that produced it', async () => {
    const cases = [
      { body: 'MA01GRA0A', grade: 'A' as const, reason: 'A级：评价期内未因劳动保障违法行为被查处（人社部规〔2016〕1号）' },
      { body: 'MA01GRB0B', grade: 'B' as const, reason: 'B级：评价期内有劳动保障违法行为被查处，但不属于 C 级情形' },
      { body: 'MA01GRC0C', grade: 'C' as const, reason: 'C级：评价期内因拖欠工资引发群体性事件' },
    ];
    for (const c of cases) {
      const uscc = makeUscc(c.body);
      await insertEnterprise(env.DB, {
        uscc,
        name: `北京${c.grade}级测试有限公司`,
        grade: c.grade,
        gradeYear: 2025,
        gradeReason: c.reason,
      });
      const body = await bodyOf(await profile(uscc), 200);
      expect(body.grade).toEqual({ value: c.grade, year: 2025, reasons: [c.reason] });
    }
  });
});

describe('a withdrawn record on the profile (DOMAIN.md §2)', () => {
  it('appears only as a notice with the reason and date, without its facts', async () => {
    const uscc = makeUscc('MA01WDN01');
    await insertEnterprise(env.DB, { uscc, name: '北京撤销公告测试有限公司' });
    await insertRecord(env.DB, {
      uscc,
      status: 'withdrawn',
      withdrawnOn: '2026-09-01',
      withdrawalReason: '原处罚决定经行政诉讼判决撤销',
      facts: '不应再公开的违法事实',
      publishUntil: addMonths(today, 6),
    });
    const body = await bodyOf(await profile(uscc), 200);
    expect(body.records).toHaveLength(1);
    expect(body.records[0]).toMatchObject({
      status: 'withdrawn',
      detail: null,
      notice: { reason: '原处罚决定经行政诉讼判决撤销', on: '2026-09-01' },
    });
    expect(JSON.stringify(body)).not.toContain('不应再公开');
  });
});
