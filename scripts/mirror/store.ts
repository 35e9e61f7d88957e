// The mirror's copy of the site's public records, in SQL that any SQLite runs: node:sqlite for the
// command-line client (sqlite-driver.ts), D1 in the tests that drive the same code in workerd. Every
// write is a conditional statement, so a change is applied only if it is newer than what the copy
// holds of that record: feed pages, snapshot rows and webhooks may arrive in any order or twice.
// Runs in Node and in workerd alike: no node:* imports.
import type { ChangeItem } from '../../functions/db/queries/changes.ts';
import type { PublicRecord } from '../../functions/db/queries/enterprises.ts';

export interface SqlStatement {
  sql: string;
  params: (string | number | null)[];
}

/** The few things the store needs of an SQLite connection. */
export interface SqlDriver {
  /** Runs the statements in one transaction, in order. */
  batch(statements: SqlStatement[]): Promise<void>;
  all<T>(statement: SqlStatement): Promise<T[]>;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS mirror_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  // One row per record the site shows in full; cursor: the change it reflects (0: from before the site's change log).
  `CREATE TABLE IF NOT EXISTS mirror_records (
     record_id INTEGER PRIMARY KEY, uscc TEXT NOT NULL, cursor INTEGER NOT NULL, record TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS mirror_records_uscc ON mirror_records (uscc)`,
  // Records the copy must no longer show: withdrawn, repaired (终止公示) or expired, with the reason.
  `CREATE TABLE IF NOT EXISTS mirror_tombstones (
     record_id INTEGER PRIMARY KEY, uscc TEXT NOT NULL, cursor INTEGER NOT NULL, type TEXT NOT NULL, reason TEXT, at TEXT)`,
  `CREATE INDEX IF NOT EXISTS mirror_tombstones_uscc ON mirror_tombstones (uscc)`,
];

const s = (sql: string, ...params: (string | number | null)[]): SqlStatement => ({ sql, params });

/** What the copy learns of one record: its content, or that it is gone and why. */
export type RecordFact =
  | { recordId: number; uscc: string; cursor: number; record: PublicRecord }
  | { recordId: number; uscc: string; cursor: number; tombstone: { type: string; reason: string | null; at: string | null } };

/**
 * The statements that apply one fact unless the copy already holds something as new or newer of
 * that record (a repeat of the same cursor included): first the other table's older row goes, then
 * the row is written if nothing newer stands in the way.
 */
function applyStatements(fact: RecordFact): SqlStatement[] {
  const { recordId, uscc, cursor } = fact;
  if ('record' in fact) {
    return [
      s('DELETE FROM mirror_tombstones WHERE record_id = ? AND cursor < ?', recordId, cursor),
      s(
        `INSERT INTO mirror_records (record_id, uscc, cursor, record)
         SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM mirror_tombstones WHERE record_id = ? AND cursor >= ?)
         ON CONFLICT (record_id) DO UPDATE SET uscc = excluded.uscc, cursor = excluded.cursor, record = excluded.record
         WHERE excluded.cursor > mirror_records.cursor`,
        recordId,
        uscc,
        cursor,
        JSON.stringify(fact.record),
        recordId,
        cursor,
      ),
    ];
  }
  const { type, reason, at } = fact.tombstone;
  return [
    s('DELETE FROM mirror_records WHERE record_id = ? AND cursor < ?', recordId, cursor),
    s(
      `INSERT INTO mirror_tombstones (record_id, uscc, cursor, type, reason, at)
       SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM mirror_records WHERE record_id = ? AND cursor >= ?)
       ON CONFLICT (record_id) DO UPDATE SET uscc = excluded.uscc, cursor = excluded.cursor, type = excluded.type,
         reason = excluded.reason, at = excluded.at
       WHERE excluded.cursor > mirror_tombstones.cursor`,
      recordId,
      uscc,
      cursor,
      type,
      reason,
      at,
      recordId,
      cursor,
    ),
  ];
}

/** A change of the feed (or of a webhook) as a fact about its record. */
export function factOfChange(change: ChangeItem): RecordFact {
  const { recordId, uscc, cursor } = change;
  return change.record
    ? { recordId, uscc, cursor, record: change.record }
    : { recordId, uscc, cursor, tombstone: { type: change.type, reason: change.reason, at: change.at } };
}

/** A row of the records snapshot: shown in full, or a notice (withdrawn, repaired) that the copy keeps as a tombstone. */
export function factOfSnapshot(item: { uscc: string; cursor: number; record: PublicRecord }): RecordFact {
  const { record, uscc, cursor } = item;
  if (record.status === 'published') return { recordId: record.id, uscc, cursor, record };
  return {
    recordId: record.id,
    uscc,
    cursor,
    tombstone: { type: record.status, reason: record.notice?.reason ?? null, at: record.notice?.on ?? null },
  };
}

export interface MirrorStore {
  /** Where the copy follows the feed from; null before it has been started from a snapshot. */
  cursor(): Promise<number | null>;
  /** Applies facts and, with them in the same transaction, moves the feed position. */
  apply(facts: RecordFact[], cursor?: number): Promise<void>;
  /** The records the copy shows for an employer, by id. */
  recordsOf(uscc: string): Promise<PublicRecord[]>;
  tombstonesOf(uscc: string): Promise<{ recordId: number; type: string; reason: string | null }[]>;
  counts(): Promise<{ records: number; tombstones: number }>;
}

export async function openMirrorStore(driver: SqlDriver, site: string): Promise<MirrorStore> {
  await driver.batch(SCHEMA.map((sql) => s(sql)));
  const [known] = await driver.all<{ value: string }>(s(`SELECT value FROM mirror_state WHERE key = 'site'`));
  if (known && known.value !== site) throw new Error(`this copy follows ${known.value}, not ${site}`);
  if (!known) await driver.batch([s(`INSERT INTO mirror_state (key, value) VALUES ('site', ?)`, site)]);

  return {
    async cursor() {
      const [row] = await driver.all<{ value: string }>(s(`SELECT value FROM mirror_state WHERE key = 'cursor'`));
      return row ? Number(row.value) : null;
    },
    async apply(facts, cursor) {
      const statements = facts.flatMap(applyStatements);
      if (cursor !== undefined) {
        statements.push(
          s(
            `INSERT INTO mirror_state (key, value) VALUES ('cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            String(cursor),
          ),
        );
      }
      if (statements.length) await driver.batch(statements);
    },
    async recordsOf(uscc) {
      const rows = await driver.all<{ record: string }>(s('SELECT record FROM mirror_records WHERE uscc = ? ORDER BY record_id', uscc));
      return rows.map((r) => JSON.parse(r.record) as PublicRecord);
    },
    async tombstonesOf(uscc) {
      return driver.all(s('SELECT record_id AS recordId, type, reason FROM mirror_tombstones WHERE uscc = ? ORDER BY record_id', uscc));
    },
    async counts() {
      const [row] = await driver.all<{ records: number; tombstones: number }>(
        s('SELECT (SELECT count(*) FROM mirror_records) AS records, (SELECT count(*) FROM mirror_tombstones) AS tombstones'),
      );
      return row ?? { records: 0, tombstones: 0 };
    },
  };
}
