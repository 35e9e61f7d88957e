// `npm start`: migrate the local D1, seed demo data, build, and serve the whole site on 127.0.0.1.
// `npm run serve` (--serve): only the last step.
//
// TODAY_OVERRIDE=YYYY-MM-DD (from the environment, or a line in .dev.vars) runs the site as of that
// date: the demo data is seeded as of it (replacing data seeded as of another date) and the Worker
// gets the var, which it honours because DEMO_DATA is "true" in wrangler.toml.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
const bin = (tool: string) => resolve(root, 'node_modules/.bin', tool);

/** KEY=VALUE lines of .dev.vars, the file wrangler dev reads too. */
function devVar(name: string): string | undefined {
  const file = resolve(root, '.dev.vars');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1] === name) return m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return undefined;
}

const today = (process.env.TODAY_OVERRIDE || devVar('TODAY_OVERRIDE') || '').trim();
if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
  console.error(`TODAY_OVERRIDE must be a date as YYYY-MM-DD, got "${today}"`);
  process.exit(2);
}

function npm(args: string[]) {
  const result = spawnSync('npm', args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--serve')) {
  // The secrets the site signs with, made once and kept in .dev.vars.
  npm(['run', 'dev:keys', '--', '--secrets-only']);
  npm(['run', 'db:migrate']);
  npm(['run', 'db:seed', '--', '--if-empty', ...(today ? ['--today', today] : [])]);
  npm(['run', 'build']);
}

if (today) console.log(`Serving the site as of ${today} (TODAY_OVERRIDE).`);
const server = spawn(
  process.execPath,
  [
    bin('wrangler'),
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    process.env.PORT || '8787',
    ...(today ? ['--var', `TODAY_OVERRIDE:${today}`] : []),
  ],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
