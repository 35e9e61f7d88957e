// Signed checkpoints of the audit chain (DESIGN.md): the chain alone cannot show entries cut off
// its end, nor a log edited and re-hashed from that row on; a checkpoint published earlier can.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { auditRows, staffApi, tamperedAuditLog } from '../fixtures/staff';
import { staffPenaltyBody } from '../fixtures/staff-records';
import { today } from '../fixtures/today';
import { auditEntryHash } from '../../functions/domain/audit-chain';
import { clockOn } from '../../functions/domain/clock';
import { verifyCompact } from '../../functions/domain/jws';
import { CHECKPOINT_EVERY } from '../../functions/audit/checkpoints';
import { runDailyJobs } from '../../functions/jobs/daily';
import type { JWK } from 'jose';

const uscc = makeUscc('MA01JC001');
let keys: AccessKeys;

interface Published {
  items: { seq: number; hash: string; at: string; jws: string }[];
  keys: { keys: JWK[] };
}
const published = async () => (await exports.default.fetch('http://local/api/v1/audit/checkpoints')).json<Published>();
const verify = async () => (await staffApi(keys, ['admin'])('GET', '/audit/verify')).json<AuditVerification>();
const publisher = () => staffApi(keys, ['publisher'], 'li.na@hrss.example');

let n = 0;
async function writeRecord() {
  const res = await publisher()('POST', '/records', staffPenaltyBody(uscc, `京朝人社监罚字〔2026〕第 ${3000 + n++} 号`, today));
  expect(res.status).toBe(201);
}

/** Every row from `fromIndex` on rewritten with its hashes recomputed: a chain that is valid in itself. */
async function rehashedFrom(fromIndex: number, change: (row: Awaited<ReturnType<typeof auditRows>>[number]) => void) {
  const rows = await auditRows();
  const statements: D1PreparedStatement[] = [];
  let prev = rows[fromIndex - 1]?.hash ?? rows[0]!.prev_hash;
  for (const row of rows.slice(fromIndex)) {
    if (row === rows[fromIndex]) change(row);
    const content = {
      prevHash: prev,
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after),
    };
    const hash = await auditEntryHash(content);
    statements.push(
      env.DB.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?').bind(row.actor, prev, hash, row.id),
    );
    prev = hash;
  }
  return statements;
}

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, { uscc, name: '北京检查点测试有限公司' });
  for (let i = 0; i < 3; i++) await writeRecord();
  await runDailyJobs(env, clockOn(today));
});

describe('GET /api/v1/audit/checkpoints', () => {
  it('publishes the head of the chain as signed by the daily job, with the key to check it', async () => {
    const head = (await auditRows()).at(-1)!;
    const { items, keys: jwks } = await published();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ seq: head.id, hash: head.hash });
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(await verifyCompact(items[0]!.jws, jwks.keys)).toEqual({ seq: head.id, hash: head.hash, at: items[0]!.at });
  });

  it('signs nothing new while the head has not moved', async () => {
    await runDailyJobs(env, clockOn(today));
    expect((await published()).items).toHaveLength(1);
  });
});

describe('GET /api/v1/admin/audit/verify against the checkpoints', () => {
  it('passes on the intact log', async () => {
    expect(await verify()).toMatchObject({ ok: true, firstBreak: null, checkpointsChecked: 1, checkpointProblems: [] });
  });

  it('finds the last entry deleted, which the chain alone cannot', async () => {
    const head = (await auditRows()).at(-1)!;
    await tamperedAuditLog([env.DB.prepare('DELETE FROM audit_log WHERE id = ?').bind(head.id)], async () => {
      const result = await verify();
      expect(result.firstBreak).toBeNull();
      expect(result).toMatchObject({ ok: false, checkpointProblems: [{ seq: head.id, problem: 'truncated' }] });
    });
  });

  it('finds a row edited and every later hash recomputed', async () => {
    const rows = await auditRows();
    const changes = await rehashedFrom(1, (row) => {
      row.actor = 'intruder@example.com';
    });
    await tamperedAuditLog(changes, async () => {
      const result = await verify();
      expect(result.firstBreak).toBeNull();
      expect(result).toMatchObject({ ok: false, checkpointProblems: [{ seq: rows.at(-1)!.id, problem: 'rewritten' }] });
    });
  });

  it('finds a checkpoint that the bureau did not sign', async () => {
    const [real] = (await published()).items;
    await env.DB.prepare('UPDATE audit_checkpoints SET hash = ? WHERE seq = ?').bind('f'.repeat(64), real!.seq).run();
    try {
      expect(await verify()).toMatchObject({ ok: false, checkpointProblems: [{ seq: real!.seq, problem: 'bad_signature' }] });
    } finally {
      await env.DB.prepare('UPDATE audit_checkpoints SET hash = ? WHERE seq = ?').bind(real!.hash, real!.seq).run();
    }
    expect((await verify()).ok).toBe(true);
  });
});

describe('a checkpoint every hundred entries', () => {
  it('is signed after a staff write takes the log past the next hundred, without waiting for the day', async () => {
    while ((await auditRows()).at(-1)!.id < CHECKPOINT_EVERY) await writeRecord();
    let items: Published['items'] = [];
    for (let wait = 0; wait < 50 && !items.some((c) => c.seq >= CHECKPOINT_EVERY); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      items = (await published()).items;
    }
    const growth = items.find((c) => c.seq >= CHECKPOINT_EVERY);
    expect(growth).toBeDefined();
    expect(items).toHaveLength(2);
    expect(await verify()).toMatchObject({ ok: true, checkpointsChecked: 2 });
  }, 60_000);
});
