// Every /admin page is behind one gate (src/middleware.ts), tested by requests to the built site:
// no token, a token without the role, a token with it. Refusals carry nothing of the console.
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const tokens = inject('staffTokens');

const get = (path: string, token?: string) =>
  fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: token ? { Cookie: `CF_Authorization=${token}` } : {} });

/** Each part of the console and the roles that may open it (DESIGN.md: reviewers decide cases, publishers handle records). */
const CONSOLE: [path: string, allowed: (keyof typeof tokens)[]][] = [
  ['/admin', ['reviewer', 'publisher', 'admin']],
  ['/admin/objections', ['reviewer', 'admin']],
  ['/admin/repairs?status=all', ['reviewer', 'admin']],
  ['/admin/objections/YY-2026-AAAAAA', ['reviewer', 'admin']],
  ['/admin/records', ['publisher', 'admin']],
  ['/admin/records/new', ['publisher', 'admin']],
  ['/admin/records/1', ['publisher', 'admin']],
  ['/admin/imports', ['publisher', 'admin']],
  ['/admin/webhooks', ['publisher', 'admin']],
  ['/admin/webhooks/1', ['publisher', 'admin']],
  ['/admin/audit', ['admin']],
];

describe('the staff gate in front of /admin', () => {
  it.each(CONSOLE)('refuses %s without a token: 401, a way to log in, never cached or indexed', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await res.text();
    expect(html).toContain('/admin/login?next=');
    expect(html).not.toContain('<nav');
  });

  it.each(CONSOLE)('opens %s only for the roles that may see it', async (path, allowed) => {
    for (const role of ['reviewer', 'publisher', 'admin', 'none'] as const) {
      const res = await get(path, tokens[role]);
      // A case or record that does not exist is a 404 page inside the console, still past the gate.
      const passed = res.status === 200 || res.status === 404;
      expect(passed ? 'opened' : res.status, `${path} as ${role}`).toBe(allowed.includes(role) ? 'opened' : 403);
      expect(res.headers.get('cache-control'), `${path} as ${role}`).toBe('no-store');
    }
  });

  it('refuses a token that was tampered with', async () => {
    const forged = `${tokens.admin.slice(0, -4)}AAAA`;
    expect((await get('/admin/audit', forged)).status).toBe(401);
  });

  it('leaves the sign-in and sign-out pages open, and never caches them', async () => {
    for (const path of ['/admin/login', '/admin/logout']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('answers 404 behind the gate for a console path that does not exist', async () => {
    expect((await get('/admin/nothing-here')).status).toBe(401);
    expect((await get('/admin/nothing-here', tokens.admin)).status).toBe(404);
  });
});
