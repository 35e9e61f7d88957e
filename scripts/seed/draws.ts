// The seeder's 双随机 draws (DOMAIN.md §7), run after the generated rows are written: each random
// task that the plan has drawn by the "as of" date is drawn by the Worker's own drawTask — the
// same pool, yearly cap, inspector pool, storage and audit entry as when staff press the button — over
// the local D1 file, on its draw date and in date order. Then only the employers drawn are
// inspected. Every seeded draw therefore verifies on /sampling/{taskId}/verify.
import type { DatabaseSync } from 'node:sqlite';
import type { Table } from 'drizzle-orm';
import { creditRecords, samplingResults } from '../../functions/db/schema.ts';
import { getDb } from '../../functions/db/client.ts';
import { drawTask } from '../../functions/admin/draws.ts';
import { findPublishedDraw } from '../../functions/db/queries/sampling-draw.ts';
import { clockOn } from '../../functions/domain/clock.ts';
import { commitSeed, type DrawRecord } from '../../functions/domain/draw.ts';
import { assessGrade, type GradeRecord } from '../../functions/domain/grade.ts';
import { d1OverSqlite } from './sqlite-d1.ts';
import type { SeedDataset, TaskPlan } from './generate.ts';

export interface SeedWriter {
  db: DatabaseSync;
  insert(table: Table, rows: readonly Record<string, unknown>[]): void;
  transaction(work: () => void): void;
}

/** One seeded draw, for the CLI's summary. */
export interface DemoDraw {
  taskId: string;
  status: TaskPlan['status'];
  candidates: number;
  selected: number;
  excluded: number;
  /** Results written: the employers drawn that were inspected before the "as of" date. */
  results: number;
  /** Size of the record kept inline in sampling_tasks.draw. */
  recordBytes: number;
}

/** The staff member the demo's audit log names for the draws. */
const DEMO_PUBLISHER = 'zhao.min@rsj.example.gov.cn';

/** The seeder has no R2: a record too big to keep inline means a demo scope is too wide (sampling.ts). */
const noR2 = {
  put() {
    throw new Error(
      'a demo draw record is larger than INLINE_DRAW_LIMIT and the seeder has no R2: narrow the task scope (NARROW_DRAWS_ABOVE in scripts/seed/sampling.ts)',
    );
  },
} as unknown as R2Bucket;

/**
 * Publishes every random task's seed commitment, then draws the tasks due by the "as of" date and
 * writes the inspections of the employers drawn. Last year's grades are assessed once that year's
 * draws are done and before this year's begin (the assessment follows the year), so the stored
 * grade is still the one the records of the assessment year produce.
 */
export async function drawRandomTasks(writer: SeedWriter, dataset: SeedDataset): Promise<DemoDraw[]> {
  return withStatistics(writer.db, () => drawAll(writer, dataset));
}

/**
 * Without table statistics SQLite plans loadInspectionHistory's "penalized last year" check on
 * credit_records_kind_date_idx, scanning every penalty of the year once per inspected employer
 * (24 s at 20,000 enterprises); with them it takes credit_records_uscc_idx (milliseconds). The
 * statistics are dropped afterwards, so the served site plans its queries as it always has.
 */
async function withStatistics<T>(db: DatabaseSync, work: () => Promise<T>): Promise<T> {
  const had = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
  db.exec('PRAGMA analysis_limit = 1000; ANALYZE credit_records; ANALYZE sampling_results');
  try {
    return await work();
  } finally {
    if (!had) db.exec('DROP TABLE IF EXISTS sqlite_stat1');
  }
}

async function drawAll(writer: SeedWriter, dataset: SeedDataset): Promise<DemoDraw[]> {
  const { db } = writer;
  const orm = getDb(d1OverSqlite(db));
  const random = dataset.tasks.filter((t) => t.kind === 'random');

  const seedOf = db.prepare('SELECT seed FROM sampling_tasks WHERE id = ?');
  const commit = db.prepare('UPDATE sampling_tasks SET seed_commitment = ? WHERE id = ?');
  for (const task of random) {
    const { seed } = seedOf.get(task.id) as { seed: string };
    commit.run(await commitSeed(seed), task.id);
  }

  const due = random
    .filter((t) => t.status !== 'planned')
    .sort((a, b) => (a.drawnOn < b.drawnOn ? -1 : a.drawnOn > b.drawnOn ? 1 : a.index - b.index));
  const assessedLater = new Set<string>();
  const draws: DemoDraw[] = [];
  for (const task of due) {
    if (task.year > dataset.gradeYear) regrade(db, assessedLater, dataset.gradeYear);
    await onDrawDay(db, task.drawnOn, () => drawTask(orm, clockOn(task.drawnOn), noR2, DEMO_PUBLISHER, task.id, { beacon: null }));
    if (task.status !== 'drawn') db.prepare('UPDATE sampling_tasks SET status = ? WHERE id = ?').run(task.status, task.id);

    const published = await findPublishedDraw(orm, task.id);
    if (published?.draw?.storage !== 'inline') throw new Error(`${task.id}: the draw record was not stored inline`);
    const record = published.draw.record;
    checkRegistered(db, task, record);
    const selected = record.strata.flatMap((s) => s.selected);
    const ids = (
      db.prepare('SELECT id FROM enterprises WHERE uscc IN (SELECT value FROM json_each(?))').all(JSON.stringify(selected)) as {
        id: number;
      }[]
    ).map((r) => r.id);
    const inspections = dataset.inspectDrawn(task.id, ids);
    writer.transaction(() => {
      writer.insert(samplingResults, inspections.samplingResults);
      writer.insert(creditRecords, inspections.creditRecords);
    });
    for (const r of inspections.creditRecords) if (r.decidedOn.startsWith(`${dataset.gradeYear}-`)) assessedLater.add(r.uscc);

    draws.push({
      taskId: task.id,
      status: task.status,
      candidates: published.draw.summary.candidateCount,
      selected: selected.length,
      excluded: record.exclusions.length,
      results: inspections.samplingResults.length,
      recordBytes: Buffer.byteLength(JSON.stringify(record)),
    });
  }
  regrade(db, assessedLater, dataset.gradeYear);
  return draws;
}

/**
 * The yearly cap counts the inspections recorded in the year (loadInspectionHistory); on the day
 * of a past draw the later ones had not happened, so they step aside while it runs. Otherwise a
 * March draw would exclude employers for inspections made in November.
 */
async function onDrawDay<T>(db: DatabaseSync, day: string, work: () => Promise<T>): Promise<T> {
  db.exec('CREATE TEMP TABLE later_results AS SELECT * FROM sampling_results WHERE 0');
  db.prepare('INSERT INTO later_results SELECT * FROM sampling_results WHERE inspected_on >= ?').run(day);
  db.prepare('DELETE FROM sampling_results WHERE inspected_on >= ?').run(day);
  try {
    return await work();
  } finally {
    db.exec('INSERT INTO sampling_results SELECT * FROM later_results; DROP TABLE later_results');
  }
}

/**
 * The pool is today's data (sampling.ts explains why last year's draws leave the ungraded stratum
 * out); this guards that story: no candidate registered after the day of the draw.
 */
function checkRegistered(db: DatabaseSync, task: TaskPlan, record: DrawRecord): void {
  const candidates = JSON.stringify(record.strata.flatMap((s) => s.candidates));
  const late = db
    .prepare(
      'SELECT e.uscc AS uscc, e.registered_on AS registeredOn FROM json_each(?) j JOIN enterprises e ON e.uscc = j.value WHERE e.registered_on > ? LIMIT 1',
    )
    .get(candidates, task.drawnOn) as { uscc: string; registeredOn: string } | undefined;
  if (late) throw new Error(`${task.id}, drawn on ${task.drawnOn}, has candidate ${late.uscc} registered on ${late.registeredOn}`);
}

/** Re-assesses the graded employers whose assessment-year records the draws added to, with the one grade rule. */
function regrade(db: DatabaseSync, usccs: Set<string>, gradeYear: number): void {
  if (usccs.size === 0) return;
  const records = db.prepare('SELECT kind, severity, status, detail FROM credit_records WHERE uscc = ? AND decided_on BETWEEN ? AND ?');
  const update = db.prepare('UPDATE enterprises SET grade = ?, grade_reason = ? WHERE uscc = ? AND grade IS NOT NULL');
  for (const uscc of usccs) {
    const rows = records.all(uscc, `${gradeYear}-01-01`, `${gradeYear}-12-31`) as {
      kind: string;
      severity: string;
      status: string;
      detail: string | null;
    }[];
    const assessed = assessGrade(rows.map((r) => ({ ...r, detail: r.detail === null ? null : JSON.parse(r.detail) }) as GradeRecord));
    update.run(assessed.grade, assessed.reason, uscc);
  }
  usccs.clear();
}
