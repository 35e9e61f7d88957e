// npm run bench:compare [-- --rounds N] [--seconds N] [--enterprises N] [--no-build] [--path /any/path?query]
//
// Whether a change made the budget's reads cheaper, measured without any profiler: the floor, the
// profile API and /credit/{uscc} over the benchmark's seeded D1, in interleaved rounds (so that the
// machine's drift falls on all three alike), each round giving requests/s and the CPU the Worker's
// thread spent per request (/proc). On this shared 2-core machine one round of one scenario moves
// by ±5 %, more than most single changes; compare medians over rounds, on both builds, one after
// the other. Run `npm run bench` once first to seed the database. With --path, the floor and that one
// path instead.
import { resolve } from 'node:path';
import { buildUnlessAsked, serveBuiltWorker } from '../lib/local-worker.ts';
import { argValue } from '../lib/args.ts';
import { runScenario } from './load.ts';
import { budgetReads, checkFloor, seededBudgetKeys } from './keys.ts';
import { cpuPerRequest, cpuTicks, WORKER_THREAD } from './threads.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const rounds = Number(argValue(args, '--rounds') ?? 5);
const seconds = Number(argValue(args, '--seconds') ?? 6);
const enterprises = Number(argValue(args, '--enterprises') ?? 1_000_000);
const { state, sample, floorCodes } = seededBudgetKeys(root, enterprises);
buildUnlessAsked(args);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const path = argValue(args, '--path');
const budget = budgetReads(sample, floorCodes);
const reads: typeof budget = path ? [budget[0]!, [path, () => path]] : budget;
const results = new Map(reads.map(([name]) => [name, { rps: [] as number[], cpu: [] as number[] }]));
const worker = await serveBuiltWorker(state);
try {
  await checkFloor(worker.url, floorCodes[0]!);
  for (const [name, paths] of reads) await runScenario(name, worker.url, paths, 2); // warm-up, unmeasured
  for (let round = 1; round <= rounds; round++) {
    for (const [name, paths] of reads) {
      const before = cpuTicks(worker.processGroup);
      const run = await runScenario(name, worker.url, paths, seconds);
      const cpu = cpuPerRequest(before, cpuTicks(worker.processGroup), run.requests).get(WORKER_THREAD) ?? 0;
      results.get(name)!.rps.push(run.requestsPerSecond);
      results.get(name)!.cpu.push(Math.round(cpu));
    }
    console.error(`round ${round} of ${rounds} done`);
  }
} finally {
  await worker.stop();
}

const floor = results.get(reads[0]![0])!;
const lines = [
  `${rounds} interleaved rounds of ${seconds} s, 8 connections, ${enterprises.toLocaleString('en')} enterprises; Worker thread CPU from /proc.`,
  '',
  '| read | req/s by round | ratio to floor by round | median ratio | Worker µs per request (median) |',
  '| --- | --- | --- | ---: | ---: |',
  ...[...results].map(([name, r]) => {
    const ratios = r.rps.map((rps, i) => rps / floor.rps[i]!);
    return `| ${name} | ${r.rps.join(' ')} | ${ratios.map((x) => x.toFixed(2)).join(' ')} | ${median(ratios).toFixed(2)} | ${Math.round(median(r.cpu))} |`;
  }),
];
console.log(lines.join('\n'));
process.exit(0);
