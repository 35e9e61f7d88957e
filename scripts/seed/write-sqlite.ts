// Loads a generated dataset straight into wrangler's local D1 file with node:sqlite: prepared
// statements inside explicit transactions are far faster than `wrangler d1 execute` for millions
// of rows. The schema comes from the migrations (`wrangler d1 migrations apply DB --local`), which
// the caller runs first; this module only inserts, then has draws.ts run the random draws over
// what it wrote. Last, the change log (record_changes) gets the latest change each record's state
// implies (functions/domain/changes.ts), numbered in the order the changes happened, as the site
// would have written it.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import {
  caseEvents,
  complaintComplainants,
  complaintEvents,
  complaints,
  creditRecords,
  drawInspectors,
  enterprises,
  inspectorConflicts,
  inspectors,
  objections,
  recordChanges,
  repairs,
  samplingItems,
  samplingResults,
  samplingTasks,
  violationPublications,
} from '../../functions/db/schema.ts';
import type { SeedDataset } from './generate.ts';
import { drawRandomTasks, type DemoDraw } from './draws.ts';
import { localD1File } from './local-d1-file.ts';
import { isTombstone, latestChangeOf, tombstoneReason } from '../../functions/domain/changes.ts';
import { sharedRecord } from '../../functions/db/queries/changes.ts';
import type { ChangeType } from '../../functions/domain/vocabulary.ts';

/** The FTS5 name index of migration 0001; not a drizzle table. */
const NAME_INDEX = 'enterprise_name_index';

/** Parents before children, so every foreign key is satisfied as rows arrive. */
const SEEDED_TABLES: readonly Table[] = [
  samplingItems,
  samplingTasks,
  inspectors,
  inspectorConflicts,
  // Written by the draws (drawTask), emptied with the tasks and officers it points at.
  drawInspectors,
  violationPublications,
  enterprises,
  samplingResults,
  creditRecords,
  recordChanges,
  objections,
  repairs,
  caseEvents,
  complaints,
  complaintComplainants,
  complaintEvents,
];

export type SeedCounts = Record<string, number>;

export interface SeedLoad {
  counts: SeedCounts;
  draws: DemoDraw[];
}

export interface SeedTarget {
  file: string;
  /** Seeded tables that already hold rows. */
  occupiedTables(): string[];
  /** Empties the seeded tables and the name index. */
  clear(): void;
  /** Writes the dataset, then draws its random tasks (draws.ts). */
  load(dataset: SeedDataset, onProgress?: (enterprisesDone: number) => void): Promise<SeedLoad>;
  close(): void;
}

type Row = Record<string, unknown>;

/** When the latest change of a seeded record happened: the day of its publication, withdrawal, repair or expiry. */
function changeDay(type: ChangeType, row: Row): string {
  const day = {
    published: row.publishedOn,
    corrected: row.publishedOn,
    withdrawn: row.withdrawnOn,
    repaired: row.repairedOn,
    expired: row.publishUntil,
  }[type];
  return String(day ?? row.publishedOn ?? row.decidedOn);
}

/** Changes are staged here while records stream in, then numbered in time order into record_changes. */
const STAGED_CHANGES = 'temp.seed_record_changes';

/**
 * An INSERT for a drizzle table, prepared once per set of present columns: columns left
 * undefined keep their SQL defaults (created_at …). Values go through the column's own driver
 * mapping, so JSON columns are stringified and booleans become 0/1 exactly as drizzle would.
 */
function inserter(db: DatabaseSync, table: Table): (row: Row) => void {
  const columns = Object.entries(getTableColumns(table));
  const statements = new Map<number, StatementSync>();
  const values: SQLInputValue[] = [];
  return (row) => {
    let present = 0;
    values.length = 0;
    for (let k = 0; k < columns.length; k++) {
      const [key, column] = columns[k]!;
      const value = row[key];
      if (value === undefined) continue;
      present |= 1 << k;
      values.push(value === null ? null : (column.mapToDriverValue(value) as SQLInputValue));
    }
    let statement = statements.get(present);
    if (!statement) {
      const names = columns.filter((_, k) => present & (1 << k)).map(([, c]) => `"${c.name}"`);
      statement = db.prepare(`INSERT INTO "${getTableName(table)}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      statements.set(present, statement);
    }
    statement.run(...values);
  };
}

function transaction(db: DatabaseSync, work: () => void): void {
  db.exec('BEGIN');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export function openSeedTarget(persistTo: string): SeedTarget {
  const file = localD1File(persistTo);
  const db = new DatabaseSync(file);

  const occupiedTables = () =>
    [...SEEDED_TABLES.map(getTableName), NAME_INDEX].filter((name) => db.prepare(`SELECT 1 FROM "${name}" LIMIT 1`).get() !== undefined);

  const clear = () =>
    transaction(db, () => {
      for (const table of [...SEEDED_TABLES].reverse()) db.exec(`DELETE FROM "${getTableName(table)}"`);
      // The FTS5 command that empties a contentless table in one step.
      db.exec(`INSERT INTO ${NAME_INDEX}(${NAME_INDEX}) VALUES ('delete-all')`);
    });

  const load = async (dataset: SeedDataset, onProgress?: (done: number) => void): Promise<SeedLoad> => {
    const counts: SeedCounts = {};
    const inserters = new Map(SEEDED_TABLES.map((t) => [t, inserter(db, t)]));
    // A seed is all or nothing in effect (rerun with --force), so durability per batch is not worth its
    // cost. The staging table comes after: changing temp_store empties the temporary database.
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY');
    db.exec(
      `CREATE TABLE ${STAGED_CHANGES} (at TEXT, type TEXT, record_id INTEGER, uscc TEXT, kind TEXT, reason TEXT, record TEXT, publish_until TEXT)`,
    );
    const stage = db.prepare(`INSERT INTO ${STAGED_CHANGES} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const legalRepresentative = db.prepare('SELECT legal_representative AS name FROM enterprises WHERE uscc = ?');
    const recordKeys = Object.keys(getTableColumns(creditRecords));
    const today = dataset.options.today;
    const insert = (table: Table, rows: readonly Row[]) => {
      const write = inserters.get(table)!;
      for (const row of rows) write(row);
      const name = getTableName(table);
      counts[name] = (counts[name] ?? 0) + rows.length;
      if (table !== creditRecords) return;
      for (const row of rows) {
        const state = { status: row.status ?? 'draft', publishUntil: row.publishUntil ?? null, correctionNote: row.correctionNote ?? null };
        const type = latestChangeOf(state as Parameters<typeof latestChangeOf>[0], today);
        if (!type) continue;
        // Staff changes at ten in the morning, Beijing time; expiries at two, when the daily job runs.
        const at = new Date(`${changeDay(type, row)}T${type === 'expired' ? '02' : '10'}:00:00+08:00`).toISOString();
        const reason = tombstoneReason(type, { withdrawalReason: (row.withdrawalReason as string | undefined) ?? null });
        let shared: string | null = null;
        if (!isTombstone(type)) {
          // The record as the site renders it for copies: every column present, as read back from D1.
          const full = Object.fromEntries(recordKeys.map((k) => [k, row[k] ?? null])) as Parameters<typeof sharedRecord>[0];
          const party = legalRepresentative.get(row.uscc as string) as { name: string } | undefined;
          shared = JSON.stringify(sharedRecord(full, party?.name ?? null, today));
        }
        const until = shared === null ? null : ((row.publishUntil as string | null | undefined) ?? null);
        stage.run(at, type, row.id as number, row.uscc as string, row.kind as string, reason, shared, until);
      }
    };
    const indexName = db.prepare(`INSERT INTO ${NAME_INDEX}(rowid, district, grams) VALUES (?, ?, ?)`);

    try {
      transaction(db, () => {
        for (const rows of dataset.samplingItems()) insert(samplingItems, rows);
        for (const rows of dataset.samplingTasks()) insert(samplingTasks, rows);
        for (const rows of dataset.inspectors()) insert(inspectors, rows);
        for (const rows of dataset.inspectorConflicts()) insert(inspectorConflicts, rows);
        for (const rows of dataset.violationPublications()) insert(violationPublications, rows);
      });
      let done = 0;
      for (const batch of dataset.enterpriseBatches()) {
        transaction(db, () => {
          insert(enterprises, batch.enterprises);
          for (const row of batch.nameIndex) indexName.run(row.rowid, row.district, row.grams);
          insert(samplingResults, batch.samplingResults);
          insert(creditRecords, batch.creditRecords);
        });
        counts[NAME_INDEX] = (counts[NAME_INDEX] ?? 0) + batch.nameIndex.length;
        done += batch.enterprises.length;
        onProgress?.(done);
      }
      transaction(db, () => {
        for (const rows of dataset.objections()) insert(objections, rows);
        for (const rows of dataset.repairs()) insert(repairs, rows);
        for (const rows of dataset.caseEvents()) insert(caseEvents, rows);
        for (const rows of dataset.complaints()) insert(complaints, rows);
        for (const rows of dataset.complainants()) insert(complaintComplainants, rows);
        for (const rows of dataset.complaintEvents()) insert(complaintEvents, rows);
      });
      const draws = await drawRandomTasks({ db, insert, transaction: (work) => transaction(db, work) }, dataset);
      transaction(db, () => {
        const { changes } = db
          .prepare(
            `INSERT INTO record_changes (at, type, record_id, uscc, kind, reason, record, publish_until)
             SELECT at, type, record_id, uscc, kind, reason, record, publish_until FROM ${STAGED_CHANGES} ORDER BY at, record_id`,
          )
          .run();
        counts[getTableName(recordChanges)] = Number(changes);
      });
      db.exec(`DROP TABLE ${STAGED_CHANGES}`);
      return { counts, draws };
    } finally {
      // Back to what wrangler created, so workerd finds the file as it left it.
      db.exec('PRAGMA journal_mode = WAL');
    }
  };

  return { file, occupiedTables, clear, load, close: () => db.close() };
}
