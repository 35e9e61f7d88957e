import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type SeedDataset } from '../../scripts/seed/generate';
import { openSeedTarget, type SeedLoad } from '../../scripts/seed/write-sqlite';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { commitSeed, verifyDraw, type DrawRecord } from '../../functions/domain/draw';
import { assessGrade, type GradeRecord } from '../../functions/domain/grade';

// The seeded 双随机 tasks must be real draws: the verify page re-runs each one in the browser, so
// every drawn demo task has to pass verifyDraw, and results exist only for the employers drawn.

const TODAY = '2026-11-25';
const MIGRATIONS = join(import.meta.dirname, '../../functions/db/migrations');

interface TaskRow {
  id: string;
  kind: string;
  status: string;
  year: number;
  seed: string | null;
  seed_commitment: string | null;
  draw: string | null;
  drawn_on: string | null;
  candidate_count: number | null;
  selected_count: number | null;
}

/** A state folder laid out as wrangler keeps local D1, migrated with the real migration files. */
function migratedState(): string {
  const state = mkdtempSync(join(tmpdir(), 'seed-draws-'));
  const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  mkdirSync(dir, { recursive: true });
  const db = new DatabaseSync(join(dir, 'test.sqlite'));
  for (const file of readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    db.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
  db.close();
  return state;
}

async function seed(state: string, enterprises = 200): Promise<{ dataset: SeedDataset; loaded: SeedLoad }> {
  const dataset = generateDataset({ seed: 1, enterprises, today: TODAY, calendar: defaultCalendar });
  const target = openSeedTarget(state);
  try {
    return { dataset, loaded: await target.load(dataset) };
  } finally {
    target.close();
  }
}

function open(state: string): DatabaseSync {
  const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  return new DatabaseSync(join(dir, 'test.sqlite'), { readOnly: true });
}

describe('seeded random draws at 200 enterprises (DOMAIN.md §7)', () => {
  const states: string[] = [];
  let dataset: SeedDataset;
  let loaded: SeedLoad;
  let db: DatabaseSync;
  let tasks: TaskRow[];

  beforeAll(async () => {
    states.push(migratedState());
    ({ dataset, loaded } = await seed(states[0]!));
    db = open(states[0]!);
    tasks = db.prepare('SELECT * FROM sampling_tasks ORDER BY id').all() as unknown as TaskRow[];
  });
  afterAll(() => {
    db?.close();
    for (const state of states) rmSync(state, { recursive: true, force: true });
  });

  const drawn = () => tasks.filter((t) => t.kind === 'random' && t.status !== 'planned');
  const recordOf = (t: TaskRow) => JSON.parse(t.draw!) as DrawRecord;

  it('draws at least three random tasks and verifies every one of them', async () => {
    expect(drawn().length).toBeGreaterThanOrEqual(3);
    for (const task of drawn()) {
      const record = recordOf(task);
      const verification = await verifyDraw(record, task.seed_commitment);
      expect(verification.ok, task.id).toBe(true);
      expect(record).toMatchObject({ taskId: task.id, seed: task.seed, seedCommitment: task.seed_commitment, beacon: null });
      expect(record.strata.length, task.id).toBeGreaterThan(0);
    }
  });

  it('stores counts and dates as the draw left them, with the plan status', () => {
    const plan = new Map(dataset.tasks.map((t) => [t.id, t]));
    for (const task of drawn()) {
      const record = recordOf(task);
      const candidates = record.strata.reduce((n, s) => n + s.candidates.length, 0);
      const selected = record.strata.reduce((n, s) => n + s.selected.length, 0);
      expect([task.candidate_count, task.selected_count, task.drawn_on, task.status], task.id).toEqual([
        candidates,
        selected,
        plan.get(task.id)!.drawnOn,
        plan.get(task.id)!.status,
      ]);
      expect(selected, task.id).toBeGreaterThan(0);
    }
    expect(loaded.draws.map((d) => d.taskId).sort()).toEqual(
      drawn()
        .map((t) => t.id)
        .sort(),
    );
  });

  it('writes results only for the employers drawn, and some for every task inspected by now', () => {
    const results = db.prepare('SELECT task_id AS taskId, uscc FROM sampling_results').all() as { taskId: string; uscc: string }[];
    for (const task of drawn()) {
      const selected = new Set(recordOf(task).strata.flatMap((s) => s.selected));
      const mine = results.filter((r) => r.taskId === task.id);
      for (const r of mine) expect(selected.has(r.uscc), `${task.id} ${r.uscc}`).toBe(true);
      if (task.status === 'completed') expect(mine.length, task.id).toBe(selected.size);
    }
    expect(results.filter((r) => drawn().some((t) => t.id === r.taskId)).length).toBeGreaterThan(0);
  });

  it('never draws an employer registered after the draw, nor one out of scope or closed', () => {
    for (const task of drawn()) {
      const codes = JSON.stringify(recordOf(task).strata.flatMap((s) => s.candidates));
      const scope = JSON.parse((db.prepare('SELECT scope FROM sampling_tasks WHERE id = ?').get(task.id) as { scope: string }).scope) as {
        districts: string[];
        industries: string[];
      };
      const rows = db.prepare('SELECT e.* FROM json_each(?) j JOIN enterprises e ON e.uscc = j.value').all(codes) as {
        district_code: string;
        industry: string;
        status: string;
        registered_on: string;
      }[];
      expect(rows.length, task.id).toBe(JSON.parse(codes).length);
      for (const e of rows) {
        expect(e.registered_on <= task.drawn_on!, task.id).toBe(true);
        expect(e.status).toBe('active');
        expect(scope.districts.length === 0 || scope.districts.includes(e.district_code)).toBe(true);
        expect(scope.industries.length === 0 || scope.industries.includes(e.industry)).toBe(true);
      }
    }
  });

  it('publishes only the commitment of a planned task, and SHA-256 of the seed for all', async () => {
    const planned = tasks.filter((t) => t.kind === 'random' && t.status === 'planned');
    expect(planned.length).toBeGreaterThanOrEqual(1);
    for (const t of planned) expect([t.draw, t.candidate_count, t.selected_count, t.seed?.length]).toEqual([null, null, null, 64]);
    for (const t of tasks.filter((x) => x.kind === 'random')) expect(t.seed_commitment, t.id).toBe(await commitSeed(t.seed!));
    for (const t of tasks.filter((x) => x.kind === 'targeted')) expect([t.seed, t.seed_commitment, t.draw]).toEqual([null, null, null]);
  });

  it('links every result to a record of the same employer and numbers decisions on', () => {
    const linked = db
      .prepare(`SELECT c.uscc AS recordUscc, r.uscc AS resultUscc, json_extract(c.detail, '$.result') AS recorded, r.result AS result
                FROM credit_records c JOIN sampling_results r ON r.id = c.sampling_result_id WHERE c.kind = 'sampling_result'`)
      .all() as { recordUscc: string; resultUscc: string; recorded: string; result: string }[];
    for (const l of linked) expect([l.recordUscc, l.recorded]).toEqual([l.resultUscc, l.result]);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(linked.length).toBe(count('SELECT count(*) AS n FROM sampling_results'));
    expect(count("SELECT count(*) AS n FROM credit_records WHERE kind = 'sampling_result'")).toBe(linked.length);
    // Document numbers go on after the generated records: no two penalty decisions share one.
    expect(count("SELECT count(DISTINCT decision_no) AS n FROM credit_records WHERE kind = 'penalty'")).toBe(
      count("SELECT count(decision_no) AS n FROM credit_records WHERE kind = 'penalty'"),
    );
  });

  it('still stores the grade that the records of the assessment year produce', () => {
    const records = db.prepare('SELECT kind, severity, status, detail FROM credit_records WHERE uscc = ? AND decided_on BETWEEN ? AND ?');
    const graded = db.prepare('SELECT uscc, grade, grade_reason AS reason FROM enterprises WHERE grade IS NOT NULL').all() as {
      uscc: string;
      grade: string;
      reason: string;
    }[];
    for (const e of graded) {
      const rows = records.all(e.uscc, `${dataset.gradeYear}-01-01`, `${dataset.gradeYear}-12-31`) as {
        kind: string;
        severity: string;
        status: string;
        detail: string | null;
      }[];
      const assessed = assessGrade(rows.map((r) => ({ ...r, detail: r.detail === null ? null : JSON.parse(r.detail) }) as GradeRecord));
      expect([e.grade, e.reason], e.uscc).toEqual([assessed.grade, assessed.reason]);
    }
  });

  it('gives the same draws and results for the same options', async () => {
    states.push(migratedState());
    await seed(states[1]!);
    const again = open(states[1]!);
    try {
      const dump = (d: DatabaseSync) => [
        d
          .prepare('SELECT * FROM sampling_tasks ORDER BY id')
          .all()
          .map((t) => ({ ...t, created_at: null })),
        d.prepare('SELECT * FROM sampling_results ORDER BY id').all(),
        d.prepare('SELECT id, uscc, grade, grade_reason FROM enterprises ORDER BY id').all(),
      ];
      expect(JSON.stringify(dump(again))).toBe(JSON.stringify(dump(db)));
    } finally {
      again.close();
    }
  });
});
