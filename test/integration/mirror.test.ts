// A copy kept true (DOMAIN.md §12, 36号 停止共享): 500 random changes — publications, corrections,
// withdrawals, repairs, and expiries as the injected clock moves on and the daily job runs — while
// the reference client (scripts/mirror, its own code, on a D1 database of its own) follows the
// feed. Afterwards the copy equals the public API for every employer touched, and holds no record
// that was withdrawn or repaired.
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { profileOf } from '../fixtures/api';
import { createAccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { d1Driver } from '../fixtures/mirror-d1';
import { recordChanger } from '../fixtures/record-changes';
import { today } from '../fixtures/today';
import { addDays, addMonths } from '../../functions/domain/dates';
import { clockOn } from '../../functions/domain/clock';
import { shareableRecord } from '../../functions/domain/changes';
import { publicationEnd } from '../../functions/domain/publication';
import type { Severity } from '../../functions/domain/vocabulary';
import { runDailyJobs } from '../../functions/jobs/daily';
import { bootstrap, followFeed, type Fetch } from '../../scripts/mirror/follow';
import { openMirrorStore, type MirrorStore } from '../../scripts/mirror/store';
import { createRng } from '../../scripts/seed/prng';

const SITE = 'http://local';
const siteFetch: Fetch = (url, init) => exports.default.fetch(url, init);
const employers = Array.from({ length: 12 }, (_, i) => makeUscc(`MA01MR${String(i).padStart(3, '0')}`));

/** The site's date: moved forward by the test, for the API and the daily job alike. */
let day = today;
let store: MirrorStore;
let changes: ReturnType<typeof recordChanger>;
const rng = createRng(2026, 12, 19);

type Tracked = { id: number; uscc: string; state: 'draft' | 'published' | 'withdrawn' | 'repaired' | 'expired'; until: string | null };
const records: Tracked[] = [];

/**
 * A draft that can still be published: most run a year or three, some end within the next weeks
 * so that moving the clock expires them (DOMAIN.md §2).
 */
async function newDraft(uscc: string) {
  const severity: Severity = rng.pick(['minor', 'general', 'serious'] as const);
  const months = { minor: 3, general: 12, serious: 36, none: 0 }[severity];
  const decidedOn = rng.chance(0.4) ? addDays(addMonths(day, -months), rng.between(1, 20)) : addDays(day, -rng.between(0, 20));
  const until = publicationEnd(decidedOn, severity);
  const row = await insertRecord(env.DB, {
    uscc,
    severity,
    status: 'draft',
    publishedOn: null,
    decidedOn,
    publishUntil: until,
    penaltyTypes: ['罚款'],
    title: `拖欠劳动者工资（${records.length}）`,
    decisionNo: `京朝人社监罚字〔2026〕第 ${9000 + records.length} 号`,
    facts: `拖欠劳动者李四等 ${rng.between(2, 40)} 人工资`,
  });
  const tracked: Tracked = { id: row.id, uscc, state: 'draft', until };
  records.push(tracked);
  return tracked;
}

const inState = (state: Tracked['state']) => records.filter((r) => r.state === state && (r.until === null || r.until > day));

beforeAll(async () => {
  const keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  changes = recordChanger(keys, () => day);
  for (const [i, uscc] of employers.entries()) await insertEnterprise(env.DB, { uscc, name: `北京镜像测试${i}号有限公司` });
  // Records from before the change log, public already: the copy takes them from the snapshot.
  for (const uscc of employers) {
    const row = await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -2), publishUntil: addMonths(today, 10) });
    records.push({ id: row.id, uscc, state: 'published', until: addMonths(today, 10) });
  }
  store = await openMirrorStore(d1Driver(env.MIRROR_DB), SITE);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterAll(() => {
  env.TODAY_OVERRIDE = today;
  vi.restoreAllMocks();
});

describe('the reference client following 500 random changes', () => {
  it('ends equal to the public API for every employer touched, with no withdrawn or repaired record left', async () => {
    const started = await bootstrap(SITE, store, siteFetch);
    expect(started.records).toBe(employers.length);

    const done: Record<string, number> = { publish: 0, correct: 0, withdraw: 0, repair: 0, expire: 0 };
    for (let n = 0; n < 500; n++) {
      const op = rng.weighted([
        ['publish', 40],
        ['correct', 15],
        ['withdraw', 12],
        ['repair', 12],
        ['expire', 6],
      ] as const);
      const published = inState('published');
      if (op === 'publish' || published.length === 0) {
        const draft = inState('draft')[0] ?? (await newDraft(rng.pick(employers)));
        await changes.publish(draft.id);
        draft.state = 'published';
        done.publish!++;
      } else if (op === 'correct') {
        const r = rng.pick(published);
        await changes.correct(r.uscc, r.id, { title: `更正后的标题（${n}）` }, `第 ${n} 次更正。`);
        done.correct!++;
      } else if (op === 'withdraw') {
        const r = rng.pick(published);
        await changes.withdraw(r.id, `第 ${n} 次撤销：原处罚决定已被撤销。`);
        r.state = 'withdrawn';
        done.withdraw!++;
      } else if (op === 'repair') {
        const r = rng.pick(published);
        await changes.repair(r.uscc, r.id);
        r.state = 'repaired';
        done.repair!++;
      } else {
        // The clock moves on a few days; the daily job expires what has come to its 公示截止期.
        day = addDays(day, rng.between(1, 12));
        env.TODAY_OVERRIDE = day;
        await runDailyJobs(env, clockOn(day));
        for (const r of records) if (r.state === 'published' && r.until !== null && r.until <= day) r.state = 'expired';
        done.expire!++;
      }
      // The copy follows while the changes happen, at its own pace.
      if (rng.chance(0.05)) await followFeed(SITE, store, siteFetch);
    }
    await followFeed(SITE, store, siteFetch);

    // Every kind of change happened, and some records did expire.
    for (const [op, count] of Object.entries(done)) expect(count, op).toBeGreaterThan(0);
    expect(records.some((r) => r.state === 'expired')).toBe(true);

    const touched = [...new Set(records.map((r) => r.uscc))];
    expect(touched.length).toBe(employers.length);
    for (const uscc of touched) {
      const profile = await profileOf(uscc);
      const shown = profile.records
        .filter((r) => r.status === 'published')
        .map(shareableRecord)
        .sort((a, b) => a.id - b.id);
      expect(await store.recordsOf(uscc), uscc).toEqual(shown);
      // Whatever the site shows as a notice, the copy holds as a tombstone with the same reason.
      const tombstones = new Map((await store.tombstonesOf(uscc)).map((t) => [t.recordId, t]));
      for (const notice of profile.records.filter((r) => r.status !== 'published')) {
        expect(tombstones.get(notice.id), `record ${notice.id}`).toMatchObject({ type: notice.status, reason: notice.notice!.reason });
      }
    }
    const held = new Set((await Promise.all(touched.map((u) => store.recordsOf(u)))).flat().map((r) => r.id));
    const gone = records.filter((r) => r.state === 'withdrawn' || r.state === 'repaired' || r.state === 'expired');
    expect(gone.length).toBeGreaterThan(50);
    expect(gone.filter((r) => held.has(r.id))).toEqual([]);
    expect(held.size).toBe(records.filter((r) => r.state === 'published').length);
  }, 300_000);
});
