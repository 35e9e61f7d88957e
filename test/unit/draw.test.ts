import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLEAN_A_GRADE_CAP,
  DRAW_ALGORITHM,
  DrawError,
  YEARLY_INSPECTION_CAP,
  commitSeed,
  deriveDrawKey,
  generateSeed,
  poolHash,
  rankByScore,
  runDraw,
  scoreHex,
  strataGrades,
  stratumSize,
  summarizeDraw,
  verifyDraw,
  type DrawInput,
  type DrawInspector,
  type DrawRecord,
  type InspectionHistory,
  type StratumGrade,
} from '../../functions/domain/draw';
import { usccCheckCharacter } from '../../functions/domain/uscc';

// The issue that fixed the algorithm (a public contract, /sampling/algorithm):
// 1. seedCommitment = hex(SHA-256(seed)); 2. drawKey = SHA-256(seed ‖ beacon bytes), else seed;
// 3. strata by credit grade, codes ascending, poolHash = hex(SHA-256(codes joined by "\n"));
// 4. score = hex(HMAC-SHA256(drawKey, uscc)), ascending, ties by code, k = ⌈ratioBp × n / 10000⌉;
// 5. per selected employer in selection order, inspectors not in conflict scored by
//    hex(HMAC-SHA256(drawKey, "inspector:" + uscc + ":" + id)), ascending, first two, caps skip.

/** Seed 0x01, 0x02, …, 0x20. */
const SEED = Array.from({ length: 32 }, (_, i) => (i + 1).toString(16).padStart(2, '0')).join('');
const BEACON = 'ab'.repeat(32);

const code = (i: number) => {
  const first17 = `91110105MA01Q${String(i).padStart(4, '0')}`;
  return first17 + usccCheckCharacter(first17)!;
};
/** 30 valid codes: 12 A, 10 B, 5 C, 3 not graded. */
const SMALL_POOL: Record<StratumGrade, string[]> = {
  A: Array.from({ length: 12 }, (_, i) => code(i)),
  B: Array.from({ length: 10 }, (_, i) => code(12 + i)),
  C: Array.from({ length: 5 }, (_, i) => code(22 + i)),
  none: Array.from({ length: 3 }, (_, i) => code(27 + i)),
};
const SMALL_RATIOS = { A: 2000, B: 3000, C: 5000, none: 500 };
const SMALL_INSPECTORS: DrawInspector[] = [
  { id: 'JC-001', conflicts: [code(0), code(12)], yearlyCap: null, load: 0 },
  { id: 'JC-002', conflicts: [], yearlyCap: 3, load: 1 },
  { id: 'JC-003', conflicts: [code(22)], yearlyCap: null, load: 5 },
  { id: 'JC-004', conflicts: [], yearlyCap: 2, load: 2 },
  { id: 'JC-005', conflicts: [], yearlyCap: null, load: 0 },
];
/** code(1) is A-grade with no penalty last year and inspected once: over its cap of one. */
const SMALL_HISTORY: InspectionHistory[] = [
  { uscc: code(1), inspections: 1, penalizedLastYear: false },
  { uscc: code(2), inspections: 1, penalizedLastYear: true },
  { uscc: code(13), inspections: 2, penalizedLastYear: false },
];
const smallInput = (beacon: string | null): DrawInput => ({
  taskId: 'SJ-2026-001',
  seed: SEED,
  beacon,
  ratios: SMALL_RATIOS,
  pool: SMALL_POOL,
  history: SMALL_HISTORY,
  inspectors: SMALL_INSPECTORS,
});

/**
 * The algorithm again, written the plain way with node:crypto: loops, full hex strings, no
 * batching. runDraw must agree with it; neither shares code with the other.
 */
function referenceDraw(input: DrawInput) {
  const seed = Buffer.from(input.seed, 'hex');
  const seedCommitment = createHash('sha256').update(seed).digest('hex');
  const key = input.beacon
    ? createHash('sha256')
        .update(Buffer.concat([seed, Buffer.from(input.beacon, 'hex')]))
        .digest()
    : seed;
  const score = (message: string) => createHmac('sha256', key).update(Buffer.from(message, 'ascii')).digest('hex');
  const history = new Map(input.history.map((h) => [h.uscc, h]));
  const strata = [];
  for (const grade of ['A', 'B', 'C', 'none'] as const) {
    const ratioBp = input.ratios[grade];
    if (ratioBp === undefined) continue;
    const candidates = [];
    for (const uscc of input.pool[grade] ?? []) {
      const h = history.get(uscc);
      const cap = grade === 'A' && !h?.penalizedLastYear ? 1 : 2;
      if (!h || h.inspections < cap) candidates.push(uscc);
    }
    candidates.sort();
    const n = candidates.length;
    let k = Math.floor((ratioBp * n) / 10000);
    if (k * 10000 < ratioBp * n) k++;
    const ranked = candidates
      .map((c) => [score(c), c] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
    strata.push({
      grade,
      candidates,
      poolHash: createHash('sha256').update(candidates.join('\n')).digest('hex'),
      selected: ranked.slice(0, k).map((r) => r[1]),
    });
  }
  const load = new Map(input.inspectors.map((i) => [i.id, i.load]));
  const assignments = [];
  for (const uscc of strata.flatMap((s) => s.selected)) {
    const open = input.inspectors.filter((i) => !i.conflicts.includes(uscc) && (i.yearlyCap === null || load.get(i.id)! < i.yearlyCap));
    const ranked = open.map((i) => [score(`inspector:${uscc}:${i.id}`), i.id] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const ids = ranked.slice(0, 2).map((r) => r[1]);
    for (const id of ids) load.set(id, load.get(id)! + 1);
    assignments.push({ uscc, inspectorIds: ids });
  }
  return { seedCommitment, drawKey: key.toString('hex'), strata, assignments };
}

// Pinned once from the implementation (and equal to the reference above): a change to any of these
// is a change to the public contract, and must come with a new algorithm name.
const PINNED = {
  // Also checked with Python's hashlib/hmac while pinning: three implementations, one answer.
  seedCommitment: 'ae216c2ef5247a3782c135efa279a3e4cdc61094270f5d2be58c6204b7a612c9',
  drawKeyWithBeacon: '53c95ae0a78bfd76222068846946ee779ca3d184074836c3586cd0fa91ff7977',
  selectedWithoutBeacon: {
    A: ['91110105MA01Q00097', '91110105MA01Q0010C', '91110105MA01Q00084'],
    B: ['91110105MA01Q00198', '91110105MA01Q0014Q', '91110105MA01Q00185'],
    C: ['91110105MA01Q0024R', '91110105MA01Q0022K', '91110105MA01Q0023N'],
    none: ['91110105MA01Q00286'],
  },
  selectedWithBeacon: {
    A: ['91110105MA01Q00097', '91110105MA01Q0010C', '91110105MA01Q0004P'],
    B: ['91110105MA01Q0012J', '91110105MA01Q00172', '91110105MA01Q0021G'],
    C: ['91110105MA01Q0025W', '91110105MA01Q0022K', '91110105MA01Q0024R'],
    none: ['91110105MA01Q00299'],
  },
  firstAssignmentWithoutBeacon: { uscc: '91110105MA01Q00097', inspectorIds: ['JC-002', 'JC-003'] },
  poolHashA: '2d619b6ac676f437b991bfef8886d918ea55cc60bfa4941c13743ba640e5bd53',
};

describe('the fixed vectors (seed 0x01…0x20, 30 codes)', () => {
  it('commits to the seed and derives the draw key as published', async () => {
    expect(await commitSeed(SEED)).toBe(PINNED.seedCommitment);
    expect(await deriveDrawKey(SEED, null)).toBe(SEED);
    expect(await deriveDrawKey(SEED, BEACON)).toBe(PINNED.drawKeyWithBeacon);
    // Upper-case input is the same key: the published form is lower case.
    expect(await deriveDrawKey(SEED.toUpperCase(), BEACON.toUpperCase())).toBe(PINNED.drawKeyWithBeacon);
  });

  for (const beacon of [null, BEACON]) {
    it(`agrees with a plain node:crypto reimplementation ${beacon ? 'with' : 'without'} a beacon`, async () => {
      const record = await runDraw(smallInput(beacon));
      const reference = referenceDraw(smallInput(beacon));
      expect(record.seedCommitment).toBe(reference.seedCommitment);
      expect(record.drawKey).toBe(reference.drawKey);
      expect(record.strata.map((s) => ({ grade: s.grade, candidates: s.candidates, poolHash: s.poolHash, selected: s.selected }))).toEqual(
        reference.strata,
      );
      expect(record.assignments).toEqual(reference.assignments);
    });
  }

  it('gives the pinned selection, pool hash and first assignment', async () => {
    const plain = await runDraw(smallInput(null));
    const withBeacon = await runDraw(smallInput(BEACON));
    expect(Object.fromEntries(plain.strata.map((s) => [s.grade, s.selected]))).toEqual(PINNED.selectedWithoutBeacon);
    expect(Object.fromEntries(withBeacon.strata.map((s) => [s.grade, s.selected]))).toEqual(PINNED.selectedWithBeacon);
    expect(plain.strata[0]!.poolHash).toBe(PINNED.poolHashA);
    expect(plain.assignments[0]).toEqual(PINNED.firstAssignmentWithoutBeacon);
  });

  it('publishes the record of step 6', async () => {
    const record = await runDraw(smallInput(BEACON));
    expect(record).toMatchObject({ algorithm: DRAW_ALGORITHM, taskId: 'SJ-2026-001', seed: SEED, beacon: BEACON });
    expect(record.strata.map((s) => [s.grade, s.ratioBp, s.candidates.length, s.selected.length])).toEqual([
      ['A', 2000, 11, 3],
      ['B', 3000, 9, 3],
      ['C', 5000, 5, 3],
      ['none', 500, 3, 1],
    ]);
    expect(record.exclusions).toEqual([
      { uscc: code(1), grade: 'A', inspections: 1, cap: CLEAN_A_GRADE_CAP, reason: expect.stringContaining('上年度无行政处罚的 A 级单位') },
      { uscc: code(13), grade: 'B', inspections: 2, cap: YEARLY_INSPECTION_CAP, reason: expect.stringContaining('至多检查 2 次') },
    ]);
    // The inspector pool is published whole, conflicts only as far as they touch selected employers.
    expect(record.inspectors.map((i) => i.id)).toEqual(['JC-001', 'JC-002', 'JC-003', 'JC-004', 'JC-005']);
    const selected = new Set(record.strata.flatMap((s) => s.selected));
    for (const i of record.inspectors) for (const c of i.conflicts) expect(selected.has(c)).toBe(true);
    expect(record.inspectors.find((i) => i.id === 'JC-003')!.load).toBe(5);
    for (const hex of [record.seed, record.drawKey, record.seedCommitment, ...record.strata.map((s) => s.poolHash)])
      expect(hex).toMatch(/^[0-9a-f]{64}$/);
  });

  it('scores a single code as the contract says, for checking by hand', async () => {
    const expected = createHmac('sha256', Buffer.from(SEED, 'hex')).update(code(0)).digest('hex');
    expect(await scoreHex(SEED, code(0))).toBe(expected);
  });

  it('hashes a pool as its codes joined by newlines (the empty pool too)', async () => {
    expect(await poolHash(['A', 'B'])).toBe(createHash('sha256').update('A\nB').digest('hex'));
    expect(await poolHash([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('stratumSize — k = ⌈ratioBp × n / 10000⌉ in integers', () => {
  it('rounds up, and 0 only for an empty pool or a zero ratio', () => {
    expect(stratumSize(500, 1)).toBe(1);
    expect(stratumSize(500, 20)).toBe(1);
    expect(stratumSize(500, 21)).toBe(2);
    expect(stratumSize(10_000, 7)).toBe(7);
    expect(stratumSize(0, 1000)).toBe(0);
    expect(stratumSize(300, 0)).toBe(0);
    expect(stratumSize(1, 1_000_000)).toBe(100);
    expect(stratumSize(9_999, 1_000_000)).toBe(999_900);
  });

  it('matches a plain reference up to 10⁶ employers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), (r, n) => {
        // r·n ≤ 10¹⁰: the float quotient is exact enough to floor here, and the product is exact.
        const q = Math.floor((r * n) / 10_000);
        return stratumSize(r, n) === (q * 10_000 < r * n ? q + 1 : q);
      }),
    );
  });

  it('rejects ratios that are not whole basis points between 0 and 10000', () => {
    for (const bad of [-1, 10_001, 2.5, Number.NaN]) expect(() => stratumSize(bad, 10)).toThrow(DrawError);
  });
});

// ── properties ──────────────────────────────────────────────────────────────────────────────

/** Distinct ASCII codes (their shape is not the draw's business, only their uniqueness). */
const codesArb = (max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 999_999_999 }), { maxLength: max })
    .map((ns) => ns.map((n) => `9111010500${String(n).padStart(9, '0')}`.slice(-18)));
const poolArb = (max: number) =>
  codesArb(max * 4).chain((codes) =>
    fc.array(fc.constantFrom(...strataGrades), { minLength: codes.length, maxLength: codes.length }).map((grades) => {
      const pool: Record<StratumGrade, string[]> = { A: [], B: [], C: [], none: [] };
      for (const [i, c] of codes.entries()) pool[grades[i]!].push(c);
      return pool;
    }),
  );
const ratiosArb = fc.record({
  A: fc.integer({ min: 0, max: 10_000 }),
  B: fc.integer({ min: 0, max: 10_000 }),
  C: fc.integer({ min: 0, max: 10_000 }),
  none: fc.integer({ min: 0, max: 10_000 }),
});
const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const plenty = (n: number): DrawInspector[] =>
  Array.from({ length: n }, (_, i) => ({ id: `JC-${String(i).padStart(3, '0')}`, conflicts: [], yearlyCap: null, load: 0 }));
const input = (over: Partial<DrawInput>): DrawInput => ({
  taskId: 'T',
  seed: SEED,
  beacon: null,
  ratios: SMALL_RATIOS,
  pool: {},
  history: [],
  inspectors: plenty(4),
  ...over,
});
const shuffle = <T>(list: readonly T[], rng: () => number) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('runDraw — properties', () => {
  it('selects the first k of rankByScore, the order the algorithm page shows', async () => {
    await fc.assert(
      fc.asyncProperty(poolArb(40), ratiosArb, seedArb, async (pool, ratios, seed) => {
        const record = await runDraw(input({ pool, ratios, seed }));
        for (const s of record.strata) {
          const ranked = await rankByScore(record.drawKey, s.candidates);
          expect(s.selected).toEqual(ranked.slice(0, s.selected.length).map((r) => r.message));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('selects exactly k = ⌈ratioBp·n/10000⌉ per stratum, from the stratum, without repeats', async () => {
    await fc.assert(
      fc.asyncProperty(poolArb(40), ratiosArb, seedArb, async (pool, ratios, seed) => {
        const record = await runDraw(input({ pool, ratios, seed }));
        for (const s of record.strata) {
          expect(s.selected).toHaveLength(stratumSize(s.ratioBp, pool[s.grade as StratumGrade].length));
          expect(new Set(s.selected).size).toBe(s.selected.length);
          for (const c of s.selected) expect(pool[s.grade as StratumGrade]).toContain(c);
          expect(s.candidates).toEqual([...pool[s.grade as StratumGrade]].sort());
        }
      }),
      { numRuns: 30 },
    );
  });

  it('does not depend on the order of the pool or of the inspectors', async () => {
    await fc.assert(
      fc.asyncProperty(poolArb(30), seedArb, fc.integer(), async (pool, seed, salt) => {
        let state = salt >>> 0 || 1;
        const rng = () => {
          state = (state * 1103515245 + 12345) >>> 0;
          return state / 2 ** 32;
        };
        const shuffled = Object.fromEntries(strataGrades.map((g) => [g, shuffle(pool[g], rng)]));
        const a = await runDraw(input({ pool, seed }));
        const b = await runDraw(input({ pool: shuffled, seed, inspectors: shuffle(plenty(4), rng) }));
        expect(b).toEqual(a);
      }),
      { numRuns: 20 },
    );
  });

  it('changes the selection when the seed changes (pools large enough that a coincidence is negligible)', async () => {
    const pool = { A: Array.from({ length: 200 }, (_, i) => `9111010500${String(i).padStart(8, '0')}`) };
    await fc.assert(
      fc.asyncProperty(seedArb, seedArb, async (s1, s2) => {
        fc.pre(s1 !== s2);
        const [a, b] = await Promise.all(
          [s1, s2].map((seed) => runDraw(input({ pool, seed, ratios: { A: 1000 }, inspectors: plenty(2) }))),
        );
        return a!.strata[0]!.selected.join() !== b!.strata[0]!.selected.join();
      }),
      { numRuns: 15 },
    );
  });

  it('changes the selection when only the beacon changes', async () => {
    const pool = { A: Array.from({ length: 200 }, (_, i) => `9111010500${String(i).padStart(8, '0')}`) };
    const a = await runDraw(input({ pool, ratios: { A: 1000 }, beacon: '01'.repeat(32) }));
    const b = await runDraw(input({ pool, ratios: { A: 1000 }, beacon: '02'.repeat(32) }));
    expect(a.strata[0]!.selected).not.toEqual(b.strata[0]!.selected);
  });

  // Mostly workable pools (a few conflicts, some caps) so that both outcomes occur often.
  const inspectorsArb = fc
    .array(
      fc.record({
        cap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null, freq: 2 }),
        load: fc.integer({ min: 0, max: 3 }),
        conflictPicks: fc.array(fc.nat(), { maxLength: 4 }),
      }),
      { minLength: 0, maxLength: 10 },
    )
    .map((rows) => rows.map((r, i) => ({ ...r, id: `JC-${i}` })));

  it('assigns two distinct inspectors, never one in conflict, never beyond a cap — or fails the draw', async () => {
    await fc.assert(
      fc.asyncProperty(poolArb(6), inspectorsArb, seedArb, async (pool, rows, seed) => {
        const all = strataGrades.flatMap((g) => pool[g]);
        const inspectors = rows.map((r) => ({
          id: r.id,
          yearlyCap: r.cap,
          load: r.load,
          conflicts: all.length ? [...new Set(r.conflictPicks.map((p) => all[p % all.length]!))] : [],
        }));
        const drawInput = input({ pool, seed, ratios: { A: 5000, B: 5000, C: 5000, none: 5000 }, inspectors });
        const reference = referenceDraw(drawInput);
        let record: DrawRecord;
        try {
          record = await runDraw(drawInput);
        } catch (e) {
          // Only when some selected employer really had fewer than two eligible inspectors.
          expect(e).toBeInstanceOf(DrawError);
          expect((e as DrawError).code).toBe('insufficient_inspectors');
          expect(reference.assignments.some((a) => a.inspectorIds.length < 2)).toBe(true);
          return;
        }
        expect(record.assignments).toEqual(reference.assignments);
        const assigned = new Map<string, number>();
        for (const a of record.assignments) {
          expect(a.inspectorIds).toHaveLength(2);
          expect(a.inspectorIds[0]).not.toBe(a.inspectorIds[1]);
          for (const id of a.inspectorIds) {
            const inspector = inspectors.find((i) => i.id === id)!;
            expect(inspector.conflicts).not.toContain(a.uscc);
            assigned.set(id, (assigned.get(id) ?? 0) + 1);
          }
        }
        for (const i of inspectors) {
          const n = assigned.get(i.id) ?? 0;
          if (i.yearlyCap !== null) expect(n === 0 || i.load + n <= i.yearlyCap).toBe(true);
        }
        expect(record.assignments.map((a) => a.uscc)).toEqual(record.strata.flatMap((s) => s.selected));
      }),
      { numRuns: 60 },
    );
  });

  it('fails the draw, naming the employer, when fewer than two inspectors are eligible', async () => {
    const uscc = code(0);
    const inspectors: DrawInspector[] = [
      { id: 'JC-1', conflicts: [uscc], yearlyCap: null, load: 0 },
      { id: 'JC-2', conflicts: [], yearlyCap: 3, load: 3 },
      { id: 'JC-3', conflicts: [], yearlyCap: null, load: 0 },
    ];
    const draw = runDraw(input({ pool: { A: [uscc] }, ratios: { A: 10_000 }, inspectors }));
    await expect(draw).rejects.toMatchObject({ code: 'insufficient_inspectors', message: expect.stringContaining(uscc) });
  });

  it('leaves employers over the yearly cap out of the pool and lists them, with reasons, only as exclusions', async () => {
    await fc.assert(
      fc.asyncProperty(
        poolArb(20),
        fc.array(fc.record({ pick: fc.nat(), inspections: fc.integer({ min: 0, max: 3 }), penalizedLastYear: fc.boolean() }), {
          maxLength: 20,
        }),
        async (pool, picks) => {
          const all = strataGrades.flatMap((g) => pool[g].map((c) => [c, g] as const));
          fc.pre(all.length > 0);
          const history = new Map<string, InspectionHistory>();
          for (const p of picks) {
            const [uscc] = all[p.pick % all.length]!;
            history.set(uscc, { uscc, inspections: p.inspections, penalizedLastYear: p.penalizedLastYear });
          }
          const record = await runDraw(input({ pool, history: [...history.values()], inspectors: plenty(3) }));
          const candidates = new Set(record.strata.flatMap((s) => s.candidates));
          const excluded = new Set(record.exclusions.map((e) => e.uscc));
          for (const [uscc, grade] of all) {
            const h = history.get(uscc);
            const cap = grade === 'A' && !h?.penalizedLastYear ? 1 : 2;
            const over = !!h && h.inspections >= cap;
            expect(excluded.has(uscc)).toBe(over);
            expect(candidates.has(uscc)).toBe(!over);
          }
          for (const e of record.exclusions) expect(e.reason).toContain(`本年度已检查 ${e.inspections} 次`);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects a malformed seed or beacon, repeated codes and non-ASCII codes', async () => {
    await expect(runDraw(input({ seed: 'xyz' }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(runDraw(input({ beacon: 'abc' }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(runDraw(input({ pool: { A: ['X1', 'X1'] } }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(runDraw(input({ pool: { A: ['X1'], B: ['X1'] } }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(runDraw(input({ pool: { A: ['统一代码'] } }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(runDraw(input({ pool: { A: ['X1'] }, ratios: { B: 100 } }))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('draws fresh 32-byte seeds', () => {
    const a = generateSeed();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSeed()).not.toBe(a);
  });
});

describe('verifyDraw', () => {
  const clone = (r: DrawRecord): DrawRecord => structuredClone(r);

  it('confirms an untouched record, with and without a beacon, and the plan-time commitment', async () => {
    for (const beacon of [null, BEACON]) {
      const record = await runDraw(smallInput(beacon));
      const result = await verifyDraw(record, record.seedCommitment.toUpperCase());
      expect(result).toMatchObject({ algorithm: true, commitment: true, drawKey: true, pool: true, assignments: true, ok: true });
      expect(result.strata.map((s) => [s.grade, s.poolHash, s.selection, s.ok])).toEqual(strataGrades.map((g) => [g, true, true, true]));
    }
  });

  it('says which stratum disagrees when one selected code is changed', async () => {
    const record = clone(await runDraw(smallInput(null)));
    const b = record.strata.find((s) => s.grade === 'B')!;
    b.selected[1] = b.candidates.find((c) => !b.selected.includes(c))!;
    const result = await verifyDraw(record);
    expect(result.ok).toBe(false);
    expect(result.strata.map((s) => [s.grade, s.selection])).toEqual([
      ['A', true],
      ['B', false],
      ['C', true],
      ['none', true],
    ]);
  });

  it('fails the commitment when the seed is changed, or differs from the one published with the plan', async () => {
    const record = clone(await runDraw(smallInput(null)));
    expect((await verifyDraw(record, 'ff'.repeat(32))).commitment).toBe(false);
    record.seed = '02'.repeat(32);
    const result = await verifyDraw(record);
    expect(result.commitment).toBe(false);
    expect(result.ok).toBe(false);
  });

  it('fails the pool hash when a candidate is added, and the assignment when an inspector is swapped', async () => {
    const record = clone(await runDraw(smallInput(null)));
    record.strata[0]!.candidates.push('99999999999999999Z');
    record.assignments[0]!.inspectorIds = [record.assignments[0]!.inspectorIds[1], record.assignments[0]!.inspectorIds[0]];
    const result = await verifyDraw(record);
    expect(result.strata[0]!.poolHash).toBe(false);
    expect(result.assignments).toBe(false);
  });

  it('fails when an excluded employer is also a candidate', async () => {
    const record = clone(await runDraw(smallInput(null)));
    record.exclusions.push({ uscc: record.strata[1]!.candidates[0]!, grade: 'B', inspections: 5, cap: 2, reason: 'x' });
    expect((await verifyDraw(record)).pool).toBe(false);
  });

  it('fails when the strata are reordered (step 5 walks them in the order A, B, C, none)', async () => {
    const record = clone(await runDraw(smallInput(null)));
    record.strata.reverse();
    expect((await verifyDraw(record)).pool).toBe(false);
  });

  it('answers false, never throws, on garbage', async () => {
    for (const garbage of [null, {}, { algorithm: DRAW_ALGORITHM, seed: 1, strata: [{ grade: 'A', candidates: [1], selected: 'x' }] }]) {
      const result = await verifyDraw(garbage as unknown as DrawRecord);
      expect(result.ok).toBe(false);
    }
  });
});

describe('summarizeDraw', () => {
  it('counts candidates, selections and each inspector’s assignments', async () => {
    const record = await runDraw(smallInput(null));
    const summary = summarizeDraw(record);
    expect(summary).toMatchObject({ candidateCount: 28, selectedCount: 10, exclusionCount: 2, inspectorCount: 5 });
    expect(Object.values(summary.inspectorLoad).reduce((a, b) => a + b, 0)).toBe(20);
  });
});
