import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase, serveBuiltWorker } from '../../scripts/lib/local-worker';
import { newLocalSecrets } from '../../scripts/lib/local-secrets';
import { chromiumPath } from '../../scripts/lib/chromium';
import { createAccessKeys, signAccessToken } from '../fixtures/access-tokens';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A real signed Cloudflare Access token with the reviewer role, for the staff console. */
    reviewerToken: string;
    /** Tokens of each role, and one of no role, for the tests of the staff gate. */
    staffTokens: Record<'reviewer' | 'publisher' | 'admin' | 'complaints' | 'none', string>;
    /** The Chromium every browser test launches. */
    chromiumPath: string;
  }
}

/** Serves the built site over a freshly migrated and seeded D1, for the browser tests only. */
export default async function setup(project: TestProject) {
  // Found (or unpacked) once, before the slow part, so that the test files start from the same binary.
  project.provide('chromiumPath', await chromiumPath());
  if (!existsSync(resolve(import.meta.dirname, '../../dist/server/entry.mjs'))) {
    throw new Error('The e2e tests run against the built site: run `npm run build` first (`npm test` does).');
  }
  const state = mkdtempSync(join(tmpdir(), 'hrss-e2e-'));
  // The suite's "today" for the data and for the served site alike (vitest.config.ts).
  const today = project.config.provide.today!;
  prepareDatabase(state, ['--enterprises', '200', '--seed', '1', '--today', today]);
  // The server trusts a key pair made for this run only, exactly as `npm run dev:keys` does locally.
  const keys = await createAccessKeys();
  const worker = await serveBuiltWorker(state, { vars: { ACCESS_JWKS: keys.jwks, TODAY_OVERRIDE: today, ...(await newLocalSecrets()) } });
  project.provide('baseUrl', worker.url);
  const sign = (roles: string[], email: string) =>
    signAccessToken(keys, { audience: 'hrss-disclosure-local', issuer: 'http://127.0.0.1:8787', roles, email });
  project.provide('staffTokens', {
    reviewer: await sign(['reviewer'], 'reviewer@hrss.example'),
    publisher: await sign(['publisher'], 'publisher@hrss.example'),
    admin: await sign(['admin'], 'admin@hrss.example'),
    complaints: await sign(['complaints'], 'complaints@hrss.example'),
    none: await sign([], 'visitor@hrss.example'),
  });
  project.provide(
    'reviewerToken',
    await signAccessToken(keys, {
      audience: 'hrss-disclosure-local',
      issuer: 'http://127.0.0.1:8787',
      roles: ['reviewer'],
      email: 'reviewer@hrss.example',
    }),
  );
  return async () => {
    await worker.stop();
    rmSync(state, { recursive: true, force: true });
  };
}
