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
      projects: [
        {
          test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
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
            include: ['test/integration/**/*.test.ts'],
            setupFiles: ['./test/integration/apply-migrations.ts'],
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['./test/e2e/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
