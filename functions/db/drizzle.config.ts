import { defineConfig } from 'drizzle-kit';

// drizzle-kit only writes SQL here; `wrangler d1 migrations apply` is what applies it.
export default defineConfig({
  dialect: 'sqlite',
  schema: './functions/db/schema.ts',
  out: './functions/db/migrations',
  // Never touch wrangler's own bookkeeping table, nor the FTS5 index maintained in SQL.
  tablesFilter: ['!d1_migrations', '!enterprise_name_index*', '!_cf_*'],
});
