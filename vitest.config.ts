import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { suiteToday } from './test/suite-today.ts';
import { newLocalSecrets } from './scripts/lib/local-secrets.ts';

// Three projects, one run: pure domain rules in Node, the API inside workerd against a real
// local D1 with the real migrations, and the built site in real Chromium. Every project runs on
// one injected "today" (TEST_TODAY, default the date in Beijing): tests read it with
// inject('today'), and the Worker under test gets it as TODAY_OVERRIDE.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('functions/db/migrations');
  const today = suiteToday();
  // Fresh secrets for each run, as `npm run dev:keys` makes them for a local site.
  const secrets = await newLocalSecrets();
  return {
    test: {
      provide: { today },
      reporters: ['default', './test/summary-reporter.ts'],
      // Vitest would keep one core free, which on a 2-core machine leaves every file to run alone.
      maxWorkers: Math.max(2, availableParallelism()),
      projects: [
        {
          // The unit files keep no state between them, so one process runs many in turn instead of one each.
          test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', isolate: false },
        },
        {
          plugins: [
            cloudflareTest({
              // The Astro half of src/worker.ts needs build-time virtual modules; the API worker does not.
              main: './functions/api/worker.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations, TODAY_OVERRIDE: today, ...secrets },
                // The reference client's copy, in the tests that drive scripts/mirror in workerd.
                d1Databases: ['MIRROR_DB'],
              },
            }),
          ],
          test: {
            name: 'integration',
            // One workerd for many files instead of one started per file (about 2 s each); the setup
            // file empties the databases and the bucket before each file, so each still starts clean.
            isolate: false,
            include: ['test/integration/**/*.test.ts'],
            setupFiles: ['./test/integration/apply-migrations.ts'],
          },
        },
        {
          test: {
            name: 'e2e',
            // Files run side by side against the one served site: a test finds what it wrote by its
            // own keys, never by counting what others may be writing at the same time.
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['./test/e2e/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
