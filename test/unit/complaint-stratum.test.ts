import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDraw, verifyDraw, withComplaintStratum, type DrawRecord } from '../../functions/domain/draw';
import { usccCheckCharacter } from '../../functions/domain/uscc';

// DOMAIN.md §7: "sampling ratio and frequency follow credit grade and risk"; §10: accepted
// complaints are a risk. The complaint stratum has its own ratio and is published with the draw.
const code = (i: number) => {
  const first17 = `91110119MA01T${String(i).padStart(4, '0')}`;
  return first17 + usccCheckCharacter(first17)!;
};
const A = Array.from({ length: 20 }, (_, i) => code(i));
const B = Array.from({ length: 10 }, (_, i) => code(20 + i));
const complained = [code(3), code(21), code(25), code(99)];
const inspectors = ['JC-1', 'JC-2', 'JC-3', 'JC-4'].map((id) => ({ id, conflicts: [], yearlyCap: null, load: 0 }));
const SEED = 'a1'.repeat(32);

describe('withComplaintStratum', () => {
  it('moves employers with an accepted complaint out of their grade into a stratum of their own', () => {
    const split = withComplaintStratum({ A, B }, complained);
    expect(split.complaint).toEqual([code(3), code(21), code(25)]);
    expect(split.A).toHaveLength(19);
    expect(split.A).not.toContain(code(3));
    expect(split.B).not.toContain(code(21));
    // An employer outside the task's pool (code 99) is not drawn through its complaint.
    expect(Object.values(split).flat()).not.toContain(code(99));
  });
});

describe('a draw with a complaint stratum', () => {
  const dir = mkdtempSync(join(tmpdir(), 'complaint-stratum-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const draw = () =>
    runDraw({
      taskId: 'SJ-2026-C01',
      seed: SEED,
      beacon: null,
      ratios: { A: 1000, B: 2000, complaint: 5000 },
      pool: withComplaintStratum({ A, B }, complained),
      history: [],
      inspectors,
    });

  it('samples the stratum at its own ratio and records it after the grades', async () => {
    const record = await draw();
    expect(record.strata.map((s) => [s.grade, s.ratioBp, s.candidates.length])).toEqual([
      ['A', 1000, 19],
      ['B', 2000, 8],
      ['complaint', 5000, 3],
    ]);
    expect(record.strata[2]!.selected).toHaveLength(2);
  });

  it('re-runs with the published verifier (scripts/verify-draw.ts), and a changed ratio is caught', async () => {
    const record = await draw();
    expect((await verifyDraw(record)).ok).toBe(true);
    const file = join(dir, 'draw.json');
    writeFileSync(file, JSON.stringify(record));
    const script = resolve(import.meta.dirname, '../../scripts/verify-draw.ts');
    const out = execFileSync(process.execPath, [script, file, '--commitment', record.seedCommitment], { encoding: 'utf8' });
    expect(out).toContain('一年内有举报投诉立案：候选 3 户，应抽 2 户；候选池哈希一致，抽取结果一致 → 一致');
    expect(out).toContain('结论：全部一致。');

    const tampered: DrawRecord = { ...record, strata: record.strata.map((s) => (s.grade === 'complaint' ? { ...s, ratioBp: 10_000 } : s)) };
    writeFileSync(file, JSON.stringify(tampered));
    let status = 0;
    try {
      execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(1);
  });
});
