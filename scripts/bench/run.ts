// npm run bench [-- --quick] [--reuse] [--seconds N] [--no-lighthouse]
//
// Measures the budgets of DESIGN.md on this machine, all ratios taken within one run:
// seeds a local D1 (1,000,000 enterprises, or 20,000 with --quick), builds, serves the built
// Worker with wrangler on 127.0.0.1, drives each scenario with autocannon for a fixed time,
// weighs pages and runs Lighthouse. Writes BENCHMARKS.md and benchmarks.json (full run) or
// bench-results/quick.json (quick run); --quick exits 1 when it finds a regression against the
// committed benchmarks.json.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { buildUnlessAsked, migrateDatabase, prepareDatabase, serveBuiltWorker } from '../lib/local-worker.ts';
import { localD1File } from '../seed/local-d1-file.ts';
import { cycle, runScenario, runTrackingAttack, type RequestSpec, type ScenarioResult } from './load.ts';
import { newSigningKey } from '../lib/local-secrets.ts';
import { measurePage, type PageWeight } from './page-weight.ts';
import { runLighthouse, type LighthouseScore } from './lighthouse.ts';
import { CHANGE_FEED_SCENARIO, FLOOR_SCENARIO, REPORT_SCENARIO, writeReport, type BenchReport } from './report.ts';
import { checkFloor, sampleEnterprises, unknownCodes } from './keys.ts';
import { argValue } from '../lib/args.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string) => argValue(args, name);
const enterprises = Number(flag('--enterprises') ?? (quick ? 20_000 : 1_000_000));
const seconds = Number(flag('--seconds') ?? (quick ? 3 : 10));
const state = resolve(root, '.wrangler/bench', String(enterprises));
const marker = resolve(state, 'seeded.json');

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: Math.round(performance.now() - started) };
}

// 1. Data: reused across runs of the same size when asked, because seeding a million takes minutes.
let seedMs: number | null = null;
if (!(args.includes('--reuse') && existsSync(marker))) {
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  console.log(`seeding ${enterprises.toLocaleString()} enterprises into ${state} …`);
  seedMs = timed(() => prepareDatabase(state, ['--enterprises', String(enterprises), '--seed', '1'])).ms;
  writeFileSync(marker, JSON.stringify({ enterprises, seedMs }));
} else {
  // Data seeded before a newer migration gets it, as a deployed database would.
  migrateDatabase(state);
  seedMs = JSON.parse(readFileSync(marker, 'utf8')).seedMs ?? null;
}

// Keys for the scenarios, read straight from the seeded file before the server opens it.
const db = new DatabaseSync(localD1File(state), { readOnly: true });
const counts = db
  .prepare('SELECT (SELECT count(*) FROM enterprises) AS enterprises, (SELECT count(*) FROM credit_records) AS records')
  .get() as { enterprises: number; records: number };
const sample = sampleEnterprises(db);
const task = db.prepare('SELECT task_id AS id FROM sampling_results GROUP BY task_id ORDER BY count(*) DESC LIMIT 1').get() as
  | { id: string }
  | undefined;
const objection = db.prepare('SELECT reference FROM objections ORDER BY id LIMIT 1').get() as { reference: string } | undefined;
const floorCodes = unknownCodes(db, sample);
const databaseBytes = statSync(localD1File(state)).size;
const officerRows = db.prepare('SELECT certificate_no AS no FROM inspectors ORDER BY certificate_no').all() as { no: string }[];
const officers = officerRows.map((o) => o.no);
// The quarters the publication page shows, newest first (the page always asks for one).
const quarters = db.prepare('SELECT DISTINCT year, quarter FROM violation_publications ORDER BY year DESC, quarter DESC LIMIT 4').all() as {
  year: number;
  quarter: number;
}[];
// Where pages of the change feed start: 200 cursors spread over the whole log, each with 1,000 changes after it.
const feedStarts = (
  db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199),
         bounds AS (SELECT min(cursor) AS lo, (SELECT cursor FROM record_changes ORDER BY cursor DESC LIMIT 1 OFFSET 1000) AS hi
                    FROM record_changes)
       SELECT (SELECT max(cursor) FROM record_changes WHERE cursor <= lo + (hi - lo) * i / 199) AS after FROM n, bounds`,
    )
    .all() as { after: number | null }[]
).flatMap((r) => (r.after === null ? [] : [r.after]));
const changeRows = (db.prepare('SELECT count(*) AS n FROM record_changes').get() as { n: number }).n;
db.close();
// A name substring from the middle (the 字号 and industry) and a prefix beyond the common 北京.
const han = /^\p{Script=Han}+$/u;
const fragments = sample.map((e) => [...e.name].slice(2, 4).join('')).filter((f) => han.test(f));
const prefixes = sample.map((e) => [...e.name].slice(0, 3).join('')).filter((p) => han.test(p));

// 2. Build, 3. serve.
buildUnlessAsked(args);
// A case page to weigh, from the sitemap the build just wrote.
const someCase = readFileSync(resolve(root, 'dist/client/sitemap-0.xml'), 'utf8').match(/\/cases\/[a-z0-9-]+\/(?=<)/)?.[0];
// Reports are signed: the served Worker gets a signing key of this run, as `npm run dev:keys` makes one.
const worker = await serveBuiltWorker(state, { vars: { REPORT_SIGNING_KEY: await newSigningKey('report') } });
try {
  await checkFloor(worker.url, floorCodes[0]!);
  const q = (s: string) => encodeURIComponent(s);
  const scenarios: [string, () => string][] = [
    ['GET /api/v1/health (baseline)', () => '/api/v1/health'],
    [FLOOR_SCENARIO, cycle(floorCodes, (code) => `/api/v1/enterprises/${code}`)],
    ['GET /api/v1/enterprises/{uscc}', cycle(sample, (e) => `/api/v1/enterprises/${e.uscc}`)],
    ['search by name substring', cycle(fragments, (f) => `/api/v1/enterprises?q=${q(f)}`)],
    ['search by name prefix', cycle(prefixes, (p) => `/api/v1/enterprises?q=${q(p)}`)],
    ['sampling results page', cycle([1, 2, 3, 4, 5], (p) => `/api/v1/sampling/tasks/${task?.id ?? 'none'}/results?page=${p}`)],
    ['penalties list', cycle([1, 2, 3, 4, 5], (p) => `/api/v1/penalties?page=${p}`)],
    ['wage-arrears list', cycle([1, 2, 3], (p) => `/api/v1/lists/wage-arrears?page=${p}`)],
    ['major-violations quarter', cycle(quarters, (q) => `/api/v1/major-violations?year=${q.year}&quarter=${q.quarter}`)],
    ['officer lookup', cycle(officers, (no) => `/api/v1/officers/${no}`)],
    [CHANGE_FEED_SCENARIO, cycle(feedStarts.length ? feedStarts : [0], (after) => `/api/v1/changes?after=${after}&limit=1000`)],
    ['/credit/{uscc} page', cycle(sample, (e) => `/credit/${e.uscc}`)],
    ['home page', () => '/'],
  ];
  // Issuing a 专用信用报告: the profile read, the signature, and the writes to D1 and R2. wrangler dev
  // gives every local request CF-Connecting-IP 127.0.0.1, and the per-client limit (REPORT_LIMITER)
  // would stop one client after ten; in production such load comes from many clients, so each
  // request names another (a header only: nothing is sent to those addresses).
  let client = 0;
  const anotherClient = () => ({ 'CF-Connecting-IP': `198.18.${(client >> 8) & 255}.${client++ & 255}` });
  const issueReport = cycle(
    sample,
    (e): RequestSpec => ({
      path: '/api/v1/reports',
      method: 'POST',
      body: JSON.stringify({ uscc: e.uscc }),
      headers: { 'content-type': 'application/json', ...anotherClient() },
    }),
  );
  const results: ScenarioResult[] = [];
  // Each scenario first runs unmeasured for a moment, so that none pays for workerd's cold start or
  // for SQLite pages the scenario before it did not read: the floor's unknown codes sit in other
  // pages of the index than the sampled employers', and measured cold they made the floor look slow.
  const warmUpSeconds = quick ? 1 : 2;
  for (const [name, paths] of scenarios) {
    await runScenario(`${name} (warm-up)`, worker.url, paths, warmUpSeconds);
    const result = await runScenario(name, worker.url, paths, seconds);
    results.push(result);
    console.log(
      `${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
  }

  const issuing = await runScenario(REPORT_SCENARIO, worker.url, issueReport, seconds);
  results.push(issuing);
  console.log(
    `${issuing.name}: ${issuing.requestsPerSecond} req/s, p50 ${issuing.p50} ms, p95 ${issuing.p95} ms, non-2xx ${issuing.non2xx}`,
  );

  // The search, report and change-feed budgets are latencies: measured again with one connection, so
  // that they are the service's time and not the queue of 8 connections on 2 cores shared with autocannon.
  const single: [string, () => string | RequestSpec][] = [
    ...scenarios.filter(([n]) => n.startsWith('search') || n === CHANGE_FEED_SCENARIO),
    [REPORT_SCENARIO, issueReport],
  ];
  for (const [name, paths] of single) {
    const result = await runScenario(`${name} (1 connection)`, worker.url, paths, seconds, 1);
    results.push(result);
    console.log(`${result.name}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`);
  }

  const tracking = objection ? await runTrackingAttack(worker.url, objection.reference, seconds) : undefined;
  if (tracking) {
    const { healthIdle, healthDuringAttack, guesses } = tracking;
    console.log(
      `guessing attack: health p95 ${healthDuringAttack.p95} ms (idle ${healthIdle.p95} ms); guesses ${guesses.requests}, 404 ${guesses.notFound}, 429 ${guesses.limited}, other ${guesses.other}`,
    );
  }

  const sampleReport = (await (
    await fetch(`${worker.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...anotherClient() },
      body: JSON.stringify({ uscc: sample[0]!.uscc }),
    })
  ).json()) as { reportNo: string };
  const pages: PageWeight[] = [];
  for (const [name, path] of [
    ['home', '/'],
    ['credit profile', `/credit/${sample[0]!.uscc}`],
    ['case page', someCase ?? '/cases/'],
    ['objection form', '/objections/new'],
    ['credit report', `/reports/${sampleReport.reportNo}`],
    ['wage-arrears list', '/credit/lists/wage-arrears'],
    ['major-violations publication', '/enforcement/major-violations'],
    ['officer page', `/enforcement/officers/${officers[0] ?? '0'}`],
  ] as const) {
    pages.push(await measurePage(worker.url, name, path));
  }
  const lighthouse: LighthouseScore[] = args.includes('--no-lighthouse')
    ? []
    : await runLighthouse(worker.url, ['/', `/credit/${sample[0]!.uscc}`]);

  const report: BenchReport = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    versions: Object.fromEntries(
      ['astro', 'wrangler', 'hono', 'drizzle-orm', '@astrojs/cloudflare'].map((p) => [
        p,
        JSON.parse(readFileSync(resolve(root, 'node_modules', p, 'package.json'), 'utf8')).version,
      ]),
    ),
    dataset: {
      enterprises: counts.enterprises,
      records: counts.records,
      changes: changeRows,
      seedSeconds: seedMs === null ? null : Math.round(seedMs / 100) / 10,
      databaseBytes,
    },
    secondsPerScenario: seconds,
    scenarios: results,
    pages,
    lighthouse,
    tracking,
  };
  const ok = writeReport(root, report);
  if (!ok) process.exitCode = 1;
} finally {
  await worker.stop();
}
