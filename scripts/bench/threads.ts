// CPU time of wrangler's processes, thread by thread, from /proc (Linux): which thread every request
// waits for, and how much of it a request takes, measured without a profiler attached.
import { readdirSync, readFileSync } from 'node:fs';

/** The thread that runs the Worker and its local D1: the one every request of the benchmark waits for. */
export const WORKER_THREAD = 'workerd: Worker and D1, thread workerd';

/** wrangler runs two workerd: the dev proxy in front, and the one that runs the Worker and its D1. */
function processName(command: string): string {
  if (!command.includes('workerd')) return 'wrangler';
  return command.includes('--inspector-addr') ? 'workerd: Worker and D1' : 'workerd: dev proxy';
}

/** CPU ticks (1/100 s) so far of every thread of wrangler's process group and of this process, by process and thread name. */
export function cpuTicks(group: number): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let stat: string;
    let command: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // gone meanwhile
    }
    const processGroup = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    const self = Number(pid) === process.pid;
    if (processGroup !== group && !self) continue;
    const name = self ? 'autocannon (this process)' : processName(command);
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const task = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const thread = task.slice(task.indexOf('(') + 1, task.lastIndexOf(')'));
        const fields = task.slice(task.lastIndexOf(')') + 2).split(' ');
        const key = `${name}, thread ${thread}`;
        ticks.set(key, (ticks.get(key) ?? 0) + Number(fields[11]) + Number(fields[12]));
      } catch {
        // thread ended
      }
    }
  }
  return ticks;
}

/** µs of CPU per request of each thread between two readings (ticks are 10 ms). */
export function cpuPerRequest(before: Map<string, number>, after: Map<string, number>, requests: number): Map<string, number> {
  return new Map([...after].map(([key, t]) => [key, ((t - (before.get(key) ?? 0)) * 10_000) / requests]));
}
