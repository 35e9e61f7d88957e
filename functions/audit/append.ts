// Every staff write goes through commitAudited: the change and its audit entry in one D1 batch,
// chained onto the newest entry, retried from a fresh read when another write got there first.
import type { SQL } from 'drizzle-orm';
import { DomainError } from '../domain/errors';
import type { Db } from '../db/client';
import type { Clock } from '../domain/clock';
import { appendAuditStatement, isAuditConflict, latestAuditHash, type Statement } from '../db/queries/audit';
import { GENESIS_HASH, auditEntryHash } from '../domain/audit-chain';

/** Who the audit log names for what the system does by itself (the daily job, locks). */
export const SYSTEM_ACTOR = 'system:daily-job';

export interface AuditedChange<T> {
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  /**
   * SQL conditions on the state the plan was made from (status, updated_at …). Checked inside the
   * transaction together with the chain head, so a change planned on stale data never lands.
   */
  guards: SQL[];
  statements: Statement[];
  result: T;
}

/**
 * Each round lets exactly one of the competing writers through, so a burst of n simultaneous staff
 * writes needs up to n rounds; staff write at human pace, and the jittered backoff spreads a burst out.
 */
const ATTEMPTS = 10;
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(400, 10 * 2 ** attempt)));

/**
 * `plan` reads what it needs and either throws (a DomainError the caller should see) or
 * returns the statements. It is called again on each retry, so it sees what the other writer did
 * — a case another reviewer has just decided then fails its own checks with a clear 409.
 */
export async function commitAudited<T>(db: Db, clock: Clock, actor: string, plan: (now: Date) => Promise<AuditedChange<T>>): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const head = await latestAuditHash(db);
    const now = clock.now();
    const change = await plan(now);
    const entry = {
      at: now.toISOString(),
      actor,
      action: change.action,
      target: change.target,
      // Stored as JSON and hashed as read back, so only JSON values go in.
      before: change.before === undefined ? null : JSON.parse(JSON.stringify(change.before)),
      after: change.after === undefined ? null : JSON.parse(JSON.stringify(change.after)),
      prevHash: head ?? GENESIS_HASH,
    };
    const hash = await auditEntryHash(entry);
    try {
      // The audit insert goes first: its check runs before any of the change's writes.
      await db.$client.batch([appendAuditStatement(db, { ...entry, hash }, head, change.guards), ...change.statements]);
      return change.result;
    } catch (error) {
      if (isAuditConflict(error)) {
        await backoff(attempt);
        continue;
      }
      throw error;
    }
  }
  throw new DomainError('conflict', 'conflict', '数据正被其他人同时修改，请刷新页面后重试。');
}
