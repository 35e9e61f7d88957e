// violation_entry_counts (migration 0011): its triggers keep it equal to a count of the major-violation
// records on every kind of write, and publishedQuarters, which reads it, gives the counts the
// public rule (publicRecordWhere) gives over the records themselves, on any date.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDb } from '../../functions/db/client';
import { creditRecords, OPEN_END, violationEntryCounts, violationPublications } from '../../functions/db/schema';
import { publishedQuarters } from '../../functions/db/queries/major-violations';
import { publicRecordWhere } from '../../functions/db/queries/public-records';
import { addDays, addMonths } from '../../functions/domain/dates';
import { publicationId, quarterOf } from '../../functions/domain/major-violations';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import { today } from '../fixtures/today';

const db = getDb(env.DB);
const uscc = makeUscc('MA01EC001', '110112');
const bureau = '110112';
const AUTHORITY = '北京市通州区人力资源和社会保障局';
const q1 = quarterOf(addMonths(today, -6));
const q2 = quarterOf(addMonths(today, -3));
const [first, second] = [publicationId(q1, bureau), publicationId(q2, bureau)];

/** The table as the triggers keep it, and as a count of the records would have it, for this bureau. */
async function keptAndCounted() {
  const mine = sql`${violationEntryCounts.publicationId} IN (${first}, ${second})`;
  const kept = await db
    .select({
      p: violationEntryCounts.publicationId,
      s: violationEntryCounts.status,
      u: violationEntryCounts.publishUntil,
      n: violationEntryCounts.n,
    })
    .from(violationEntryCounts)
    .where(mine)
    .orderBy(violationEntryCounts.publicationId, violationEntryCounts.status, violationEntryCounts.publishUntil);
  const until = sql<string>`coalesce(${creditRecords.publishUntil}, ${OPEN_END})`;
  const counted = await db
    .select({ p: sql<string>`${creditRecords.publicationId}`, s: creditRecords.status, u: until, n: count() })
    .from(creditRecords)
    .where(and(eq(creditRecords.kind, 'major_violation'), sql`${creditRecords.publicationId} IN (${first}, ${second})`))
    .groupBy(creditRecords.publicationId, creditRecords.status, until)
    .orderBy(creditRecords.publicationId, creditRecords.status, until);
  return { kept, counted };
}

async function expectKeptEqualsCounted() {
  const { kept, counted } = await keptAndCounted();
  expect(kept).toEqual(counted);
  return kept;
}

/** The entries in force of this bureau's publications, counted on the records with the public rule. */
async function countedInForce(on: string) {
  const rows = await db
    .select({ p: creditRecords.publicationId, n: count() })
    .from(creditRecords)
    .where(
      and(eq(creditRecords.kind, 'major_violation'), publicRecordWhere(on), sql`${creditRecords.publicationId} IN (${first}, ${second})`),
    )
    .groupBy(creditRecords.publicationId);
  return Object.fromEntries(rows.map((r) => [r.p, r.n]));
}

const entry = (over: Partial<Parameters<typeof insertRecord>[1]>) =>
  insertRecord(env.DB, {
    uscc,
    kind: 'major_violation',
    severity: 'serious',
    title: '重大劳动保障违法行为社会公布',
    authority: AUTHORITY,
    publicationId: first,
    ...over,
  });

beforeAll(async () => {
  await insertEnterprise(env.DB, { uscc, name: '北京通州计数验证有限公司', districtCode: bureau });
  for (const [id, q] of [
    [first, q1],
    [second, q2],
  ] as const) {
    await db
      .insert(violationPublications)
      .values({ id, bureauCode: bureau, authority: AUTHORITY, ...q, publishedOn: addMonths(today, -2) });
  }
});

describe('violation_entry_counts', () => {
  it('follows inserts, every kind of update and deletes, and drops a row that reaches 0', async () => {
    const a = await entry({ publishUntil: addDays(today, 10) });
    const b = await entry({ publishUntil: addDays(today, 10) });
    await entry({ publishUntil: null });
    await entry({ status: 'draft', publicationId: null, publishUntil: addDays(today, 10) });
    await insertRecord(env.DB, { uscc, kind: 'penalty', publishUntil: addDays(today, 10) });
    expect(await expectKeptEqualsCounted()).toContainEqual({ p: first, s: 'published', u: addDays(today, 10), n: 2 });

    // Withdrawn, its period moved, moved to another publication, and a draft published with the quarter.
    await db.update(creditRecords).set({ status: 'withdrawn' }).where(eq(creditRecords.id, a.id));
    await expectKeptEqualsCounted();
    await db
      .update(creditRecords)
      .set({ publishUntil: addDays(today, 20) })
      .where(eq(creditRecords.id, b.id));
    await expectKeptEqualsCounted();
    await db.update(creditRecords).set({ publicationId: second }).where(eq(creditRecords.id, b.id));
    await expectKeptEqualsCounted();
    await db
      .update(creditRecords)
      .set({ status: 'published', publicationId: second })
      .where(and(eq(creditRecords.uscc, uscc), eq(creditRecords.status, 'draft')));
    await expectKeptEqualsCounted();
    // Set to what it already was: the trigger takes the record out and puts it back.
    await db.update(creditRecords).set({ status: 'published' }).where(eq(creditRecords.id, b.id));
    await expectKeptEqualsCounted();
    // A kind corrected away from major_violation and back.
    await db.update(creditRecords).set({ kind: 'penalty' }).where(eq(creditRecords.id, b.id));
    await expectKeptEqualsCounted();
    await db.update(creditRecords).set({ kind: 'major_violation' }).where(eq(creditRecords.id, b.id));
    await expectKeptEqualsCounted();

    await db.delete(creditRecords).where(eq(creditRecords.id, a.id));
    const kept = await expectKeptEqualsCounted();
    expect(kept.some((r) => r.s === 'withdrawn')).toBe(false);
    expect(kept.every((r) => r.n > 0)).toBe(true);
  });

  it('gives publishedQuarters the counts of the public rule over the records, today, later and past every end', async () => {
    await entry({ status: 'expired', publishUntil: addDays(today, -1) });
    await entry({ status: 'repaired', publishUntil: addDays(today, 40) });
    for (const on of [today, addDays(today, 15), addDays(today, 30), addMonths(today, 60)]) {
      const counted = await countedInForce(on);
      const quarters = await publishedQuarters(db, on);
      const shown = Object.fromEntries(
        quarters
          .flatMap((q) => q.publications)
          .filter((p) => p.id === first || p.id === second)
          .map((p) => [p.id, p.entries]),
      );
      // A publication with nothing in force is left out of the counted rows, and shown as 0 if at all.
      for (const id of [first, second]) expect(shown[id] ?? 0, `${id} as of ${on}`).toBe(counted[id] ?? 0);
    }
  });
});
