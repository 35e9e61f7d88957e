declare namespace Cloudflare {
  interface Env {
    /** The real migrations, read in Node by vitest.config.ts and applied in test/integration/apply-migrations.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** The mirror's own database (scripts/mirror), a test-only binding. */
    MIRROR_DB: D1Database;
  }
}
