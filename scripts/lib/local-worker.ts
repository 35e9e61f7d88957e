// Serving the built Worker on loopback for the browser tests and the benchmark: its own D1
// state folder, migrated and seeded with the same commands `npm start` uses, stopped by process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const quiet = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  // wrangler dev records every request's spans and logs into a local trace store for its explorer
  // (on by default since wrangler 4.1xx). On the benchmark it cost about 700 µs of the Worker's
  // thread per request — more than a D1 lookup — and its SQLite file grew to 2 GB; neither tests
  // nor the benchmark read it, and the deployed Worker pays nothing like it (BENCHMARKS.md).
  X_LOCAL_OBSERVABILITY: 'false',
};

/** Runs a command from node_modules/.bin (on Node 22, the node this process runs on) and fails loudly. */
export function runTool(tool: string, args: string[]): void {
  const result = spawnSync(process.execPath, [resolve(root, 'node_modules/.bin', tool), ...args], {
    cwd: root,
    env: quiet,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export function runScript(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [resolve(root, script), ...args], { cwd: root, env: quiet, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** Applies the real migrations not yet applied to a local D1 state folder. */
export function migrateDatabase(persistTo: string): void {
  runTool('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo]);
}

/** Applies the real migrations to a local D1 state folder and seeds demo data into it. */
export function prepareDatabase(persistTo: string, seedArgs: string[]): void {
  migrateDatabase(persistTo);
  runScript('scripts/seed/cli.ts', ['--persist-to', persistTo, ...seedArgs]);
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? res(address.port) : rej(new Error('no port'))));
    });
  });
}

export interface RunningWorker {
  url: string;
  /** wrangler's process group: wrangler and both workerd processes. */
  processGroup: number;
  stop(): Promise<void>;
}

/** `npm run build`, unless the command line says `--no-build`; stops the script when it fails. */
export function buildUnlessAsked(args: readonly string[]): void {
  if (args.includes('--no-build')) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** `wrangler dev` over the built output (run `astro build` first), bound to 127.0.0.1 only. */
export async function serveBuiltWorker(
  persistTo: string,
  options: { port?: number; vars?: Record<string, string>; inspectorPort?: number } = {},
): Promise<RunningWorker> {
  const chosen = options.port ?? (await freePort());
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      resolve(root, 'node_modules/.bin/wrangler'),
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(chosen),
      '--persist-to',
      persistTo,
      '--log-level',
      'warn',
      '--show-interactive-dev-session=false',
      // DevTools on loopback only, for the CPU profile of scripts/bench/cpu-profile.ts.
      ...(options.inspectorPort ? ['--inspector-port', String(options.inspectorPort), '--inspector-ip', '127.0.0.1'] : []),
      ...vars,
    ],
    // Its own process group, so stopping it also stops workerd.
    { cwd: root, env: quiet, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return { url, processGroup: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within 60 s:\n${output}`);
}
