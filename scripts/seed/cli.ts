// Seeds the local D1 database with deterministic demo data.
//
//   node scripts/seed/cli.ts [--enterprises 200] [--seed 1] [--today YYYY-MM-DD]
//                            [--force] [--if-empty] [--persist-to .wrangler/state]
//
// Apply the migrations to the same state folder first (`npm run db:migrate`, or
// `npx wrangler d1 migrations apply DB --local --persist-to DIR`). --if-empty does nothing when
// enterprises already has rows (npm start uses it); --force replaces existing demo data.
import { registerHooks } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SeedDataset } from './generate.ts';
import type { SeedLoad } from './write-sqlite.ts';

// functions/ is written for bundlers, with extensionless relative imports; Node's own loader
// needs the extension, so the CLI supplies it before loading any of that code.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
      if (missing && specifier.startsWith('.') && !specifier.endsWith('.ts')) return nextResolve(`${specifier}.ts`, context);
      throw error;
    }
  },
});

// node:sqlite announces itself as experimental on every run; other warnings still show.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning' || !warning.message.includes('SQLite')) console.warn(`${warning.name}: ${warning.message}`);
});

const { generateDataset } = await import('./generate.ts');
const { openSeedTarget } = await import('./write-sqlite.ts');
const { createCalendar } = await import('../../functions/domain/working-days.ts');
const { isIsoDate, todayInChina } = await import('../../functions/domain/dates.ts');

const root = resolve(import.meta.dirname, '../..');

/** Every year in content/calendar, so a new year's file needs no code change here. */
function loadCalendar() {
  const dir = join(root, 'content', 'calendar');
  const files = readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f));
  return createCalendar(files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

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
  const today = values.today ?? todayInChina();
  if (!isIsoDate(today)) throw new Error(`--today must be a date as YYYY-MM-DD, got "${today}"`);
  return {
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
    console.log(`  ${d.taskId}  ${d.status.padEnd(10)} ${d.candidates} candidates, ${d.selected} drawn, ${d.excluded} over the yearly cap, ${d.results} results, record ${(d.recordBytes / 1024).toFixed(0)} KB`);
  }
  const planned = dataset.tasks.filter((t) => t.kind === 'random' && t.status === 'planned').map((t) => t.id);
  if (planned.length > 0) console.log(`  planned, commitment published: ${planned.join(', ')}`);
  const { demo } = dataset;
  console.log('Demo identifiers (scripts/seed/showcase.ts):');
  for (const s of demo.showcases) console.log(`  ${String(s.id).padStart(2)}  ${s.uscc.padEnd(18)}  ${s.grade ?? '-'}  ${s.name}  ${s.scenario}`);
  console.log(`  wrong check character: ${demo.wrongCheckCodes.slice(0, 5).join(', ')}`);
  console.log(`  legacy 注册号: ${demo.legacyCodes.slice(0, 5).join(', ')}`);
  for (const [role, c] of Object.entries(demo.cases)) console.log(`  ${role.padEnd(17)}${c.reference}  record ${c.recordId} of ${c.uscc}`);
  console.log(`  access code of the demo cases: ${demo.accessCode}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const options = parseOptions();
  const target = openSeedTarget(options.persistTo);
  try {
    const occupied = target.occupiedTables();
    if (options.ifEmpty && occupied.includes('enterprises')) {
      console.log(`seed: ${target.file} already holds enterprises; nothing to do (--if-empty).`);
      return;
    }
    if (occupied.length > 0 && !options.force) {
      throw new Error(`${target.file} is not empty (${occupied.join(', ')}). Rerun with --force to replace its data.`);
    }
    const dataset = generateDataset({ seed: options.seed, enterprises: options.enterprises, today: options.today, calendar: loadCalendar() });
    if (occupied.length > 0) target.clear();

    console.log(`Seeding ${target.file}\n  ${options.enterprises} enterprises, seed ${options.seed}, as of ${options.today}`);
    const step = Math.max(100_000, Math.ceil(options.enterprises / 10));
    let reported = 0;
    let loaded;
    try {
      loaded = await target.load(dataset, (done) => {
        if (done - reported < step) return;
        reported = done;
        console.log(`  … ${done} enterprises (${elapsed()})`);
      });
    } catch (error) {
      // Batches are committed as they go, so a failure leaves part of the data behind.
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe database may now hold part of the demo data; rerun with --force.`);
    }
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
