// A request's view of D1 through the Sessions API, so that reads can be served by read replicas
// (functions/http/bookmark.ts decides where a request starts). The scheduled job and tools that
// run outside a request keep using getDb() on the binding itself, which reads the primary.
import { getDb, type Db } from './client';

export interface DbSession {
  db: Db;
  /** The latest commit this session has seen: handed back to the client after a write. */
  bookmark(): string | null;
}

/** `start`: 'first-primary', 'first-unconstrained', or a bookmark the client brought back. */
export function openSession(d1: D1Database, start: string): DbSession {
  const session = d1.withSession(start);
  // drizzle's D1 driver calls only prepare() and batch(), which a session has too; its types ask
  // for the whole binding (drizzle-orm#4522).
  return { db: getDb(session as unknown as D1Database), bookmark: () => session.getBookmark() };
}
