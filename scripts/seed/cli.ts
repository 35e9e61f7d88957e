// Seeds the local D1 database with deterministic demo data.
//
//   node scripts/seed/cli.ts [--enterprises 200] [--seed 1] [--today YYYY-MM-DD]
//                            [--force] [--if-empty] [--persist-to .wrangler/state]
//
// Apply the migrations to the same state folder first (`npm run db:migrate`, or
// `npx wrangler d1 migrations apply DB --local --persist-to DIR`). --if-empty does nothing when
// enterprises already has rows, unless --today is given and the data was seeded as of another
// date (npm start uses it, so that TODAY_OVERRIDE gets data that fits its date); --force replaces
// existing demo data. The "as of" date of the last seed is kept in DIR/demo-seed.json, with a
// fingerprint of the scripted employers, so that data from an older generator is replaced too.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import '../lib/extensionless-imports.ts';
import { parseArgs } from 'node:util';
import type { SeedDataset } from './generate.ts';
import type { SeedLoad } from './write-sqlite.ts';

// node:sqlite announces itself as experimental on every run; other warnings still show.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning' || !warning.message.includes('SQLite')) console.warn(`${warning.name}: ${warning.message}`);
});

const { generateDataset } = await import('./generate.ts');
const { openSeedTarget } = await import('./write-sqlite.ts');
const { defaultCalendar } = await import('../../functions/domain/calendar-data.ts');
const { isIsoDate, todayInChina } = await import('../../functions/domain/dates.ts');

function integer(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`--${name} must be an integer, got "${value}"`);
  return n;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      enterprises: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
      force: { type: 'boolean', default: false },
      'if-empty': { type: 'boolean', default: false },
      'persist-to': { type: 'string', default: '.wrangler/state' },
    },
    strict: true,
  });
  const today = values.today ?? todayInChina(new Date());
  if (!isIsoDate(today)) throw new Error(`--today must be a date as YYYY-MM-DD, got "${today}"`);
  return {
    todayGiven: values.today !== undefined,
    seed: integer('seed', values.seed),
    enterprises: integer('enterprises', values.enterprises),
    today,
    force: values.force,
    ifEmpty: values['if-empty'],
    persistTo: values['persist-to'],
  };
}

function printSummary(dataset: SeedDataset, { counts, draws }: SeedLoad): void {
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(24)}${String(n).padStart(10)}`);
  console.log('Random draws (hmac-sha256-v1, verify at /sampling/{id}/verify):');
  for (const d of draws) {
    console.log(
      `  ${d.taskId}  ${d.status.padEnd(10)} ${d.candidates} candidates, ${d.selected} drawn, ${d.excluded} over the yearly cap, ${d.results} results, record ${(d.recordBytes / 1024).toFixed(0)} KB`,
    );
  }
  const planned = dataset.tasks.filter((t) => t.kind === 'random' && t.status === 'planned').map((t) => t.id);
  if (planned.length > 0) console.log(`  planned, commitment published: ${planned.join(', ')}`);
  const { demo } = dataset;
  console.log('Demo identifiers (scripts/seed/showcase.ts):');
  for (const s of demo.showcases)
    console.log(`  ${String(s.id).padStart(2)}  ${s.uscc.padEnd(18)}  ${s.grade ?? '-'}  ${s.name}  ${s.scenario}`);
  console.log(`  wrong check character: ${demo.wrongCheckCodes.slice(0, 5).join(', ')}`);
  console.log(`  legacy 注册号: ${demo.legacyCodes.slice(0, 5).join(', ')}`);
  for (const [role, c] of Object.entries(demo.cases)) console.log(`  ${role.padEnd(17)}${c.reference}  record ${c.recordId} of ${c.uscc}`);
  console.log(`  complaint (举报投诉)  ${demo.complaint}  closed, outcome shown when tracked`);
  console.log(`  access code of the demo cases: ${demo.accessCode}`);
}

interface SeedMarker {
  asOf: string;
  enterprises: number;
  seed: number;
  /** Of the scripted employers and their records: changes whenever the generator's output does. */
  fingerprint?: string;
}

/** The first enterprises and their records are the same whatever the total, so 30 stand for all. */
function fingerprint(options: { seed: number; today: string }): string {
  const sample = generateDataset({ seed: options.seed, enterprises: 30, today: options.today, calendar: defaultCalendar });
  const rows = JSON.stringify([[...sample.enterprises()], [...sample.creditRecords()]]);
  return createHash('sha256').update(rows).digest('hex').slice(0, 16);
}

const markerFile = (persistTo: string) => join(persistTo, 'demo-seed.json');

function readMarker(persistTo: string): SeedMarker | null {
  const file = markerFile(persistTo);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SeedMarker;
  } catch {
    return null;
  }
}

function writeMarker(persistTo: string, marker: SeedMarker): void {
  writeFileSync(markerFile(persistTo), `${JSON.stringify(marker, null, 2)}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const options = parseOptions();
  const target = openSeedTarget(options.persistTo);
  try {
    const occupied = target.occupiedTables();
    const marker = readMarker(options.persistTo);
    const seededAsOf = marker?.asOf ?? null;
    const current = fingerprint(options);
    // Demo data is generated relative to its as-of date; data as of another day (an earlier
    // TODAY_OVERRIDE, or yesterday) is replaced so that periods and deadlines read right, and so
    // is data an older version of the generator wrote.
    const otherDate = seededAsOf !== null ? seededAsOf !== options.today || marker?.fingerprint !== current : options.todayGiven;
    if (options.ifEmpty && occupied.includes('enterprises') && !otherDate) {
      console.log(`seed: ${target.file} already holds enterprises; nothing to do (--if-empty).`);
      return;
    }
    if (options.ifEmpty && otherDate && occupied.length > 0) {
      const why =
        seededAsOf === options.today ? 'written by an older version of the generator' : `as of ${seededAsOf ?? 'an unknown date'}`;
      console.log(`seed: the demo data is ${why}, not as of ${options.today} by this one; replacing it.`);
    } else if (occupied.length > 0 && !options.force) {
      throw new Error(`${target.file} is not empty (${occupied.join(', ')}). Rerun with --force to replace its data.`);
    }
    const dataset = generateDataset({
      seed: options.seed,
      enterprises: options.enterprises,
      today: options.today,
      calendar: defaultCalendar,
    });
    if (occupied.length > 0) target.clear();

    console.log(`Seeding ${target.file}\n  ${options.enterprises} enterprises, seed ${options.seed}, as of ${options.today}`);
    const step = Math.max(100_000, Math.ceil(options.enterprises / 10));
    let reported = 0;
    let loaded: Awaited<ReturnType<typeof target.load>>;
    try {
      loaded = await target.load(dataset, (done) => {
        if (done - reported < step) return;
        reported = done;
        console.log(`  … ${done} enterprises (${elapsed()})`);
      });
    } catch (error) {
      // Batches are committed as they go, so a failure leaves part of the data behind.
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\nThe database may now hold part of the demo data; rerun with --force.`,
      );
    }
    writeMarker(options.persistTo, { asOf: options.today, enterprises: options.enterprises, seed: options.seed, fingerprint: current });
    console.log(`Seeded in ${elapsed()}:`);
    printSummary(dataset, loaded);
  } finally {
    target.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
