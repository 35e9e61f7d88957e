// Finding the SQLite file behind the local D1 binding. Node-only and free of project imports, so
// plain `node` scripts (the benchmark) can use it without the seeder's import hook.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** Wrangler keeps each local D1 database as a Durable Object's SQLite file. */
export function localD1File(persistTo: string): string {
  const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const candidates = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite') : [];
  const migrated = candidates.map((f) => join(dir, f)).filter(hasSchema);
  if (migrated.length === 1) return migrated[0]!;
  if (migrated.length === 0) {
    throw new Error(
      `No migrated local D1 database under ${dir}. Apply the migrations first: ` +
        `npx wrangler d1 migrations apply DB --local${persistTo === '.wrangler/state' ? '' : ` --persist-to ${persistTo}`}`,
    );
  }
  throw new Error(`Several local D1 databases under ${dir} have the schema (${migrated.join(', ')}); remove the stale ones.`);
}

function hasSchema(file: string): boolean {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enterprises'").get() !== undefined;
  } finally {
    db.close();
  }
}
