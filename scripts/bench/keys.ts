// The keys the scenarios cycle through, read straight from the seeded file before the server opens
// it: a random sample of employers, and for the floor valid codes that no employer holds.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { localD1File } from '../seed/local-d1-file.ts';
import { usccCheckCharacter } from '../../functions/domain/uscc.ts';
import { cycle } from './load.ts';

export interface SampledEnterprise {
  uscc: string;
  name: string;
}

/** About 2,000 employers picked at random over the whole id range. */
export function sampleEnterprises(db: DatabaseSync): SampledEnterprise[] {
  return db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
       SELECT uscc, name FROM enterprises WHERE id IN (SELECT abs(random()) % (SELECT max(id) FROM enterprises) + 1 FROM n)`,
    )
    .all() as unknown as SampledEnterprise[];
}

/**
 * The floor's codes: each sampled code with another organisation body ('YY', which the generator
 * never issues) and its check character recomputed, so that each is well-formed, passes the check
 * and costs one indexed lookup that finds nothing (404). Codes someone does hold are dropped.
 */
export function unknownCodes(db: DatabaseSync, sample: SampledEnterprise[]): string[] {
  const held = db.prepare('SELECT 1 FROM enterprises WHERE uscc = ?');
  return sample
    .filter((e) => e.uscc.length === 18) // legacy 15-digit registration numbers have no body to swap
    .map((e) => `${e.uscc.slice(0, 8)}YY${e.uscc.slice(10, 17)}`)
    .map((first17) => first17 + (usccCheckCharacter(first17) ?? '0'))
    .filter((code) => held.get(code) === undefined);
}

/** The floor is a floor only if it reaches D1: a code refused as malformed would never be looked up. */
export async function checkFloor(baseUrl: string, code: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/enterprises/${code}`);
  const body = (await res.json()) as { error?: { code?: string } };
  if (res.status !== 404 || body.error?.code !== 'not_found') {
    throw new Error(`the floor's code ${code} answered ${res.status} ${body.error?.code ?? ''}, not 404 not_found`);
  }
}

/** The reads the speed budget compares (DESIGN.md): the floor, the profile API and the profile page. */
export function budgetReads(sample: SampledEnterprise[], floorCodes: string[]): [string, () => string][] {
  return [
    ['floor (404)', cycle(floorCodes, (code) => `/api/v1/enterprises/${code}`)],
    ['profile API', cycle(sample, (e) => `/api/v1/enterprises/${e.uscc}`)],
    ['/credit/{uscc}', cycle(sample, (e) => `/credit/${e.uscc}`)],
  ];
}

/**
 * The benchmark's seeded database of this size (`npm run bench` makes it), and the keys the budget's
 * reads cycle through, drawn from it before a server opens it. Exits with what to run when it is missing.
 */
export function seededBudgetKeys(root: string, enterprises: number) {
  const state = resolve(root, '.wrangler/bench', String(enterprises));
  if (!existsSync(resolve(state, 'seeded.json'))) {
    console.error(`No benchmark database of ${enterprises} enterprises: run \`npm run bench -- --enterprises ${enterprises}\` once.`);
    process.exit(1);
  }
  const db = new DatabaseSync(localD1File(state), { readOnly: true });
  const sample = sampleEnterprises(db);
  const floorCodes = unknownCodes(db, sample);
  db.close();
  return { state, sample, floorCodes };
}
