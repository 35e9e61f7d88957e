import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { api, bodyOf } from '../fixtures/api';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { insertSamplingResult, insertSamplingTask } from '../fixtures/sampling';
import { getDb } from '../../functions/db/client';
import { inspectorConflicts, inspectors, samplingTasks } from '../../functions/db/schema';
import { commitTaskSeed, drawTask } from '../../functions/admin/draws';
import { clockOn } from '../../functions/domain/clock';
import { DomainError } from '../../functions/domain/errors';
import {
  runDraw,
  strataGrades,
  stratumSize,
  summarizeDraw,
  verifyDraw,
  type DrawRecord,
  type DrawSummary,
  type StratumGrade,
} from '../../functions/domain/draw';

/** Who the audit log names for the draws made here. */
const STAFF = 'draw.test@hrss.example';

const db = getDb(env.DB);
/** GET /api/v1/sampling/tasks/{taskId} and …/draw, the id put into the path as given. */
const publicTask = (taskId: string) => api.sampling.tasks[':taskId'].$get({ param: { taskId } });
const publicDraw = (taskId: string) => api.sampling.tasks[':taskId'].draw.$get({ param: { taskId } });
const storedTask = async (id: string) => (await db.select().from(samplingTasks).where(eq(samplingTasks.id, id)))[0]!;

const BEACON = '8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce';
const RATIOS = { A: 300, B: 1000, C: 3000, none: 500 };
const gradeOf = (i: number): 'A' | 'B' | 'C' | null => (i % 10 < 4 ? 'A' : i % 10 < 7 ? 'B' : i % 10 < 9 ? 'C' : null);

/** Chaoyang (in the scope of the main task): 300 active employers across grades, 10 deregistered. */
const chaoyang = Array.from({ length: 300 }, (_, i) => ({ uscc: makeUscc(`MA0${String(i).padStart(6, '0')}`), grade: gradeOf(i) }));
const deregistered = Array.from({ length: 10 }, (_, i) => makeUscc(`MA1${String(i).padStart(6, '0')}`));
const haidian = Array.from({ length: 30 }, (_, i) => ({ uscc: makeUscc(`MA2${String(i).padStart(6, '0')}`, '110108'), grade: gradeOf(i) }));
const dongcheng = Array.from({ length: 3 }, (_, i) => makeUscc(`MA3${String(i).padStart(6, '0')}`, '110101'));

/** Yearly cap: an A-grade employer without a penalty last year inspected once this year is out; with one, it stays. */
const cleanAInspected = chaoyang[0]!.uscc;
const penalizedAInspected = chaoyang[1]!.uscc;
const bInspectedTwice = chaoyang[4]!.uscc;

/** A published draw names each inspector by certificate number (执法证号); the internal id is for recusals only. */
const INSPECTORS = [
  { id: 'JC-01', certificateNo: '1101050001', cap: null, conflicts: chaoyang.slice(0, 60).map((e) => e.uscc) },
  { id: 'JC-02', certificateNo: '1101050002', cap: 12, conflicts: [] },
  { id: 'JC-03', certificateNo: '1101050003', cap: null, conflicts: [dongcheng[0]!] },
  { id: 'JC-04', certificateNo: '1101050004', cap: null, conflicts: [dongcheng[0]!] },
  { id: 'JC-05', certificateNo: '1101050005', cap: 30, conflicts: [dongcheng[0]!] },
  { id: 'JC-06', certificateNo: '1101050006', cap: null, conflicts: [] },
];
const VALIDITY = { validFrom: '2020-01-01', validUntil: '2030-12-31' };

beforeAll(async () => {
  for (const e of chaoyang)
    await insertEnterprise(env.DB, { uscc: e.uscc, name: `北京抽查候选${e.uscc.slice(-6)}有限公司`, grade: e.grade, gradeYear: 2025 });
  for (const uscc of deregistered)
    await insertEnterprise(env.DB, { uscc, name: `北京已注销${uscc.slice(-6)}有限公司`, status: 'deregistered', grade: 'B' });
  for (const e of haidian)
    await insertEnterprise(env.DB, {
      uscc: e.uscc,
      name: `北京海淀候选${e.uscc.slice(-6)}有限公司`,
      districtCode: '110108',
      grade: e.grade,
    });
  for (const uscc of dongcheng)
    await insertEnterprise(env.DB, { uscc, name: `北京东城候选${uscc.slice(-6)}有限公司`, districtCode: '110101', grade: 'C' });

  await insertSamplingTask(env.DB, { id: 'SJ-2026-H01', status: 'completed' });
  await insertSamplingTask(env.DB, { id: 'SJ-2026-H02', status: 'completed' });
  await insertSamplingResult(env.DB, { taskId: 'SJ-2026-H01', uscc: cleanAInspected, inspectedOn: '2026-02-10' });
  await insertSamplingResult(env.DB, { taskId: 'SJ-2026-H01', uscc: penalizedAInspected, inspectedOn: '2026-02-11' });
  await insertRecord(env.DB, { uscc: penalizedAInspected, decidedOn: '2025-05-01', publishedOn: '2025-05-06', publishUntil: '2026-05-01' });
  await insertSamplingResult(env.DB, { taskId: 'SJ-2026-H01', uscc: bInspectedTwice, inspectedOn: '2026-02-12' });
  await insertSamplingResult(env.DB, { taskId: 'SJ-2026-H02', uscc: bInspectedTwice, inspectedOn: '2026-02-20' });
  // Last year's inspections do not count towards this year's cap.
  await insertSamplingResult(env.DB, { taskId: 'SJ-2026-H02', uscc: chaoyang[2]!.uscc, inspectedOn: '2025-11-20' });

  const unit = '北京市朝阳区劳动保障监察大队';
  for (const [n, i] of INSPECTORS.entries()) {
    await db
      .insert(inspectors)
      .values({ id: i.id, name: `检查员${n}`, certificateNo: i.certificateNo, unit, yearlyCap: i.cap, ...VALIDITY });
    for (const uscc of i.conflicts) await db.insert(inspectorConflicts).values({ inspectorId: i.id, uscc, reason: '近亲属任职' });
  }
  // Without a certificate valid on the day of the draw: never in the pool, whatever else holds.
  await db.insert(inspectors).values([
    { id: 'JC-97', name: '暂停执法人员', certificateNo: '1101050097', unit, status: 'suspended', statusSince: '2026-01-05', ...VALIDITY },
    { id: 'JC-98', name: '证件过期人员', certificateNo: '1101050098', unit, validFrom: '2018-01-01', validUntil: '2026-02-28' },
    { id: 'JC-99', name: '新发证人员', certificateNo: '1101050099', unit, validFrom: '2026-04-01', validUntil: '2031-03-31' },
  ]);

  const planned = { status: 'planned' as const, planPublishedOn: null, drawnOn: null, inspectFrom: null, inspectTo: null };
  await insertSamplingTask(env.DB, { id: 'SJ-2026-101', ...planned, scope: { districts: ['110105'], industries: [] }, ratios: RATIOS });
  await insertSamplingTask(env.DB, {
    id: 'SJ-2026-102',
    ...planned,
    scope: { districts: ['110108'], industries: [] },
    ratios: { A: 5000, B: 5000, C: 5000, none: 5000 },
  });
  await insertSamplingTask(env.DB, {
    id: 'SJ-2026-103',
    ...planned,
    scope: { districts: ['110108'], industries: [] },
    ratios: { A: 2000, B: 2000, C: 2000, none: 2000 },
  });
  await insertSamplingTask(env.DB, {
    id: 'SJ-2026-104',
    ...planned,
    scope: { districts: ['110101'], industries: [] },
    ratios: { C: 10_000 },
  });
  await insertSamplingTask(env.DB, { id: 'SJ-2026-105', ...planned, kind: 'targeted' });
  await insertSamplingTask(env.DB, { id: 'SJ-2026-106', status: 'completed' });
  // Planned tasks of the main task's shape that no draw touches: one per test that plans or refuses.
  await insertSamplingTask(env.DB, { id: 'SJ-2026-107', ...planned, scope: { districts: ['110105'], industries: [] }, ratios: RATIOS });
  await insertSamplingTask(env.DB, { id: 'SJ-2026-108', ...planned, scope: { districts: ['110105'], industries: [] }, ratios: RATIOS });
  await insertSamplingTask(env.DB, { id: 'SJ-2026-109', ...planned, scope: { districts: ['110105'], industries: [] }, ratios: RATIOS });
});

describe('commitTaskSeed', () => {
  it('draws a secret seed and publishes only its commitment with the plan', async () => {
    const plan = await commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-108');
    expect(plan).toEqual({ taskId: 'SJ-2026-108', seedCommitment: expect.stringMatching(/^[0-9a-f]{64}$/), planPublishedOn: '2026-03-01' });
    const { seed } = await storedTask('SJ-2026-108');
    expect(seed).toMatch(/^[0-9a-f]{64}$/);

    const task = await publicTask('SJ-2026-108');
    const taskText = await task.clone().text();
    expect(await bodyOf(task, 200)).toMatchObject({
      status: 'planned',
      seedCommitment: plan.seedCommitment,
      planPublishedOn: '2026-03-01',
    });
    expect(taskText).not.toContain(seed);
    const draw = await publicDraw('SJ-2026-108');
    expect(draw.status).toBe(404);
    const drawText = await draw.clone().text();
    expect((await bodyOf(draw, 404)).error).toMatchObject({ code: 'not_found', message: expect.stringContaining('尚未抽取') });
    expect(drawText).not.toContain(seed);
  });

  it('never replaces a seed once its commitment is public', async () => {
    await commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-109');
    await expect(commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-109')).rejects.toMatchObject({ code: 'already_planned' });
  });

  it('refuses targeted tasks and unknown tasks', async () => {
    await expect(commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-105')).rejects.toMatchObject({ code: 'not_random' });
    await expect(commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-1999-999')).rejects.toBeInstanceOf(DomainError);
  });
});

describe('drawTask and GET /api/v1/sampling/tasks/{taskId}/draw', () => {
  // The year's draws the tests below read, made once and in this order: SJ-2026-101 (the main task,
  // kept inline), then SJ-2026-102 (kept in R2, its inspector loads counted from 101's).
  let planCommitment: string;
  let summary: DrawSummary;
  let record: DrawRecord;

  beforeAll(async () => {
    planCommitment = (await commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-101')).seedCommitment;
    summary = await drawTask(db, clockOn('2026-03-10'), env.FILES, STAFF, 'SJ-2026-101', { beacon: BEACON.toUpperCase() });
    record = await bodyOf(await publicDraw('SJ-2026-101'), 200);
    await commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-102');
    await drawTask(db, clockOn('2026-03-10'), env.FILES, STAFF, 'SJ-2026-102', { beacon: null, inlineLimit: 0 });
  });

  it('will not draw before the plan has published a commitment', async () => {
    await expect(drawTask(db, clockOn('2026-03-10'), env.FILES, STAFF, 'SJ-2026-107', { beacon: null })).rejects.toMatchObject({
      code: 'not_planned',
    });
  });

  it('draws once, stores the record and marks the task drawn', async () => {
    const task = await storedTask('SJ-2026-101');
    expect(task).toMatchObject({
      status: 'drawn',
      drawnOn: '2026-03-10',
      beacon: BEACON,
      candidateCount: summary.candidateCount,
      selectedCount: summary.selectedCount,
    });
    expect(summary.candidateCount).toBe(300 - 2);
  });

  it('publishes exactly the stored record, which verifies', async () => {
    const res = await publicDraw('SJ-2026-101');
    expect(res.status).toBe(200);
    const published = await bodyOf(res, 200);
    expect(published).toEqual((await storedTask('SJ-2026-101')).draw);
    expect(published).toMatchObject({ algorithm: 'hmac-sha256-v1', taskId: 'SJ-2026-101', beacon: BEACON, seedCommitment: planCommitment });
    expect(published.seed).toBe((await storedTask('SJ-2026-101')).seed);
    const verification = await verifyDraw(published, planCommitment);
    expect(verification.ok).toBe(true);
  });

  it('freezes the pool from scope: active employers of the district, by grade, minus the yearly cap', async () => {
    const expected: Record<StratumGrade, string[]> = { A: [], B: [], C: [], none: [] };
    for (const e of chaoyang) if (e.uscc !== cleanAInspected && e.uscc !== bInspectedTwice) expected[e.grade ?? 'none'].push(e.uscc);
    expect(record.strata.map((s) => s.grade)).toEqual(strataGrades);
    for (const s of record.strata) {
      expect(s.ratioBp).toBe(RATIOS[s.grade as StratumGrade]);
      expect(s.candidates).toEqual(expected[s.grade as StratumGrade].sort());
      expect(s.selected).toHaveLength(stratumSize(s.ratioBp, s.candidates.length));
    }
    expect(record.exclusions.map((e) => [e.uscc, e.cap])).toEqual(
      [
        [cleanAInspected, 1],
        [bInspectedTwice, 2],
      ].sort(),
    );
    expect(record.strata[0]!.candidates).toContain(penalizedAInspected);
  });

  it('assigns two qualified inspectors to each selected employer, respecting conflicts and caps', async () => {
    expect(record.inspectors.map((i) => i.id)).toEqual(INSPECTORS.map((i) => i.certificateNo));
    expect(record.assignments.map((a) => a.uscc)).toEqual(record.strata.flatMap((s) => s.selected));
    const conflicted = new Set(INSPECTORS[0]!.conflicts);
    for (const a of record.assignments) {
      expect(new Set(a.inspectorIds).size).toBe(2);
      if (conflicted.has(a.uscc)) expect(a.inspectorIds).not.toContain(INSPECTORS[0]!.certificateNo);
    }
    const load = summarizeDraw(record).inspectorLoad;
    expect(load[INSPECTORS[1]!.certificateNo] ?? 0).toBeLessThanOrEqual(12);
  });

  it('cannot draw twice, nor re-plan a drawn task', async () => {
    await expect(drawTask(db, clockOn('2026-03-10'), env.FILES, STAFF, 'SJ-2026-101', { beacon: null })).rejects.toMatchObject({
      code: 'already_drawn',
    });
    await expect(commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-101')).rejects.toMatchObject({ code: 'already_drawn' });
  });

  it('keeps a record too large for a D1 row in R2 and serves it unchanged, carrying inspector loads over', async () => {
    const stored = (await storedTask('SJ-2026-102')).draw as { storage: string; key: string };
    expect(stored).toMatchObject({ storage: 'r2', key: expect.stringMatching(/^draws\/SJ-2026-102\//) });
    const res = await publicDraw('SJ-2026-102');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.clone().text()).toBe(await (await env.FILES.get(stored.key))!.text());
    const large: DrawRecord = await bodyOf(res, 200);
    expect((await verifyDraw(large)).ok).toBe(true);
    // The year's earlier draw (inline) is this one's starting load.
    const before = summarizeDraw(record).inspectorLoad;
    for (const i of large.inspectors) expect(i.load).toBe(before[i.id] ?? 0);
  });

  it('counts loads from records kept in R2 too', async () => {
    await commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-103');
    await drawTask(db, clockOn('2026-03-10'), env.FILES, STAFF, 'SJ-2026-103', { beacon: null });
    const third: DrawRecord = await bodyOf(await publicDraw('SJ-2026-103'), 200);
    const first = summarizeDraw(record).inspectorLoad;
    const second = summarizeDraw(await bodyOf(await publicDraw('SJ-2026-102'), 200)).inspectorLoad;
    for (const i of third.inspectors) expect(i.load).toBe((first[i.id] ?? 0) + (second[i.id] ?? 0));
  });

  it('fails, storing nothing, when an employer would get fewer than two inspectors', async () => {
    await commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-104');
    // dongcheng[0] conflicts with JC-03, JC-04 and JC-05, and JC-01 … is free: make it unavailable too.
    await db.insert(inspectorConflicts).values([
      { inspectorId: 'JC-01', uscc: dongcheng[0]!, reason: '曾在该单位任职' },
      { inspectorId: 'JC-02', uscc: dongcheng[0]!, reason: '曾在该单位任职' },
    ]);
    await expect(drawTask(db, clockOn('2026-03-10'), env.FILES, STAFF, 'SJ-2026-104', { beacon: null })).rejects.toMatchObject({
      code: 'insufficient_inspectors',
      message: expect.stringContaining(dongcheng[0]!),
    });
    expect(await storedTask('SJ-2026-104')).toMatchObject({ status: 'planned', draw: null, drawnOn: null });
    expect((await publicDraw('SJ-2026-104')).status).toBe(404);
  });

  it('answers 404 for unknown, targeted and record-less tasks, and 422 for a malformed id', async () => {
    expect((await publicDraw('SJ-1999-999')).status).toBe(404);
    expect((await bodyOf(await publicDraw('SJ-2026-105'), 404)).error.message).toContain('重点检查');
    expect((await publicDraw('SJ-2026-106')).status).toBe(404);
    const bad = await publicDraw(encodeURIComponent('x y<z>'));
    expect(bad.status).toBe(422);
    expect((await bodyOf(bad, 422)).error.code).toBe('validation_failed');
  });
});

describe('the draw inside workerd at scale', () => {
  // Informational timings (the log lines); the assertions are about correctness only.
  it('freezes a 200,000-employer pool from D1 in keyset pages and keeps the record in R2', async () => {
    const n = 200_000;
    await env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1 - 1)
       INSERT INTO enterprises (uscc, name, district_code, industry, address, legal_representative, status, grade)
       SELECT printf('91110111MA%07dX', i), '北京房山批量' || i || '有限公司', '110111', '制造业', '北京市房山区', '李某', 'active',
              CASE i % 4 WHEN 0 THEN 'A' WHEN 1 THEN 'B' WHEN 2 THEN 'C' END
       FROM seq`,
    )
      .bind(n)
      .run();
    const ratios = { A: 100, B: 100, C: 100, none: 100 };
    await insertSamplingTask(env.DB, {
      id: 'SJ-2026-201',
      status: 'planned',
      planPublishedOn: null,
      drawnOn: null,
      scope: { districts: ['110111'], industries: [] },
      ratios,
    });
    await commitTaskSeed(db, clockOn('2026-03-01'), STAFF, 'SJ-2026-201');
    const started = Date.now();
    const summary = await drawTask(db, clockOn('2026-03-10'), env.FILES, STAFF, 'SJ-2026-201', { beacon: BEACON });
    console.log(
      `drawTask in workerd over D1: ${summary.candidateCount} candidates, ${summary.selectedCount} selected: ${Date.now() - started} ms`,
    );
    expect(summary.candidateCount).toBe(n);
    expect(summary.strata.map((s) => s.selectedCount)).toEqual(strataGrades.map(() => stratumSize(100, n / 4)));
    expect((await storedTask('SJ-2026-201')).draw).toMatchObject({ storage: 'r2' });
    const published: DrawRecord = await bodyOf(await publicDraw('SJ-2026-201'), 200);
    expect(published.strata[0]!.candidates[0]).toBe('91110111MA0000000X');
    const started2 = Date.now();
    expect((await verifyDraw(published)).ok).toBe(true);
    console.log(`verifyDraw in workerd: ${Date.now() - started2} ms`);
  }, 60_000);

  it('draws from 1,000,000 employers', async () => {
    const n = 1_000_000;
    const sizes: Record<StratumGrade, number> = { A: 400_000, B: 400_000, C: 100_000, none: 100_000 };
    const pool: Record<StratumGrade, string[]> = { A: [], B: [], C: [], none: [] };
    let i = 0;
    for (const grade of strataGrades)
      for (let j = 0; j < sizes[grade]; j++, i++) pool[grade].push(`91110105MA${String(i).padStart(7, '0')}X`);
    const pool20 = Array.from({ length: 20 }, (_, x) => ({
      id: `JC-${String(x).padStart(3, '0')}`,
      conflicts: [],
      yearlyCap: null,
      load: 0,
    }));
    const started = Date.now();
    const drawn = await runDraw({
      taskId: 'BENCH',
      seed: '01'.repeat(32),
      beacon: BEACON,
      ratios: RATIOS,
      pool,
      history: [],
      inspectors: pool20,
    });
    const ms = Date.now() - started;
    const selected = drawn.strata.reduce((s, x) => s + x.selected.length, 0);
    console.log(`runDraw in workerd: ${n} candidates, ${selected} selected, ${selected * 20} inspector scores: ${ms} ms`);
    for (const s of drawn.strata)
      expect(s.selected).toHaveLength(stratumSize(RATIOS[s.grade as StratumGrade], sizes[s.grade as StratumGrade]));
    expect(drawn.assignments).toHaveLength(selected);
  }, 60_000);
});
