// Importing penalty decisions and sampling results from CSV: a report of accepted and rejected rows
// before anything is written, all-or-nothing per file, and no duplicates on re-import.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf, profileOf, type ApiErrorBody, type ImportReport, type ImportResult, type StaffRecordList } from '../fixtures/api';
import { createAccessKeys, signAccessToken, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { insertSamplingTask } from '../fixtures/sampling';
import { addDays, addMonths } from '../../functions/domain/dates';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { addWorkingDays } from '../../functions/domain/working-days';
import { publicationEnd } from '../../functions/domain/publication';
import { templateHeaders } from '../../functions/domain/import-rows';
import { shareableRecord } from '../../functions/domain/changes';
import { today } from '../fixtures/today';

const decided = addDays(today, -5);
const A = makeUscc('MA01DR101');
const B = makeUscc('MA01DR102');
const UNKNOWN = makeUscc('MA01DR199');
let keys: AccessKeys;

async function upload(
  path: '' | '/preview',
  kind: string,
  csv: string | Uint8Array<ArrayBuffer>,
  extra: Record<string, string> = {},
  name = '处罚决定.csv',
) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([csv], name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  const token = await signAccessToken(keys, {
    audience: env.ACCESS_AUD,
    issuer: env.ACCESS_ISSUER,
    roles: ['publisher'],
    email: 'chen.jing@hrss.example',
  });
  return exports.default.fetch(`http://local/api/v1/admin/imports${path}`, {
    method: 'POST',
    headers: { 'Cf-Access-Jwt-Assertion': token },
    body: form,
  });
}

const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const csv = (header: string[], rows: string[][]) => `${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

let seq = 0;
function penaltyRow(over: Partial<Record<'no' | 'party' | 'uscc' | 'type' | 'kinds' | 'fine' | 'date' | 'severity', string>> = {}) {
  const v = {
    no: `京朝人社监罚字〔2026〕第 ${1000 + ++seq} 号`,
    party: '北京导入甲有限公司',
    uscc: A,
    type: '拖欠工资',
    kinds: '罚款',
    fine: '20,000',
    date: decided,
    severity: '一般',
    ...over,
  };
  return [
    v.no,
    v.party,
    v.uscc,
    v.type,
    '拖欠 5 名劳动者工资 4.2 万元，电话 13912345678',
    '《劳动保障监察条例》第二十六条',
    v.kinds,
    '罚款人民币贰万元整',
    v.fine,
    v.date,
    '北京市朝阳区人力资源和社会保障局',
    v.severity,
    '',
  ];
}
const penaltyHeader = templateHeaders('penalties');

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;
const snapshot = async () => [
  await count('SELECT count(*) AS n FROM credit_records'),
  await count('SELECT count(*) AS n FROM imports'),
  await count('SELECT count(*) AS n FROM audit_log'),
  await count('SELECT count(*) AS n FROM sampling_results'),
];

/** What the change log (DOMAIN.md §12) holds for the records of these natural keys. */
const loggedTypes = async (sourceKeys: string[]) =>
  (
    await env.DB.prepare(
      `SELECT rc.type FROM record_changes AS rc JOIN credit_records AS cr ON cr.id = rc.record_id
       WHERE cr.source_key IN (SELECT value FROM json_each(?)) ORDER BY rc.cursor`,
    )
      .bind(JSON.stringify(sourceKeys))
      .all<{ type: string }>()
  ).results.map((r) => r.type);

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, { uscc: A, name: '北京导入甲有限公司' });
  await insertEnterprise(env.DB, { uscc: B, name: '北京导入乙（集团）有限公司' });
  // A 重点检查 task is not random: its results may name any employer.
  await insertSamplingTask(env.DB, { id: 'SJ-2026-701', name: '2026 年工资支付专项检查', kind: 'targeted' });
});

describe('POST /api/v1/admin/imports/preview', () => {
  it('reports every accepted and rejected row with its reasons, and writes nothing', async () => {
    const good = penaltyRow();
    const rows = [
      good,
      penaltyRow({ party: '北京导入乙(集团)有限公司', uscc: B, kinds: '警告、罚款' }), // half-width brackets still match
      penaltyRow({ uscc: 'ABC' }),
      penaltyRow({ date: '2026-02-30', severity: '很严重' }),
      penaltyRow({ uscc: UNKNOWN }),
      penaltyRow({ party: '别的公司' }),
      penaltyRow({ kinds: '警告', fine: '' }),
      [good[0]!, ...good.slice(1)], // same decision number as line 2
    ];
    const before = await snapshot();
    const res = await upload('/preview', 'penalties', csv(penaltyHeader, rows));
    expect(res.status).toBe(200);
    const report = await res.json<ImportReport>();
    expect(await snapshot()).toEqual(before);

    expect(report).toMatchObject({
      kind: 'penalties',
      fileName: '处罚决定.csv',
      total: 8,
      alreadyImported: null,
      fileErrors: [],
      committable: false,
    });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.accepted.map((r) => r.line)).toEqual([2, 3]);
    expect(report.accepted[0]).toMatchObject({
      key: `penalty:${good[0]}`,
      summary: expect.stringContaining('20,000.00 元'),
      publishUntil: publicationEnd(decided, 'general'),
      publicationDue: addWorkingDays(defaultCalendar, decided, 7).date,
    });
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reasons.join(' / ')]));
    expect(Object.keys(reasons).map(Number)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(reasons[4]).toMatch(/统一社会信用代码/);
    expect(reasons[5]).toMatch(/决定日期/);
    expect(reasons[5]).toMatch(/严重程度/);
    expect(reasons[6]).toMatch(/没有使用该代码登记/);
    expect(reasons[7]).toMatch(/当事人名称与该代码登记的名称“北京导入甲有限公司”不一致/);
    expect(reasons[8]).toMatch(/警告/);
    expect(reasons[9]).toMatch(/与第 2 行的决定书文号重复/);
  });

  it('reports problems with the file itself', async () => {
    const missing = await (await upload('/preview', 'penalties', '决定书文号,当事人名称\r\n1,2\r\n')).json<ImportReport>();
    expect(missing.fileErrors.join()).toMatch(/缺少列/);
    const xlsx = await (
      await upload('/preview', 'penalties', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), {}, 'book.xlsx')
    ).json<ImportReport>();
    expect(xlsx.fileErrors.join()).toMatch(/另存为/);
    const broken = await (await upload('/preview', 'penalties', `${penaltyHeader.join(',')}\r\n"unclosed`)).json<ImportReport>();
    expect(broken.fileErrors).toEqual(['文件不是有效的 CSV：第 2 行：引号没有闭合']);
    expect([missing, xlsx, broken].every((r) => r.committable === false)).toBe(true);
  });

  it('answers 422 without a file or kind', async () => {
    const form = new FormData();
    form.set('kind', 'penalties');
    const token = await signAccessToken(keys, { audience: env.ACCESS_AUD, issuer: env.ACCESS_ISSUER, roles: ['publisher'] });
    const res = await exports.default.fetch('http://local/api/v1/admin/imports/preview', {
      method: 'POST',
      headers: { 'Cf-Access-Jwt-Assertion': token },
      body: form,
    });
    expect(res.status).toBe(422);
    expect((await upload('/preview', 'wages', 'a,b')).status).toBe(422);
  });
});

describe('POST /api/v1/admin/imports', () => {
  it('refuses a file with any bad row and writes none of it', async () => {
    const before = await snapshot();
    const res = await upload('', 'penalties', csv(penaltyHeader, [penaltyRow(), penaltyRow({ uscc: UNKNOWN })]));
    expect(res.status).toBe(422);
    const error = (await res.json<ApiErrorBody>()).error;
    expect(error.code).toBe('import_rejected');
    expect(error.fields).toEqual([{ path: 'line.3', message: expect.stringMatching(/没有使用该代码登记/) }]);
    expect(await snapshot()).toEqual(before);
  });

  it('commits a clean file in one go, as drafts, and a re-import of the same file adds nothing', async () => {
    // 450 rows: more than one statement's chunk, still one transaction.
    const rows = Array.from({ length: 450 }, (_, i) => penaltyRow(i % 2 ? { uscc: B, party: '北京导入乙（集团）有限公司' } : {}));
    const file = csv(penaltyHeader, rows);
    const res = await upload('', 'penalties', file);
    expect(res.status).toBe(201);
    const result = await res.json<ImportResult>();
    expect(result).toMatchObject({ kind: 'penalties', rowCount: 450, published: false });

    const first = await env.DB.prepare('SELECT * FROM credit_records WHERE source_key = ?')
      .bind(`penalty:${rows[0]![0]}`)
      .first<Record<string, unknown>>();
    expect(first).toMatchObject({
      uscc: A,
      kind: 'penalty',
      status: 'draft',
      severity: 'general',
      decision_no: rows[0]![0],
      decided_on: decided,
      publish_until: publicationEnd(decided, 'general'),
      fine_fen: 2_000_000,
      penalty_types: '["罚款"]',
      title: '拖欠工资行政处罚',
    });
    expect(await count('SELECT count(*) AS n FROM credit_records WHERE source_key LIKE ?', 'penalty:%')).toBeGreaterThanOrEqual(450);
    const imported = await env.DB.prepare('SELECT kind, file_name, actor, row_count FROM imports WHERE file_sha256 = ?')
      .bind(result.sha256)
      .first<{ kind: string; file_name: string; actor: string; row_count: number }>();
    expect(imported).toEqual({ kind: 'penalties', file_name: '处罚决定.csv', actor: 'chen.jing@hrss.example', row_count: 450 });
    const audit = await env.DB.prepare('SELECT actor, action, after FROM audit_log WHERE target = ?')
      .bind(`import:${result.sha256}`)
      .first<{ actor: string; action: string; after: string }>();
    expect(audit).toMatchObject({ actor: 'chen.jing@hrss.example', action: 'import.committed' });
    expect(JSON.parse(audit!.after)).toMatchObject({ rowCount: 450, kind: 'penalties' });
    // Drafts are not public: nothing for other platforms yet.
    expect(await loggedTypes(rows.map((r) => `penalty:${r[0]}`))).toEqual([]);

    // Drafts show their publication due date in the console.
    const token = await signAccessToken(keys, { audience: env.ACCESS_AUD, issuer: env.ACCESS_ISSUER, roles: ['publisher'] });
    const listed = await (
      await exports.default.fetch(`http://local/api/v1/admin/records?status=draft&uscc=${A}`, {
        headers: { 'Cf-Access-Jwt-Assertion': token },
      })
    ).json<StaffRecordList>();
    expect(listed.items[0]!.publicationDue).toBe(addWorkingDays(defaultCalendar, decided, 7).date);

    const before = await snapshot();
    const again = await upload('', 'penalties', file);
    expect(again.status).toBe(409);
    expect((await again.json<ApiErrorBody>()).error).toMatchObject({
      code: 'already_imported',
      message: expect.stringContaining('chen.jing@hrss.example'),
    });
    expect(await snapshot()).toEqual(before);
    const preview = await (await upload('/preview', 'penalties', file)).json<ImportReport>();
    expect(preview).toMatchObject({ committable: false, alreadyImported: { actor: 'chen.jing@hrss.example', rowCount: 450 } });

    // The same rows in another file are duplicates too.
    const overlap = await (await upload('/preview', 'penalties', csv(penaltyHeader, [rows[0]!, penaltyRow()]))).json<ImportReport>();
    expect(overlap.rejected).toEqual([{ line: 2, key: `penalty:${rows[0]![0]}`, reasons: [expect.stringContaining('不会重复导入')] }]);
  });

  it('publishes at once when asked, so 事后公开 lists the decisions', async () => {
    const row = penaltyRow();
    const res = await upload('', 'penalties', csv(penaltyHeader, [row]), { publish: 'true' });
    expect(res.status).toBe(201);
    expect((await res.json<ImportResult>()).published).toBe(true);
    const penalties = await bodyOf(await api.penalties.$get({ query: { q: A, pageSize: '100' } }), 200);
    const found = penalties.items.find((p) => p.decisionNo === row[0])!;
    expect(found).toMatchObject({ status: 'published', fineFen: 2_000_000 });
    // Masked on the way out, as everything public is.
    expect(found.facts).not.toContain('13912345678');
    // In the change log from the same batch, for the platforms that follow it, as the profile shows it.
    expect(await loggedTypes([`penalty:${row[0]}`])).toEqual(['published']);
    const feed = await bodyOf(await api.changes.$get({ query: { after: '0', limit: '1000' } }), 200);
    const shown = (await profileOf(A)).records.find((r) => r.id === found.id)!;
    expect(feed.items.find((i) => i.recordId === found.id)?.record).toEqual(shareableRecord(shown));
  });

  it('accepts a random task’s results only for the employers its draw selected', async () => {
    const stratum = { grade: 'A', ratioBp: 5000, candidates: [A, B].sort(), poolHash: '0'.repeat(64), selected: [A] };
    const draw = {
      algorithm: 'hmac-sha256-v1',
      taskId: 'SJ-2026-702',
      seed: '1'.repeat(64),
      beacon: null,
      drawKey: '1'.repeat(64),
      seedCommitment: '2'.repeat(64),
      strata: [stratum],
      exclusions: [],
      inspectors: [],
      assignments: [],
    };
    await insertSamplingTask(env.DB, { id: 'SJ-2026-702', status: 'drawn', draw });
    const header = templateHeaders('sampling_results');
    const row = (code: string, name: string) => [
      'SJ-2026-702',
      name,
      code,
      '北京市朝阳区建国路 1 号',
      '实地',
      addDays(today, -5),
      '未发现问题',
      '',
      '北京市朝阳区人力资源和社会保障局',
    ];
    const report = await (
      await upload('/preview', 'sampling_results', csv(header, [row(A, '北京导入甲有限公司'), row(B, '北京导入乙（集团）有限公司')]))
    ).json<ImportReport>();
    expect(report.accepted).toHaveLength(1);
    expect(report.rejected[0]!.reasons).toContain('该单位不在任务 SJ-2026-702 公布的抽取结果中（非随机的重点检查任务除外）');
  });

  it('imports sampling results into the task’s list and the employers’ profiles', async () => {
    const header = templateHeaders('sampling_results');
    const rows = [
      [
        'SJ-2026-701',
        '北京导入甲有限公司',
        A,
        '北京市朝阳区建国路 1 号',
        '实地',
        addDays(today, -20),
        '未发现问题',
        '',
        '北京市朝阳区人力资源和社会保障局',
      ],
      [
        'SJ-2026-701',
        '北京导入乙（集团）有限公司',
        B,
        '北京市朝阳区建国路 2 号',
        '书面',
        addDays(today, -18),
        '发现问题已责令改正',
        '已整改',
        '北京市朝阳区人力资源和社会保障局',
      ],
    ];
    const unknownTask = await (
      await upload('/preview', 'sampling_results', csv(header, [['SJ-2099-001', ...rows[0]!.slice(1)]]))
    ).json<ImportReport>();
    expect(unknownTask.rejected[0]!.reasons).toContain('没有编号为 SJ-2099-001 的抽查任务');

    const res = await upload('', 'sampling_results', csv(header, rows), {}, '抽查结果.csv');
    expect(res.status).toBe(201);
    const logged = await env.DB.prepare(
      `SELECT rc.type, rc.uscc FROM record_changes AS rc JOIN credit_records AS cr ON cr.id = rc.record_id
       WHERE cr.kind = 'sampling_result' AND json_extract(cr.detail, '$.taskId') = 'SJ-2026-701'`,
    ).all<{ type: string; uscc: string }>();
    const feed = await bodyOf(await api.changes.$get({ query: { after: '0', limit: '1000' } }), 200);
    const sampled = (await profileOf(B)).records.find((r) => r.kind === 'sampling_result')!;
    expect(feed.items.find((i) => i.recordId === sampled.id)?.record).toEqual(shareableRecord(sampled));
    expect(logged.results.sort((x, y) => x.uscc.localeCompare(y.uscc))).toEqual([A, B].sort().map((uscc) => ({ type: 'published', uscc })));
    const results = await bodyOf(await api.sampling.tasks[':taskId'].results.$get({ param: { taskId: 'SJ-2026-701' }, query: {} }), 200);
    expect(results.items.map((r) => [r.uscc, r.result])).toEqual(
      [
        [A, '未发现问题'],
        [B, '发现问题已责令改正'],
      ].sort(),
    );
    const profile = await profileOf(B);
    // The same record the seeder writes (functions/domain/sampling-record.ts): a problem put right is minor, published 3 months.
    const record = profile.records.find((r) => r.kind === 'sampling_result')!;
    expect(record.severity).toBe('minor');
    expect(record.status).toBe('published');
    expect(record.title).toBe('重点检查结果：发现问题已责令改正');
    expect(record.publishUntil).toBe(addMonths(addDays(today, -18), 3));
    expect(record.detail).toMatchObject({ result: '发现问题已责令改正', taskId: 'SJ-2026-701' });
    expect(String(record.detail?.facts)).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日，北京市朝阳区人力资源和社会保障局在重点检查任务 SJ-2026-701 中以书面方式/,
    );
    const linked = await env.DB.prepare(
      `SELECT count(*) AS n FROM credit_records
       WHERE kind = 'sampling_result' AND sampling_result_id IS NOT NULL AND source_key LIKE 'sampling:SJ-2026-701:%'`,
    ).first<{ n: number }>();
    expect(linked!.n).toBe(2);

    const dup = await (await upload('/preview', 'sampling_results', csv(header, [rows[0]!]), {}, 'again.csv')).json<ImportReport>();
    expect(dup.rejected[0]!.reasons.join()).toMatch(/已有此对象的抽查结果/);
  });
});
