// Statements on the hottest reads are written with drizzle's `sql` and its columns, like every other
// query, but turned into SQL text once instead of on every request: the query builder's walk over
// its chunks was the largest single cost of a profile read in a CPU profile of the Worker
// (BENCHMARKS.md). Selects of the query builder on hot pages are built once
// the same way (prepareOnce, or prepareEach for a statement with variants). Values that differ per
// request are sql.placeholder()s.
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from './client';

export interface CompiledStatement {
  sql: string;
  params: unknown[];
}

const dialect = new SQLiteAsyncDialect();

export function compile(query: SQL): CompiledStatement {
  const { sql, params } = dialect.sqlToQuery(query);
  return { sql, params };
}

/** The compiled statement with this request's values, on the request's D1 session. */
export function bound(db: Db, statement: CompiledStatement, values: Record<string, unknown>): D1PreparedStatement {
  return db.$client.prepare(statement.sql).bind(...fillPlaceholders(statement.params, values));
}

/** What prepareOnce keeps of a select: its text and drizzle's mapping of its rows. */
interface PreparedSelect<Row> {
  getQuery(): { sql: string; params: unknown[] };
  mapAllResult(rows: unknown): unknown;
  all(values?: Record<string, unknown>): Promise<Row[]>;
}

/** A database to build selects on outside any request, where no D1 session exists; it runs nothing. */
const builder = getDb({ prepare: () => ({}) } as unknown as D1Database);

/**
 * A select of the query builder, built once, by the first request that runs it (not at module
 * load, which every cold start of the Worker pays for, whichever page it serves): its SQL text and
 * its mapping of rows to drizzle's nested, typed objects (JSON columns parsed, joined tables
 * grouped) are reused by every later request, which runs it on its own D1 session. Values that
 * differ per request are sql.placeholder()s.
 */
export function prepareOnce<Row>(build: (db: Db) => { prepare(): PreparedSelect<Row> }) {
  let built: { sql: string; params: unknown[]; prepared: PreparedSelect<Row> } | undefined;
  return async (db: Db, values: Record<string, unknown>): Promise<Row[]> => {
    if (!built) {
      const prepared = build(builder).prepare();
      built = { ...prepared.getQuery(), prepared };
    }
    const rows = await db.$client
      .prepare(built.sql)
      .bind(...fillPlaceholders(built.params, values))
      .raw();
    return built.prepared.mapAllResult(rows) as Row[];
  };
}

/** prepareOnce for each variant of a statement (a filter given or not, each a different text). */
export function prepareEach<Key extends string, Row>(build: (db: Db, key: Key) => { prepare(): PreparedSelect<Row> }) {
  const built = new Map<Key, ReturnType<typeof prepareOnce<Row>>>();
  return (key: Key) => {
    let run = built.get(key);
    if (!run) {
      run = prepareOnce((db) => build(db, key));
      built.set(key, run);
    }
    return run;
  };
}
