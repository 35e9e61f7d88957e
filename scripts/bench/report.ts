// The benchmark's output: BENCHMARKS.md (between markers, so the hand-written notes around the
// table survive a new run) and benchmarks.json for tools; a quick run is compared with them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScenarioResult, TrackingAttack } from './load.ts';
import type { PageWeight } from './page-weight.ts';
import type { LighthouseScore } from './lighthouse.ts';

export interface BenchReport {
  date: string;
  mode: 'full' | 'quick';
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  versions: Record<string, string>;
  /** `changes`: rows of the change log (absent in runs from before it). */
  dataset: { enterprises: number; records: number; changes?: number; seedSeconds: number | null; databaseBytes?: number };
  secondsPerScenario: number;
  scenarios: ScenarioResult[];
  pages: PageWeight[];
  lighthouse: LighthouseScore[];
  /** Guessing access codes for one reference while health is measured (issue: tracking limits). */
  tracking?: TrackingAttack;
}

/** One indexed D1 lookup answered 404: the floor of any route that reads D1 (DESIGN.md budgets). */
export const FLOOR_SCENARIO = 'GET /api/v1/enterprises/{valid unknown code} (floor, 404)';

/** The scenario that issues 专用信用报告 (POST /api/v1/reports). */
export const REPORT_SCENARIO = 'POST /api/v1/reports (issue a report)';
/** The scenario of the change feed's budget, measured on 8 connections and on one. */
export const CHANGE_FEED_SCENARIO = 'change feed, 1,000-event page';

/** DESIGN.md budgets. */
export const budgets = {
  /** "a credit report issued in under 100 ms p95" */
  reportIssueP95Ms: 100,
  profileToHealth: 0.5,
  /** The profile API and /credit/{uscc}, as a share of the floor's throughput. */
  profileToFloor: 0.95,
  searchP95Ms: 30,
  /** A 1,000-event page of GET /api/v1/changes. */
  changeFeedP95Ms: 50,
  pageJavascriptBytes: 20 * 1024,
  editorialJavascriptBytes: 0,
  homeTransferredBytes: 60 * 1024,
  lighthousePerformance: 0.95,
  lighthouseAccessibility: 1,
  /** Health p95 on one connection during the guessing attack, as a multiple of its idle p95. */
  healthUnderAttack: 2,
};

const ratio = (r: BenchReport, name: string) => {
  const base = r.scenarios[0]!.requestsPerSecond;
  const s = r.scenarios.find((x) => x.name === name);
  return s && base ? s.requestsPerSecond / base : 0;
};
const profileRatio = (r: BenchReport) => ratio(r, 'GET /api/v1/enterprises/{uscc}');
const floorOf = (r: BenchReport) => r.scenarios.find((x) => x.name === FLOOR_SCENARIO)?.requestsPerSecond ?? 0;
const toFloor = (r: BenchReport, name: string) => {
  const s = r.scenarios.find((x) => x.name === name);
  return s && floorOf(r) ? s.requestsPerSecond / floorOf(r) : 0;
};

interface Check {
  what: string;
  measured: string;
  ok: boolean;
}

function checks(r: BenchReport): Check[] {
  const out: Check[] = [];
  out.push({
    what: 'profile throughput ≥ 50 % of health',
    measured: `${(profileRatio(r) * 100).toFixed(0)} %`,
    ok: profileRatio(r) >= budgets.profileToHealth,
  });
  for (const name of ['GET /api/v1/enterprises/{uscc}', '/credit/{uscc} page']) {
    if (!floorOf(r)) break;
    out.push({
      what: `${name} throughput ≥ ${budgets.profileToFloor * 100} % of the floor`,
      measured: `${(toFloor(r, name) * 100).toFixed(0)} %`,
      ok: toFloor(r, name) >= budgets.profileToFloor,
    });
  }
  for (const name of ['search by name substring', 'search by name prefix']) {
    const single = r.scenarios.find((x) => x.name === `${name} (1 connection)`);
    const loaded = r.scenarios.find((x) => x.name === name)!;
    const s = single ?? loaded;
    out.push({
      what: `${s.name}: p95 < ${budgets.searchP95Ms} ms`,
      measured: `${s.p95} ms (${loaded.p95} ms under 8 connections)`,
      ok: s.p95 < budgets.searchP95Ms,
    });
  }
  const issuing = r.scenarios.find((x) => x.name === REPORT_SCENARIO);
  if (issuing) {
    const single = r.scenarios.find((x) => x.name === `${REPORT_SCENARIO} (1 connection)`) ?? issuing;
    out.push({
      what: `${single.name}: p95 < ${budgets.reportIssueP95Ms} ms`,
      measured: `${single.p95} ms (${issuing.p95} ms under 8 connections; ${issuing.non2xx + issuing.errors} not issued)`,
      ok: single.p95 < budgets.reportIssueP95Ms && issuing.non2xx + issuing.errors === 0,
    });
  }
  const feed = r.scenarios.find((x) => x.name === `${CHANGE_FEED_SCENARIO} (1 connection)`);
  const feedLoaded = r.scenarios.find((x) => x.name === CHANGE_FEED_SCENARIO);
  if (feed && feedLoaded) {
    out.push({
      what: `${feed.name}: p95 < ${budgets.changeFeedP95Ms} ms`,
      measured: `${feed.p95} ms (${feedLoaded.p95} ms under 8 connections)`,
      ok: feed.p95 < budgets.changeFeedP95Ms && feed.non2xx + feed.errors === 0,
    });
  }
  for (const p of r.pages) {
    const limit = p.name === 'case page' ? budgets.editorialJavascriptBytes : budgets.pageJavascriptBytes;
    out.push({ what: `${p.name}: JavaScript ≤ ${limit} B`, measured: `${p.javascriptBytes} B`, ok: p.javascriptBytes <= limit });
  }
  const home = r.pages.find((p) => p.name === 'home')!;
  out.push({
    what: 'home page < 60 KB transferred',
    measured: `${(home.transferredBytes / 1024).toFixed(1)} KB`,
    ok: home.transferredBytes < budgets.homeTransferredBytes,
  });
  if (r.tracking) {
    const { healthIdle, healthDuringAttack, guesses } = r.tracking;
    out.push({
      what: `health p95 during the guessing attack ≤ ${budgets.healthUnderAttack} × idle`,
      measured: `${healthDuringAttack.p95} ms vs ${healthIdle.p95} ms idle; ${guesses.limited} of ${guesses.requests} guesses answered 429`,
      ok: healthDuringAttack.p95 <= budgets.healthUnderAttack * healthIdle.p95 && guesses.notFound <= 10,
    });
  }
  for (const l of r.lighthouse) {
    out.push({
      what: `Lighthouse ${l.path}: performance ≥ 0.95`,
      measured: l.performance.toFixed(2),
      ok: l.performance >= budgets.lighthousePerformance,
    });
    out.push({
      what: `Lighthouse ${l.path}: accessibility = 1`,
      measured: l.accessibility.toFixed(2),
      ok: l.accessibility >= budgets.lighthouseAccessibility,
    });
  }
  return out;
}

function markdown(r: BenchReport): string {
  const base = r.scenarios[0]!.requestsPerSecond;
  const lines = [
    `Run ${r.date} (${r.mode}) on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}.`,
    `Versions: ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    `Dataset: ${r.dataset.enterprises.toLocaleString('en-US')} enterprises, ${r.dataset.records.toLocaleString('en-US')} credit records${r.dataset.changes === undefined ? '' : `, ${r.dataset.changes.toLocaleString('en-US')} change-log rows`}${r.dataset.seedSeconds === null ? '' : `, seeded in ${r.dataset.seedSeconds} s`}. ${r.secondsPerScenario} s per scenario, 8 connections (unless marked 1 connection), wrangler dev on 127.0.0.1, autocannon in a second process.`,
    '',
    ...(r.dataset.databaseBytes
      ? [
          `Database: ${(r.dataset.databaseBytes / 2 ** 20).toFixed(0)} MiB, ${((r.dataset.databaseBytes / 2 ** 20 / r.dataset.enterprises) * 1e6).toFixed(0)} MiB per million enterprises.`,
        ]
      : []),
    '',
    '| scenario | req/s | ratio to health | ratio to floor | p50 ms | p95 ms | p99 ms | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.requestsPerSecond} | ${(s.requestsPerSecond / base).toFixed(2)} | ${floorOf(r) ? (s.requestsPerSecond / floorOf(r)).toFixed(2) : '–'} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.non2xx + s.errors} |`,
    ),
    '',
    '| page | path | HTML bytes | transferred (gzip) | JavaScript bytes |',
    '| --- | --- | ---: | ---: | ---: |',
    ...r.pages.map((p) => `| ${p.name} | \`${p.path}\` | ${p.htmlBytes} | ${p.transferredBytes} | ${p.javascriptBytes} |`),
    '',
    ...(r.lighthouse.length
      ? [
          '| Lighthouse (mobile) | performance | accessibility |',
          '| --- | ---: | ---: |',
          ...r.lighthouse.map((l) => `| \`${l.path}\` | ${l.performance.toFixed(2)} | ${l.accessibility.toFixed(2)} |`),
          '',
        ]
      : []),
    ...(r.tracking
      ? [
          '| guessing access codes (150 connections) | requests | 404 | 429 | health p95 idle | health p95 during |',
          '| --- | ---: | ---: | ---: | ---: | ---: |',
          `| one reference, X-Access-Code wrong | ${r.tracking.guesses.requests} | ${r.tracking.guesses.notFound} | ${r.tracking.guesses.limited} | ${r.tracking.healthIdle.p95} ms | ${r.tracking.healthDuringAttack.p95} ms |`,
          '',
        ]
      : []),
    '| budget | measured | met |',
    '| --- | --- | --- |',
    ...checks(r).map((c) => `| ${c.what} | ${c.measured} | ${c.ok ? 'yes' : '**no**'} |`),
  ];
  return lines.join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Writes the results; true when a quick run found no regression (a full run always returns true). */
export function writeReport(root: string, r: BenchReport): boolean {
  const table = markdown(r);
  console.log(`\n${table}\n`);
  if (r.mode === 'full') {
    const path = resolve(root, 'BENCHMARKS.md');
    const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
    const [head, rest] = current.split(START);
    writeFileSync(path, `${head}${START}\n${table}\n${END}${rest!.split(END)[1] ?? '\n'}`);
    writeFileSync(resolve(root, 'benchmarks.json'), `${JSON.stringify(r, null, 2)}\n`);
    return true;
  }
  mkdirSync(resolve(root, 'bench-results'), { recursive: true });
  writeFileSync(resolve(root, 'bench-results/quick.json'), `${JSON.stringify(r, null, 2)}\n`);
  // Regression gate for CI: half the committed profile/health ratio, and the JavaScript budgets.
  const committedPath = resolve(root, 'benchmarks.json');
  const failures: string[] = [];
  if (existsSync(committedPath)) {
    const committed = JSON.parse(readFileSync(committedPath, 'utf8')) as BenchReport;
    const floor = profileRatio(committed) / 2;
    if (profileRatio(r) < floor)
      failures.push(`profile/health ratio ${profileRatio(r).toFixed(2)} is below half the committed ${profileRatio(committed).toFixed(2)}`);
  }
  for (const c of checks(r).filter((c) => c.what.includes('JavaScript') && !c.ok)) failures.push(`${c.what}: ${c.measured}`);
  for (const f of failures) console.error(`bench regression: ${f}`);
  if (!failures.length) console.log('bench quick: no regression against benchmarks.json');
  return failures.length === 0;
}
