declare namespace Cloudflare {
  interface Env {
    /** The real migrations, read in Node by vitest.config.ts and applied in test/integration/apply-migrations.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** A secret (not in wrangler.toml, so not among the generated types): vitest.config.ts gives each run a fresh one. */
    REPORT_SIGNING_KEY: string;
    /** The mirror's own database (scripts/mirror), a test-only binding. */
    MIRROR_DB: D1Database;
  }
}
