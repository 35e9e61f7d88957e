// The mirror's store on a local SQLite file through node:sqlite (Node 22): no native dependency.
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { SqlDriver } from './store.ts';

export function sqliteDriver(file: string): SqlDriver & { close(): void } {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  return {
    async batch(statements) {
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const { sql, params } of statements) db.prepare(sql).run(...(params as SQLInputValue[]));
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async all<T>({ sql, params }: { sql: string; params: unknown[] }) {
      return db.prepare(sql).all(...(params as SQLInputValue[])) as T[];
    },
    close: () => db.close(),
  };
}
