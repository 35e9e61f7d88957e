// Hostile requests over real HTTP against the built site: the pages answer as the API does (no
// 5xx for anything a client sends), an early refusal does not drop the connection, and the audit
// log verifies from outside with the CLI a third party would run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { parseSigningKey, signCompact } from '../../functions/domain/jws';

const baseUrl = inject('baseUrl');
const admin = inject('staffTokens').admin;
const get = (path: string, init?: RequestInit) => fetch(new URL(path, baseUrl), { redirect: 'manual', ...init });

describe('hostile characters on the pages', () => {
  it.each([
    '/credit?q=%00%E5%BB%BA%E7%AD%91',
    '/credit?q=%E5%BB%BA%00%E7%AD%91%22',
    '/credit?q=%E2%80%AE%E5%BB%BA%E7%AD%91',
    '/enforcement/penalties?q=%00',
    '/search?q=%00%01%1B',
    '/track?reference=%00&code=%0D%0A',
  ])('%s answers below 500', async (path) => {
    const res = await get(path);
    expect(res.status).toBeLessThan(500);
    await res.body?.cancel();
  });

  it.each(['%0D%0ASet-Cookie:%20a=1', '/admin%0D%0ASet-Cookie:%20a=1', '/admin%00', '//evil.example', '/admin%5C@evil.example'])(
    '/admin/login?next=%s stays inside the console, without a header injected',
    async (next) => {
      const res = await get(`/admin/login?next=${next}`);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('set-cookie') ?? '').not.toContain('a=1');
      const html = await res.text();
      expect(html).not.toContain('evil.example');
    },
  );
});

describe('early refusals keep the connection', () => {
  it('answers 413 to a body over the limit, and the client reads the answer', async () => {
    const big = new Uint8Array(12 * 1024 * 1024).fill(0x41);
    for (let i = 0; i < 3; i++) {
      const res = await get('/api/v1/objections', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: big,
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    }
  });
});

describe('npm run verify-audit against the site', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [resolve(import.meta.dirname, '../../scripts/verify-audit.ts'), baseUrl, '--token', admin, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('confirms the intact log', () => {
    const run = cli();
    expect(run.stdout).toContain('结论：一致');
    expect(run.status).toBe(0);
  });

  it('names a log that no longer matches a checkpoint someone kept', async () => {
    // A checkpoint of our own making, at an entry past the log's end, signed by a key we trust.
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const key = parseSigningKey(JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'kept' }))!;
    const published = (await (await get('/api/v1/audit/checkpoints')).json()) as { keys: { keys: object[] } };
    const { d: _private, ...publicJwk } = key.privateJwk;
    const kept = { seq: 1_000_000, hash: 'a'.repeat(64), at: new Date().toISOString() };
    const dir = mkdtempSync(join(tmpdir(), 'hrss-verify-'));
    try {
      writeFileSync(join(dir, 'checkpoints.json'), JSON.stringify({ items: [{ ...kept, jws: await signCompact(kept, key) }] }));
      writeFileSync(join(dir, 'keys.json'), JSON.stringify({ keys: [...published.keys.keys, { ...publicJwk, kid: 'kept' }] }));
      const run = cli('--checkpoints', join(dir, 'checkpoints.json'), '--keys', join(dir, 'keys.json'));
      expect(run.stdout).toContain('检查点 1000000');
      expect(run.stdout).toContain('结论：不一致');
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says it cannot read the log without a staff token', () => {
    const run = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../scripts/verify-audit.ts'), baseUrl, '--token', 'x'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('无法读取审计日志');
  });
});
