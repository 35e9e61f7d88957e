// The reference client for platforms that keep a copy of the site's public records (DOMAIN.md §12):
// it starts the copy from the records snapshot, follows the change feed, and can take the site's
// webhooks in between, so that a withdrawn, repaired or expired record leaves the copy as it leaves
// the site. The copy is an SQLite file (tables mirror_records, mirror_tombstones, mirror_state).
//
// Usage:
//   npm run mirror -- <site-url> <sqlite-file> [--watch SECONDS] [--listen PORT] [--secret S] [--show USCC]
//
//   <site-url>    e.g. http://127.0.0.1:8787 (npm start) or https://rsj.example.gov.cn
//   <sqlite-file> the copy; created and started from the snapshot on the first run
//   --watch N     keep following: read the feed again every N seconds (Ctrl-C stops)
//   --listen P    also take webhooks on http://127.0.0.1:P/ (register that URL at /admin/webhooks);
//                 the signing secret from --secret or MIRROR_WEBHOOK_SECRET; implies --watch 60
//   --show USCC   print what the copy holds of one employer, after bringing it up to date
//
// Exit status: 0 when the copy is up to date, 1 when the site could not be read.
import '../lib/extensionless-imports.ts';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

// node:sqlite announces itself as experimental on every run.
process.removeAllListeners('warning');

const { openMirrorStore } = await import('./store.ts');
const { sqliteDriver } = await import('./sqlite-driver.ts');
const { receiveWebhook, sync } = await import('./follow.ts');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    watch: { type: 'string' },
    listen: { type: 'string' },
    secret: { type: 'string' },
    show: { type: 'string' },
  },
});
const [siteArg, file] = positionals;
if (!siteArg || !file) {
  console.error('usage: npm run mirror -- <site-url> <sqlite-file> [--watch SECONDS] [--listen PORT] [--secret S] [--show USCC]');
  process.exit(2);
}
const site = siteArg.replace(/\/+$/, '');
const secret = values.secret ?? process.env.MIRROR_WEBHOOK_SECRET;
const port = values.listen === undefined ? null : Number(values.listen);
if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new Error(`--listen needs a port, got ${values.listen}`);
if (port !== null && !secret) throw new Error('--listen needs the signing secret (--secret or MIRROR_WEBHOOK_SECRET)');
const watchSeconds = values.watch ? Number(values.watch) : port !== null ? 60 : null;

const driver = sqliteDriver(file);
const store = await openMirrorStore(driver, site);
const stamp = () => new Date().toISOString();

async function catchUp() {
  const { started, changes } = await sync(site, store, fetch);
  const counts = await store.counts();
  if (started) console.log(`${stamp()} started from the snapshot: ${started.records} records, feed from cursor ${started.cursor}`);
  console.log(
    `${stamp()} ${changes} changes read; the copy holds ${counts.records} records and ${counts.tombstones} tombstones, at cursor ${await store.cursor()}`,
  );
}

try {
  await catchUp();
} catch (error) {
  console.error(`mirror: ${error instanceof Error ? error.message : String(error)}`);
  driver.close();
  process.exit(1);
}

if (values.show) {
  console.log(JSON.stringify({ records: await store.recordsOf(values.show), tombstones: await store.tombstonesOf(values.show) }, null, 2));
}

if (port !== null && secret) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // A change is a few kilobytes; anything far larger is not from the site.
      if (size > 1_000_000) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      const headers = new Headers(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])),
      );
      const answer = await receiveWebhook(
        store,
        secret,
        { headers, body: Buffer.concat(chunks).toString('utf8') },
        Math.floor(Date.now() / 1000),
      );
      console.log(`${stamp()} webhook ${answer.cursor ?? '-'}: ${answer.status} ${answer.message}`);
      res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(answer.message);
    });
  });
  // Loopback only: put a reverse proxy with TLS in front to take the site's webhooks from outside.
  server.listen(port, '127.0.0.1', () => console.log(`${stamp()} taking webhooks on http://127.0.0.1:${port}/`));
  process.on('SIGINT', () => server.close());
}

if (watchSeconds !== null) {
  const timer = setInterval(
    () => catchUp().catch((error) => console.error(`${stamp()} mirror: ${error.message}; trying again`)),
    watchSeconds * 1000,
  );
  process.on('SIGINT', () => {
    clearInterval(timer);
    driver.close();
  });
} else {
  driver.close();
}
