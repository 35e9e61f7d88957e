// The audit log: every staff write with actor, time, action, target, before and after, chained by
// SHA-256 so that a changed, removed or inserted row is found by GET /api/v1/admin/audit/verify.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditList, AuditVerification } from '../fixtures/api';
import { createAccessKeys, type AccessKeys } from '../fixtures/access-tokens';
import { auditRows, staffApi, tamperedAuditLog } from '../fixtures/staff';
import { insertEnterprise, makeUscc } from '../fixtures/enterprises';
import { addDays } from '../../functions/domain/dates';
import { GENESIS_HASH, auditEntryHash } from '../../functions/domain/audit-chain';
import type { StaffRole } from '../../functions/auth/access';
import { today } from '../fixtures/today';

const uscc = makeUscc('MA01CJ001');
let keys: AccessKeys;

const as = (role: StaffRole, email: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
  staffApi(keys, [role], email)(method, path, body);
const admin = (path: string) => as('admin', 'root@hrss.example', 'GET', path);
const verify = async () => (await admin('/audit/verify')).json<AuditVerification>();
const audit = async (query = '') => (await admin(`/audit${query}`)).json<AuditList>();

const rows = auditRows;
/** Runs `check` on the log changed by `sql`, then puts the log back. */
const tampered = (sql: string, binds: unknown[], check: () => Promise<void>) =>
  tamperedAuditLog([env.DB.prepare(sql).bind(...binds)], check);

beforeAll(async () => {
  keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  await insertEnterprise(env.DB, { uscc, name: '北京审计测试有限公司' });
  for (let i = 0; i < 4; i++) {
    const res = await as('publisher', i % 2 ? 'a@hrss.example' : 'b@hrss.example', 'POST', '/records', {
      uscc,
      kind: 'penalty',
      severity: 'general',
      title: '未依法订立书面劳动合同',
      decisionNo: `京朝人社监罚字〔2026〕第 ${900 + i} 号`,
      authority: '北京市朝阳区人力资源和社会保障局',
      decidedOn: addDays(today, -2),
      violationType: '未签劳动合同',
      facts: '未与 6 名劳动者订立书面劳动合同。',
      legalBasis: '《劳动合同法》第八十二条',
      penaltyTypes: ['罚款'],
      penaltyContent: '罚款人民币伍仟元整',
      fineFen: 500_000,
    });
    expect(res.status).toBe(201);
  }
  const [first] = await rows();
  await as('publisher', 'a@hrss.example', 'POST', `${first!.target.replace('record:', '/records/')}/publish`);
});

describe('the audit log', () => {
  it('chains every entry to the one before, starting from 64 zeros, with actor, action, target, before and after', async () => {
    const all = await rows();
    expect(all.length).toBe(5);
    expect(all[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    const last = all.at(-1)!;
    expect(last).toMatchObject({ actor: 'a@hrss.example', action: 'record.published', target: all[0]!.target });
    const id = Number(all[0]!.target.replace('record:', ''));
    expect(JSON.parse(last.before!)).toEqual({ id, status: 'draft', publishedOn: null });
    expect(JSON.parse(last.after!)).toEqual({ id, status: 'published', publishedOn: today });
    expect(Date.parse(last.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(last.hash).toBe(
      await auditEntryHash({
        prevHash: last.prev_hash,
        at: last.at,
        actor: last.actor,
        action: last.action,
        target: last.target,
        before: JSON.parse(last.before!),
        after: JSON.parse(last.after!),
      }),
    );
  });
});

describe('GET /api/v1/admin/audit', () => {
  it('browses newest first, filtered by actor, target, action and date', async () => {
    const all = await audit();
    expect(all.total).toBe(5);
    expect(all.items[0]!.action).toBe('record.published');
    expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));
    expect((await audit('?actor=b@hrss.example')).total).toBe(2);
    expect((await audit('?action=record.published')).total).toBe(1);
    const target = all.items[0]!.target;
    expect((await audit(`?target=${encodeURIComponent(target)}`)).items.map((e) => e.action)).toEqual([
      'record.published',
      'record.created',
    ]);
    expect((await audit(`?from=${today}&to=${today}`)).total).toBe(5);
    expect((await audit(`?to=${addDays(today, -1)}`)).total).toBe(0);
    expect((await admin('/audit?from=yesterday')).status).toBe(422);
  });

  it('is for admins only', async () => {
    expect((await as('publisher', 'a@hrss.example', 'GET', '/audit')).status).toBe(403);
    expect((await as('reviewer', 'c@hrss.example', 'GET', '/audit/verify')).status).toBe(403);
  });
});

describe('GET /api/v1/admin/audit/verify', () => {
  it('confirms an intact chain and names its head', async () => {
    const all = await rows();
    expect(await verify()).toEqual({
      ok: true,
      checked: 5,
      headId: all.at(-1)!.id,
      headHash: all.at(-1)!.hash,
      firstBreak: null,
      checkpointsChecked: 0,
      checkpointProblems: [],
    });
  });

  it('detects a changed row', async () => {
    const target = (await rows())[2]!;
    await tampered('UPDATE audit_log SET actor = ? WHERE id = ?', ['someone-else@hrss.example', target.id], async () => {
      expect(await verify()).toMatchObject({
        ok: false,
        checked: 2,
        firstBreak: { id: target.id, problem: 'hash_mismatch', actual: target.hash },
      });
    });
    await tampered("UPDATE audit_log SET after = json_set(after, '$.status', 'withdrawn') WHERE id = ?", [target.id], async () => {
      expect((await verify()).firstBreak).toMatchObject({ id: target.id, problem: 'hash_mismatch' });
    });
  });

  it('detects a row rewritten with a fresh hash, at the row after it', async () => {
    const [, second, third] = await rows();
    const forged = {
      prevHash: second!.prev_hash,
      at: second!.at,
      actor: 'intruder@example',
      action: second!.action,
      target: second!.target,
      before: null,
      after: JSON.parse(second!.after!),
    };
    await tampered(
      'UPDATE audit_log SET actor = ?, hash = ? WHERE id = ?',
      [forged.actor, await auditEntryHash(forged), second!.id],
      async () => {
        expect((await verify()).firstBreak).toMatchObject({ id: third!.id, problem: 'prev_hash_mismatch' });
      },
    );
  });

  it('detects a deleted row', async () => {
    const [, second, third] = await rows();
    await tampered('DELETE FROM audit_log WHERE id = ?', [second!.id], async () => {
      expect((await verify()).firstBreak).toMatchObject({ id: third!.id, problem: 'prev_hash_mismatch' });
    });
  });

  it('is intact again once the rows are as written, and new writes chain on', async () => {
    expect((await verify()).ok).toBe(true);
  });
});
