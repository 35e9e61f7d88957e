import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GENESIS_HASH,
  auditEntryHash,
  checkAuditEntry,
  verifyAuditChain,
  type AuditContent,
  type StoredAuditEntry,
} from '../../functions/domain/audit-chain';
import { canonicalJson } from '../../functions/domain/canonical-json';

// The audit log (issue: "hash-chained (each entry stores the SHA-256 of the previous entry and its
// own content) so tampering is detectable").

const content = (n: number, prevHash: string): AuditContent => ({
  prevHash,
  at: `2026-11-25T08:00:0${n}.000Z`,
  actor: 'reviewer@bureau.example',
  action: 'objection.decide',
  target: `objection:YY-2026-7K3QX${n}`,
  before: { status: 'accepted', outcome: null },
  after: { status: 'closed', outcome: 'kept', reasons: ['原记录准确'] },
});

async function chain(length: number): Promise<StoredAuditEntry[]> {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= length; i++) {
    const c = content(i, prev);
    const hash = await auditEntryHash(c);
    out.push({ ...c, id: i, hash });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text for the same values whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(obj);
      }),
    );
  });

  it('survives a round trip through the database’s JSON text', () => {
    const value = { 姓名: '张某某', fineFen: 2000000, list: ['警告', '罚款'], nested: { b: 2, a: 1 } };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it('refuses values JSON cannot hold rather than hashing something else', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('auditEntryHash', () => {
  it('is the SHA-256 of the canonical JSON of prevHash, at, actor, action, target, before and after', async () => {
    const c = content(1, GENESIS_HASH);
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          prevHash: c.prevHash,
          at: c.at,
          actor: c.actor,
          action: c.action,
          target: c.target,
          before: c.before,
          after: c.after,
        }),
      )
      .digest('hex');
    expect(await auditEntryHash(c)).toBe(expected);
  });

  it('starts the chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('changes when any one field changes', async () => {
    const c = content(1, GENESIS_HASH);
    const base = await auditEntryHash(c);
    const variants: AuditContent[] = [
      { ...c, prevHash: 'f'.repeat(64) },
      { ...c, at: '2026-11-25T08:00:02.000Z' },
      { ...c, actor: 'someone@else.example' },
      { ...c, action: 'objection.accept' },
      { ...c, target: 'objection:YY-2026-OTHER1' },
      { ...c, before: { status: 'received' } },
      { ...c, after: { status: 'closed', outcome: 'withdrawn' } },
    ];
    for (const v of variants) expect(await auditEntryHash(v)).not.toBe(base);
  });

  it('treats absent before/after as null', async () => {
    const c = { ...content(1, GENESIS_HASH), before: undefined, after: null };
    expect(await auditEntryHash(c)).toBe(await auditEntryHash({ ...c, before: null }));
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and reports its head', async () => {
    const entries = await chain(5);
    const result = await verifyAuditChain(entries);
    expect(result).toEqual({ ok: true, checked: 5, headHash: entries[4]!.hash, headId: 5, firstBreak: null });
  });

  it('accepts an empty log', async () => {
    expect(await verifyAuditChain([])).toEqual({ ok: true, checked: 0, headHash: GENESIS_HASH, headId: null, firstBreak: null });
  });

  it('finds an edited row by its own hash', async () => {
    const entries = await chain(5);
    entries[2] = { ...entries[2]!, after: { status: 'closed', outcome: 'corrected' } };
    const result = await verifyAuditChain(entries);
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(2);
    expect(result.firstBreak).toMatchObject({ id: 3, problem: 'hash_mismatch', actual: entries[2]!.hash });
  });

  it('finds a row whose hash was recomputed after editing, at the next row', async () => {
    const entries = await chain(5);
    const edited = { ...entries[2]!, actor: 'intruder@example' };
    entries[2] = { ...edited, hash: await auditEntryHash(edited) };
    const result = await verifyAuditChain(entries);
    expect(result.firstBreak).toMatchObject({ id: 4, problem: 'prev_hash_mismatch' });
  });

  it('finds a deleted row', async () => {
    const entries = await chain(5);
    entries.splice(1, 1);
    expect((await verifyAuditChain(entries)).firstBreak).toMatchObject({ id: 3, problem: 'prev_hash_mismatch' });
  });

  it('checks a single entry against its expected predecessor', async () => {
    const [first] = await chain(1);
    expect(await checkAuditEntry(GENESIS_HASH, first!)).toBeNull();
    expect(await checkAuditEntry('1'.repeat(64), first!)).toMatchObject({ problem: 'prev_hash_mismatch' });
  });
});
