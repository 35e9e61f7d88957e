// The audit log's hash chain (DESIGN.md: "every write is recorded in the audit log with the actor").
// Each entry stores the hash of the entry before it and a hash of its own content, so changing,
// inserting or deleting a row in the middle breaks the chain at that row. Removing entries from
// the end cannot be seen from the table alone: the daily job logs the head hash so an outside
// copy exists to compare with.
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './hex';

/** The predecessor of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  prevHash: string;
  /** ISO-8601 UTC instant. */
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface StoredAuditEntry extends AuditContent {
  id: number;
  hash: string;
}

export type ChainProblem = 'prev_hash_mismatch' | 'hash_mismatch';

export interface ChainBreak {
  id: number;
  problem: ChainProblem;
  expected: string;
  actual: string;
}

/** SHA-256 (hex) over the canonical JSON of exactly these seven fields; `before`/`after` absent count as null. */
export async function auditEntryHash(entry: AuditContent): Promise<string> {
  const content = canonicalJson({
    prevHash: entry.prevHash,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return sha256Hex(content);
}

/**
 * Checks one stored entry against the hash of the entry before it (GENESIS_HASH for the first).
 * The entry's own hash is recomputed from its content, so an edited field shows as a
 * hash_mismatch on that row, and a removed or inserted row as a prev_hash_mismatch on the next.
 */
export async function checkAuditEntry(expectedPrevHash: string, entry: StoredAuditEntry): Promise<ChainBreak | null> {
  if (entry.prevHash !== expectedPrevHash) {
    return { id: entry.id, problem: 'prev_hash_mismatch', expected: expectedPrevHash, actual: entry.prevHash };
  }
  const recomputed = await auditEntryHash(entry);
  if (recomputed !== entry.hash) return { id: entry.id, problem: 'hash_mismatch', expected: recomputed, actual: entry.hash };
  return null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** Hash of the last entry checked (GENESIS_HASH for an empty log). */
  headHash: string;
  headId: number | null;
  firstBreak: ChainBreak | null;
}

/** Walks entries in id order and stops at the first break: everything after it is unproven anyway. */
export async function verifyAuditChain(entries: AsyncIterable<StoredAuditEntry> | Iterable<StoredAuditEntry>): Promise<ChainVerification> {
  let expected = GENESIS_HASH;
  let checked = 0;
  let headId: number | null = null;
  for await (const entry of entries) {
    const problem = await checkAuditEntry(expected, entry);
    if (problem) return { ok: false, checked, headHash: expected, headId, firstBreak: problem };
    checked++;
    expected = entry.hash;
    headId = entry.id;
  }
  return { ok: true, checked, headHash: expected, headId, firstBreak: null };
}

/** A signed head of the chain, as published at GET /api/v1/audit/checkpoints. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  /** Compact JWS over {seq, hash, at} (functions/domain/jws.ts). */
  jws: string;
}

/**
 * What a checkpoint can reveal: the log ends before it (truncated), its entry is gone (missing),
 * the entry there now has another hash (rewritten: edited, or the whole chain recomputed), or the
 * checkpoint itself is not what the bureau signed.
 */
export type CheckpointProblem = 'truncated' | 'missing' | 'rewritten' | 'bad_signature';

export interface LogVerification extends ChainVerification {
  checkpointsChecked: number;
  checkpointProblems: { seq: number; problem: CheckpointProblem }[];
}

/**
 * The chain end to end, then every checkpoint against it. `signedValue` answers what a checkpoint's
 * JWS verifies to (null when it does not), so the keys are the caller's to choose — a verifier
 * should pin the ones it kept, not only trust those the server publishes.
 */
export async function verifyAuditLog(
  entries: AsyncIterable<StoredAuditEntry> | Iterable<StoredAuditEntry>,
  checkpoints: readonly Checkpoint[],
  signedValue: (jws: string) => Promise<unknown | null>,
): Promise<LogVerification> {
  const wanted = new Set(checkpoints.map((c) => c.seq));
  const hashes = new Map<number, string>();
  async function* remembering() {
    for await (const entry of entries) {
      if (wanted.has(entry.id)) hashes.set(entry.id, entry.hash);
      yield entry;
    }
  }
  const chain = await verifyAuditChain(remembering());
  const checkpointProblems: LogVerification['checkpointProblems'] = [];
  for (const c of checkpoints) {
    const signed = (await signedValue(c.jws)) as { seq?: unknown; hash?: unknown; at?: unknown } | null;
    const problem: CheckpointProblem | null =
      !signed || signed.seq !== c.seq || signed.hash !== c.hash || signed.at !== c.at
        ? 'bad_signature'
        : chain.ok && (chain.headId ?? 0) < c.seq
          ? 'truncated'
          : !hashes.has(c.seq)
            ? 'missing'
            : hashes.get(c.seq) !== c.hash
              ? 'rewritten'
              : null;
    if (problem) checkpointProblems.push({ seq: c.seq, problem });
  }
  return { ...chain, ok: chain.ok && checkpointProblems.length === 0, checkpointsChecked: checkpoints.length, checkpointProblems };
}
