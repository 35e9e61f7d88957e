// Statements on the hottest reads are written with drizzle's `sql` and its columns, like every other
// query, but turned into SQL text once, when the module loads, instead of on every request: the
// query builder's walk over its chunks was the largest single cost of a profile read in a CPU
// profile of the Worker (BENCHMARKS.md). Values that differ per request are sql.placeholder()s.
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

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
