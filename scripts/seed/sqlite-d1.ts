// The part of the D1 binding that drizzle's d1 driver calls, over a node:sqlite connection, so the
// seeder can run the Worker's own queries (executeDraw and its pool, history and inspector loaders)
// against the local D1 file instead of a copy of them. D1 is SQLite too, so the SQL is the same.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';

interface Bound {
  bind(...values: unknown[]): Bound;
  all(): Promise<{ results: unknown[]; success: true; meta: Record<string, unknown> }>;
  raw(): Promise<unknown[][]>;
  first(column?: string): Promise<unknown>;
  run(): Promise<{ results: []; success: true; meta: { changes: number; last_row_id: number } }>;
}

export function d1OverSqlite(db: DatabaseSync): D1Database {
  const statement = (query: string, params: SQLInputValue[]): Bound => ({
    bind: (...values) => statement(query, values as SQLInputValue[]),
    all: async () => ({ results: db.prepare(query).all(...params), success: true, meta: {} }),
    raw: async () => {
      const prepared = db.prepare(query);
      // Arrays, not objects: two columns of a join may share a name.
      prepared.setReturnArrays(true);
      return prepared.all(...params) as unknown as unknown[][];
    },
    first: async (column) => {
      const row = db.prepare(query).get(...params) as Record<string, unknown> | undefined;
      return row === undefined ? null : column === undefined ? row : row[column];
    },
    run: async () => {
      const { changes, lastInsertRowid } = db.prepare(query).run(...params);
      return { results: [], success: true, meta: { changes: Number(changes), last_row_id: Number(lastInsertRowid) } };
    },
  });
  const binding = {
    prepare: (query: string) => statement(query, []),
    // D1 runs a batch as one transaction; statements here run one after the other on one connection.
    batch: async (statements: Bound[]) => {
      db.exec('SAVEPOINT d1_batch');
      try {
        const results = [];
        for (const s of statements) results.push(await s.all());
        db.exec('RELEASE d1_batch');
        return results;
      } catch (error) {
        db.exec('ROLLBACK TO d1_batch');
        db.exec('RELEASE d1_batch');
        throw error;
      }
    },
  };
  return binding as unknown as D1Database;
}
