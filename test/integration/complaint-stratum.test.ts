// A sampling task with a complaint stratum (DOMAIN.md §7, §10): employers whose complaint was
// accepted (立案) are drawn at the task's own ratio for them, and the published draw re-runs.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyOf } from '../fixtures/api';
import { createAccessKeys } from '../fixtures/access-tokens';
import { complaintBody, newPhone, postComplaint, type ComplaintCreated } from '../fixtures/complaints';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { insertSamplingTask } from '../fixtures/sampling';
import { staffApi } from '../fixtures/staff';
import { today } from '../fixtures/today';
import { getDb } from '../../functions/db/client';
import { inspectors } from '../../functions/db/schema';
import { commitTaskSeed, drawTask } from '../../functions/admin/draws';
import { clockOn } from '../../functions/domain/clock';
import { verifyDraw, type DrawRecord } from '../../functions/domain/draw';

const db = getDb(env.DB);
const TASK = 'SJ-2026-C01';
const employers = Array.from({ length: 30 }, (_, i) => ({
  uscc: makeUscc(`MA01TD${String(i).padStart(3, '0')}`, '110119'),
  grade: i % 2 ? 'B' : 'A',
}));

beforeAll(async () => {
  const keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  for (const e of employers)
    await insertEnterprise(env.DB, {
      uscc: e.uscc,
      name: `延庆抽查候选${e.uscc.slice(-5)}有限公司`,
      districtCode: '110119',
      grade: e.grade as 'A' | 'B',
    });
  for (const id of ['JC-T1', 'JC-T2', 'JC-T3', 'JC-T4'])
    await db
      .insert(inspectors)
      .values({ id, name: `检查员${id}`, certificateNo: `京人社监${id}`, unit: '北京市延庆区人力资源和社会保障局' });
  const handle = staffApi(keys, ['complaints'], 'stratum.handler@hrss.example');
  const file = async (i: number) => {
    const res = await postComplaint(complaintBody(employers[i]!.uscc, { complainant: { name: '孙冬', phone: newPhone('1394') } }));
    expect(res.status).toBe(201);
    return (await res.json<ComplaintCreated>()).reference;
  };
  // Two accepted (an A and a B employer), one still waiting for acceptance: only the accepted count.
  for (const i of [2, 5]) expect((await handle('POST', `/complaints/${await file(i)}/decision`, { decision: 'accept' })).status).toBe(200);
  await file(8);
  await insertSamplingTask(env.DB, {
    id: TASK,
    year: Number(today.slice(0, 4)),
    status: 'planned',
    planPublishedOn: null,
    drawnOn: null,
    inspectFrom: null,
    inspectTo: null,
    scope: { districts: ['110119'], industries: [] },
    ratios: { A: 1000, complaint: 10_000 },
  });
});

describe('a draw with a complaint stratum', () => {
  it('draws employers with an accepted complaint at their own ratio, whatever their grade, and re-runs from the published record', async () => {
    await commitTaskSeed(db, clockOn(today), 'draw.test@hrss.example', TASK);
    await drawTask(db, clockOn(today), env.FILES, 'draw.test@hrss.example', TASK, { beacon: null });
    const record = await bodyOf(await api.sampling.tasks[':taskId'].draw.$get({ param: { taskId: TASK } }), 200);
    expect(record.strata.map((s) => s.grade)).toEqual(['A', 'complaint']);
    const complaint = record.strata.find((s) => s.grade === 'complaint')!;
    // Employer 5 is B-grade, a grade this task does not sample: it is drawn through its complaint.
    expect(complaint.candidates).toEqual([employers[2]!.uscc, employers[5]!.uscc].sort());
    expect(complaint.ratioBp).toBe(10_000);
    expect(complaint.selected).toHaveLength(2);
    const a = record.strata.find((s) => s.grade === 'A')!;
    expect(a.candidates).toHaveLength(14);
    expect(a.candidates).not.toContain(employers[2]!.uscc);
    expect(a.candidates).toContain(employers[8]!.uscc);
    const verification = await verifyDraw(record as DrawRecord);
    expect(verification.ok).toBe(true);
    expect(verification.strata.map((s) => [s.grade, s.ok])).toEqual([
      ['A', true],
      ['complaint', true],
    ]);
  });
});
