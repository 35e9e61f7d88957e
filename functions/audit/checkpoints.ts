// Audit checkpoints (DESIGN.md): a signed head of the chain each day and after every 100 entries,
// published, so that a log cut short or rewritten — even with every later hash recomputed — no
// longer matches what anyone who kept a checkpoint holds.
import type { Db } from '../db/client';
import { auditEntriesAfter, auditHead, insertCheckpoint, latestCheckpoint, listCheckpoints } from '../db/queries/audit';
import { verifyAuditLog, type StoredAuditEntry } from '../domain/audit-chain';
import type { Clock } from '../domain/clock';
import { signCompact, verifyCompact, type SigningKey } from '../domain/jws';
import type { JWK } from 'jose';

export const CHECKPOINT_EVERY = 100;

/**
 * Signs the head when one is due: on the daily run whenever the head moved since the last
 * checkpoint, otherwise once the log has grown past another multiple of CHECKPOINT_EVERY.
 */
export async function checkpointIfDue(db: Db, clock: Clock, key: SigningKey | null, reason: 'daily' | 'growth') {
  if (!key) return null;
  const [head, last] = await Promise.all([auditHead(db), latestCheckpoint(db)]);
  if (!head) return null;
  const lastSeq = last?.seq ?? 0;
  const due = reason === 'daily' ? head.id !== lastSeq : Math.floor(head.id / CHECKPOINT_EVERY) > Math.floor(lastSeq / CHECKPOINT_EVERY);
  if (!due) return null;
  const signed = { seq: head.id, hash: head.hash, at: clock.now().toISOString() };
  const checkpoint = { ...signed, jws: await signCompact(signed, key), kid: key.kid };
  await insertCheckpoint(db, checkpoint);
  return checkpoint;
}

const PAGE = 500;

async function* allEntries(db: Db): AsyncGenerator<StoredAuditEntry> {
  let after = 0;
  for (;;) {
    const rows = await auditEntriesAfter(db, after, PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The stored chain against itself and against every published checkpoint, with the published keys. */
export async function verifyStoredAuditLog(db: Db, keys: readonly JWK[]) {
  return verifyAuditLog(allEntries(db), await listCheckpoints(db), (jws) => verifyCompact(jws, keys));
}
