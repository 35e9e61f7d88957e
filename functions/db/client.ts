import { drizzle } from 'drizzle-orm/d1';

/**
 * Without drizzle's relational query API: given the schema, drizzle() derives the relations of every
 * table each time it is called, and every request calls it for its D1 session (session.ts). Leaving
 * it out took 190–335 µs off the Worker's CPU per read (npm run bench:compare, BENCHMARKS.md).
 */
export function getDb(d1: D1Database) {
  return drizzle(d1);
}

export type Db = ReturnType<typeof getDb>;
