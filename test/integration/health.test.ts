import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /api/v1/health', () => {
  it('answers ok with the security headers', async () => {
    const res = await exports.default.fetch('http://local/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('unknown API paths', () => {
  it('answer 404 in the error shape', async () => {
    const res = await exports.default.fetch('http://local/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
