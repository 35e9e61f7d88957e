// The audit log's hash chain (DESIGN.md: "every write is recorded in the audit log with the actor").
// Each entry stores the hash of the entry before it and a hash of its own content, so changing,
// inserting or deleting a row in the middle breaks the chain at that row. Removing entries from
// the end cannot be seen from the table alone: the daily job logs the head hash so an outside
// copy exists to compare with.
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

/**
 * JSON with object keys sorted at every level and no whitespace, so the same values always give
 * the same bytes whatever order a caller built them in or the database handed them back.
 * `undefined` members are left out (as JSON.stringify does); values JSON cannot hold are refused
 * rather than silently changed, since a hash over a lossy encoding would prove nothing.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash a non-finite number: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`cannot hash a value of type ${typeof value}`);
  }
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
