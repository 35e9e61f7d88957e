// Security headers on every kind of response the built site serves (issue: trust).
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const get = (path: string, init?: RequestInit) => fetch(new URL(path, baseUrl), { redirect: 'manual', ...init });

describe('security headers', () => {
  it.each(['/', '/cases/', '/credit?q=%E7%A7%91%E6%8A%80', '/objections/new', '/track', '/api/v1/health', '/api/v1/nothing'])(
    '%s carries them',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  it('gives every page a hash-based policy without unsafe-inline', async () => {
    for (const path of ['/', '/cases/', '/objections/new', '/credit?q=%E7%A7%91%E6%8A%80']) {
      const res = await get(path);
      const html = await res.text();
      // Prerendered pages carry it in a <meta>; pages rendered on demand in the response header.
      const policy =
        /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? res.headers.get('content-security-policy') ?? '';
      expect(policy, path).toMatch(/script-src [^;]*'self'/);
      expect(policy, path).toMatch(/style-src [^;]*'sha256-/);
      expect(policy, path).not.toContain('unsafe-inline');
    }
  });

  it('opens CORS only for public reads', async () => {
    expect((await get('/api/v1/health')).headers.get('access-control-allow-origin')).toBe('*');
    const post = await get('/api/v1/objections', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect((await get('/api/v1/admin/me')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a cross-site form post to a page', async () => {
    const res = await get('/objections/new', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'uscc=x',
    });
    expect(res.status).toBe(403);
  });
});
