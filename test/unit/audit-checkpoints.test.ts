import { beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import {
  GENESIS_HASH,
  auditEntryHash,
  verifyAuditLog,
  type AuditContent,
  type Checkpoint,
  type StoredAuditEntry,
} from '../../functions/domain/audit-chain';
import { parseSigningKey, publicJwk, signCompact, verifyCompact, type SigningKey } from '../../functions/domain/jws';

// DESIGN.md: "GET /api/v1/audit/checkpoints → the signed head of the audit chain each day
// { seq, hash, at, jws }, public, so a rewrite or truncation of the log is detectable by anyone
// who kept an earlier checkpoint." The chain alone cannot show a cut-off tail or a chain whose
// hashes were all recomputed; a signed checkpoint can.

const content = (n: number, prevHash: string): AuditContent => ({
  prevHash,
  at: `2026-11-25T08:00:${String(n).padStart(2, '0')}.000Z`,
  actor: 'reviewer@bureau.example',
  action: 'objection.decide',
  target: `objection:YY-2026-7K3QX${n}`,
  before: { status: 'accepted', outcome: null },
  after: { status: 'closed', outcome: 'kept', reasons: ['原记录准确'] },
});

/** Re-links entries from `from` (0-based) on, as an intruder who recomputes every later hash would. */
async function relink(entries: StoredAuditEntry[], from = 0): Promise<StoredAuditEntry[]> {
  const out = entries.slice(0, from);
  let prev = from === 0 ? GENESIS_HASH : out[from - 1]!.hash;
  for (const e of entries.slice(from)) {
    const linked = { ...e, prevHash: prev };
    const hash = await auditEntryHash(linked);
    out.push({ ...linked, hash });
    prev = hash;
  }
  return out;
}

async function chain(length: number): Promise<StoredAuditEntry[]> {
  const raw = Array.from({ length }, (_, i) => ({ ...content(i + 1, ''), id: i + 1, hash: '' }));
  return relink(raw);
}

let key: SigningKey;
let intruderKey: SigningKey;

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return parseSigningKey(JSON.stringify({ ...(await exportJWK(privateKey)), kid }))!;
}

async function checkpointAt(entries: readonly StoredAuditEntry[], seq: number, by: SigningKey = key): Promise<Checkpoint> {
  const entry = entries.find((e) => e.id === seq)!;
  const signed = { seq, hash: entry.hash, at: `2026-11-25T16:00:${String(seq).padStart(2, '0')}.000Z` };
  return { ...signed, jws: await signCompact(signed, by) };
}

/** What a verifier who pinned the bureau's key would use. */
const pinned = (jws: string) => verifyCompact(jws, [publicJwk(key)]);

beforeAll(async () => {
  key = await newKey('audit-2026');
  intruderKey = await newKey('audit-2026'); // same kid, other key
});

describe('verifyAuditLog — intact', () => {
  it('accepts an intact chain with its checkpoints', async () => {
    const entries = await chain(8);
    const checkpoints = [await checkpointAt(entries, 3), await checkpointAt(entries, 8)];
    const result = await verifyAuditLog(entries, checkpoints, pinned);
    expect(result).toEqual({
      ok: true,
      checked: 8,
      headHash: entries[7]!.hash,
      headId: 8,
      firstBreak: null,
      checkpointsChecked: 2,
      checkpointProblems: [],
    });
  });

  it('accepts a log that has grown since the last checkpoint', async () => {
    const entries = await chain(8);
    const result = await verifyAuditLog(entries, [await checkpointAt(entries, 5)], pinned);
    expect(result.ok).toBe(true);
    expect(result.checkpointProblems).toEqual([]);
  });

  it('accepts an intact chain without checkpoints, and reads an async source', async () => {
    const entries = await chain(4);
    async function* rows() {
      yield* entries;
    }
    const result = await verifyAuditLog(rows(), [], pinned);
    expect(result).toMatchObject({ ok: true, checked: 4, checkpointsChecked: 0, checkpointProblems: [] });
  });
});

describe('verifyAuditLog — truncation', () => {
  it('reports the last row deleted as truncated, though the chain itself is intact', async () => {
    const entries = await chain(8);
    const checkpoints = [await checkpointAt(entries, 8)];
    const result = await verifyAuditLog(entries.slice(0, 7), checkpoints, pinned);
    expect(result.firstBreak).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems).toEqual([{ seq: 8, problem: 'truncated' }]);
  });

  it('reports several rows cut from the end, naming only the checkpoints past the new end', async () => {
    const entries = await chain(8);
    const checkpoints = [await checkpointAt(entries, 2), await checkpointAt(entries, 6), await checkpointAt(entries, 8)];
    const result = await verifyAuditLog(entries.slice(0, 4), checkpoints, pinned);
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems).toEqual([
      { seq: 6, problem: 'truncated' },
      { seq: 8, problem: 'truncated' },
    ]);
  });

  it('reports an emptied log as truncated', async () => {
    const entries = await chain(3);
    const result = await verifyAuditLog([], [await checkpointAt(entries, 3)], pinned);
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems).toEqual([{ seq: 3, problem: 'truncated' }]);
  });
});

describe('verifyAuditLog — rewriting', () => {
  it('reports a row edited and every later hash recomputed as rewritten, though the chain verifies', async () => {
    const entries = await chain(8);
    const checkpoints = [await checkpointAt(entries, 2), await checkpointAt(entries, 6)];
    entries[3] = { ...entries[3]!, after: { status: 'closed', outcome: 'corrected' } };
    const forged = await relink(entries, 3);
    const result = await verifyAuditLog(forged, checkpoints, pinned);
    expect(result.firstBreak).toBeNull();
    expect(result.checked).toBe(8);
    expect(result.ok).toBe(false);
    // The checkpoint before the edit still matches; the one after it does not.
    expect(result.checkpointProblems).toEqual([{ seq: 6, problem: 'rewritten' }]);
  });

  it('reports the checkpointed row itself edited and re-hashed as rewritten', async () => {
    const entries = await chain(5);
    const checkpoints = [await checkpointAt(entries, 5)];
    entries[4] = { ...entries[4]!, actor: 'intruder@example' };
    const result = await verifyAuditLog(await relink(entries, 4), checkpoints, pinned);
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems).toEqual([{ seq: 5, problem: 'rewritten' }]);
  });

  it('reports a row removed and the rest re-linked: its checkpoint missing, later ones rewritten', async () => {
    const entries = await chain(6);
    const checkpoints = [await checkpointAt(entries, 3), await checkpointAt(entries, 6)];
    entries.splice(2, 1); // id 3 gone; ids 1, 2, 4, 5, 6 remain
    const result = await verifyAuditLog(await relink(entries, 2), checkpoints, pinned);
    expect(result.firstBreak).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems).toEqual([
      { seq: 3, problem: 'missing' },
      { seq: 6, problem: 'rewritten' },
    ]);
  });
});

describe('verifyAuditLog — forged checkpoints', () => {
  it('reports a checkpoint whose hash was altered but whose jws was kept as bad_signature', async () => {
    const entries = await chain(4);
    const real = await checkpointAt(entries, 4);
    const result = await verifyAuditLog(entries, [{ ...real, hash: 'f'.repeat(64) }], pinned);
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems).toEqual([{ seq: 4, problem: 'bad_signature' }]);
  });

  it('reports a checkpoint whose seq or at was altered as bad_signature', async () => {
    const entries = await chain(4);
    const real = await checkpointAt(entries, 4);
    const result = await verifyAuditLog(
      entries,
      [
        { ...real, seq: 3, hash: entries[2]!.hash },
        { ...real, at: '2027-01-01T00:00:00.000Z' },
      ],
      pinned,
    );
    expect(result.checkpointProblems).toEqual([
      { seq: 3, problem: 'bad_signature' },
      { seq: 4, problem: 'bad_signature' },
    ]);
  });

  it('reports a checkpoint signed by another key (same kid) as bad_signature, even when it matches the log', async () => {
    // An intruder who rewrote the log and signs a fitting checkpoint with a key of their own.
    const entries = await chain(4);
    entries[1] = { ...entries[1]!, actor: 'intruder@example' };
    const forged = await relink(entries, 1);
    const result = await verifyAuditLog(forged, [await checkpointAt(forged, 4, intruderKey)], pinned);
    expect(result.firstBreak).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems).toEqual([{ seq: 4, problem: 'bad_signature' }]);
  });

  it('reports a checkpoint whose jws is not a JWS as bad_signature', async () => {
    const entries = await chain(2);
    const real = await checkpointAt(entries, 2);
    const result = await verifyAuditLog(entries, [{ ...real, jws: 'garbage' }], pinned);
    expect(result.checkpointProblems).toEqual([{ seq: 2, problem: 'bad_signature' }]);
  });

  it('reports a validly signed value of another shape as bad_signature', async () => {
    const entries = await chain(2);
    const real = await checkpointAt(entries, 2);
    const jws = await signCompact({ seq: String(real.seq), hash: real.hash, at: real.at }, key);
    const result = await verifyAuditLog(entries, [{ ...real, jws }], pinned);
    expect(result.checkpointProblems).toEqual([{ seq: 2, problem: 'bad_signature' }]);
  });

  it('leaves the choice of keys to the caller: a verifier that trusts nothing accepts no checkpoint', async () => {
    const entries = await chain(2);
    const result = await verifyAuditLog(entries, [await checkpointAt(entries, 2)], async () => null);
    expect(result.checkpointProblems).toEqual([{ seq: 2, problem: 'bad_signature' }]);
  });
});

describe('verifyAuditLog — chain breaks', () => {
  it('is not ok when the chain breaks before a checkpoint, and says where', async () => {
    const entries = await chain(6);
    const checkpoints = [await checkpointAt(entries, 6)];
    entries[2] = { ...entries[2]!, after: { status: 'closed', outcome: 'corrected' } }; // hash not recomputed
    const result = await verifyAuditLog(entries, checkpoints, pinned);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ id: 3, problem: 'hash_mismatch' });
    expect(result.checked).toBe(2);
    // The log past the break is unproven: it is not called a mere truncation.
    expect(result.checkpointProblems).not.toContainEqual({ seq: 6, problem: 'truncated' });
  });

  it('is not ok when a row is deleted in the middle, even with every checkpoint before the break', async () => {
    const entries = await chain(6);
    const checkpoints = [await checkpointAt(entries, 2)];
    entries.splice(3, 1);
    const result = await verifyAuditLog(entries, checkpoints, pinned);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ id: 5, problem: 'prev_hash_mismatch' });
    expect(result.checkpointProblems).toEqual([]);
  });
});
