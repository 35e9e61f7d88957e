import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

/**
 * Every test file starts from empty databases with the real schema, applied by the same migrations
 * production uses, and an empty bucket. The files share one workerd (vitest.config.ts: a runtime
 * started per file cost about 2 s each), so what an earlier file stored is dropped here first.
 */
async function emptied(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND type IN ('table', 'view', 'trigger')`,
    )
    .all<{ type: string; name: string; sql: string | null }>();
  // A virtual table drops its own shadow tables, so those go first and the shadows are skipped.
  const virtual = results.filter((o) => o.type === 'table' && /^CREATE VIRTUAL/i.test(o.sql ?? ''));
  const shadows = (name: string) => virtual.some((v) => name.startsWith(`${v.name}_`));
  const drops = [
    ...results.filter((o) => o.type === 'trigger' || o.type === 'view'),
    ...virtual,
    ...results.filter((o) => o.type === 'table' && !virtual.includes(o) && !shadows(o.name)),
  ].map((o) => db.prepare(`DROP ${o.type.toUpperCase()} IF EXISTS "${o.name}"`));
  if (drops.length > 0) await db.batch([db.prepare('PRAGMA defer_foreign_keys = on'), ...drops]);
}

async function emptiedBucket(bucket: R2Bucket) {
  for (let listed = await bucket.list(); listed.objects.length > 0; listed = await bucket.list()) {
    await bucket.delete(listed.objects.map((o) => o.key));
  }
}

await Promise.all([emptied(env.DB), emptied(env.MIRROR_DB), emptiedBucket(env.FILES)]);
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
