// npm run bench:profile [-- --enterprises N] [--seconds N] [--no-build] [--path /any/path?query]
//
// Where the Worker's time goes on the reads the budgets compare: health, the floor (a valid code
// no employer holds, one indexed D1 lookup answered 404), the profile API and /credit/{uscc}. It
// serves the built Worker over the benchmark's seeded D1 (run `npm run bench` once to seed it),
// records a V8 CPU profile of workerd through the DevTools protocol while autocannon drives each
// scenario, and cuts each profile into stages (scripts/bench/stages.ts). Prints a Markdown table of
// CPU microseconds per request by stage, and saves each profile under bench-results/ for DevTools.
// A second table, from /proc (Linux), gives each process's CPU per request without the profiler:
// which thread is the one every request waits for. With --path, health and that one path instead.
//
// A profile says where to look, not what a change will save: sampling workerd over the inspector
// gives small and asynchronous costs several times their size (the ETag hash of a profile came out
// at 45–88 µs, against about 5 µs timed in a loop inside workerd), and with the inspector attached
// even the unprofiled figures move. Weigh a change with `npm run bench:compare` on both builds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildUnlessAsked, freePort, serveBuiltWorker } from '../lib/local-worker.ts';
import { runScenario } from './load.ts';
import { budgetReads, checkFloor, seededBudgetKeys } from './keys.ts';
import { argValue } from '../lib/args.ts';
import { OTHER, STAGES, stageTimes, type CpuProfile } from './stages.ts';
import { cpuPerRequest, cpuTicks } from './threads.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string) => argValue(args, name);
const enterprises = Number(flag('--enterprises') ?? 1_000_000);
const seconds = Number(flag('--seconds') ?? 5);
const { state, sample, floorCodes } = seededBudgetKeys(root, enterprises);

buildUnlessAsked(args);

/** The DevTools protocol over wrangler's inspector proxy, which asks for a local Origin. */
async function inspector(port: number) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { Origin: 'http://localhost' } } as never);
  await new Promise((ok, fail) => {
    socket.addEventListener('open', ok, { once: true });
    socket.addEventListener('error', fail, { once: true });
  });
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    // Replies carry the request's id (wrangler's proxy answers some by echoing the request itself).
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined && waiting.has(message.id)) {
      waiting.get(message.id)!(message.result);
      waiting.delete(message.id);
    }
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((done) => {
      waiting.set(++id, done as (result: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => socket.close() };
}

const inspectorPort = await freePort();
const worker = await serveBuiltWorker(state, { inspectorPort });
const out = resolve(root, 'bench-results');
mkdirSync(out, { recursive: true });
const columns: { name: string; requests: number; unprofiled: number; times: Map<string, number>; threads: Map<string, number> }[] = [];
try {
  await checkFloor(worker.url, floorCodes[0]!);
  const devtools = await inspector(inspectorPort);
  await devtools.send('Profiler.enable');
  await devtools.send('Profiler.setSamplingInterval', { interval: 200 });
  const path = flag('--path');
  const reads: [string, () => string][] = path ? [[path, () => path]] : budgetReads(sample, floorCodes);
  const scenarios: [string, () => string][] = [['health', () => '/api/v1/health'], ...reads];
  for (const [name, paths] of scenarios) {
    // Throughput without the profiler first, so the table says what sampling itself cost.
    const before = cpuTicks(worker.processGroup);
    const unprofiled = await runScenario(name, worker.url, paths, seconds);
    const threads = cpuPerRequest(before, cpuTicks(worker.processGroup), unprofiled.requests);
    await devtools.send('Profiler.start');
    const profiled = await runScenario(name, worker.url, paths, seconds);
    const { profile } = await devtools.send<{ profile: CpuProfile }>('Profiler.stop');
    writeFileSync(resolve(out, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`), JSON.stringify(profile));
    columns.push({ name, requests: profiled.requests, unprofiled: unprofiled.requestsPerSecond, times: stageTimes(profile), threads });
    console.error(`${name}: ${unprofiled.requestsPerSecond} req/s, ${profiled.requestsPerSecond} req/s while profiled`);
  }
  devtools.close();
} finally {
  await worker.stop();
}

const perRequest = (c: (typeof columns)[number], stage: string) => Math.round(((c.times.get(stage) ?? 0) * 1000) / c.requests);
const stages = [...STAGES.map((s) => s.name), OTHER].filter((s) => columns.some((c) => perRequest(c, s) > 0));
const busy = (c: (typeof columns)[number]) =>
  [...c.times].filter(([s]) => !s.startsWith('idle')).reduce((sum, [, ms]) => sum + (ms * 1000) / c.requests, 0);
const lines = [
  `CPU time of the Worker per request, µs (V8 sampling profile of workerd, ${seconds} s a scenario, 8 connections, ${enterprises.toLocaleString('en')} enterprises):`,
  '',
  `| stage | ${columns.map((c) => c.name).join(' | ')} |`,
  `| --- | ${columns.map(() => '---:').join(' | ')} |`,
  ...stages.map((s) => `| ${s} | ${columns.map((c) => perRequest(c, s)).join(' | ')} |`),
  `| **busy, total** | ${columns.map((c) => `**${Math.round(busy(c))}**`).join(' | ')} |`,
  `| requests/s without the profiler | ${columns.map((c) => c.unprofiled).join(' | ')} |`,
  '',
  'CPU time per request by process and thread, µs, without the profiler (/proc; threads under 20 µs left out):',
  '',
  `| process, thread | ${columns.map((c) => c.name).join(' | ')} |`,
  `| --- | ${columns.map(() => '---:').join(' | ')} |`,
  ...[...new Set(columns.flatMap((c) => [...c.threads.keys()]))]
    .filter((key) => columns.some((c) => (c.threads.get(key) ?? 0) >= 20))
    .sort((a, b) => (columns[1]?.threads.get(b) ?? 0) - (columns[1]?.threads.get(a) ?? 0))
    .map((key) => `| ${key} | ${columns.map((c) => Math.round(c.threads.get(key) ?? 0)).join(' | ')} |`),
];
console.log(lines.join('\n'));
writeFileSync(resolve(out, 'cpu-profile.md'), `${lines.join('\n')}\n`);
process.exit(0);
