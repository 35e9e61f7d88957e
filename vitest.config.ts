import { defineConfig } from 'vitest/config';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';

// Three projects, one run: pure domain rules in Node, the API inside workerd against a real
// local D1 with the real migrations, and the built site in real Chromium.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('functions/db/migrations');
  return {
    test: {
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
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
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
