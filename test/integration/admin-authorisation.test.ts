// Every staff route, as the OpenAPI document lists them — not a hand-made list — refuses a request
// without a valid Cloudflare Access token (401) and one without a role the route declares (403),
// and lets the declared roles through. Tokens are signed here with a key pair made for this file;
// the Worker verifies them by its production code path, configured only through ACCESS_JWKS.
import { env, exports } from 'cloudflare:workers';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccessKeys, signAccessToken, type AccessKeys, type TokenOptions } from '../fixtures/access-tokens';
import type { ApiErrorBody, StaffMe } from '../fixtures/api';
import type { OpenApiDocument } from '../fixtures/openapi';
import { createApp } from '../../functions/api/app';
import { staffRoles, type StaffRole } from '../../functions/auth/access';

interface Operation {
  method: string;
  path: string;
  roles: StaffRole[];
  body: 'json' | 'form' | null;
}

let keys: AccessKeys;
let strangerKeys: AccessKeys;
let operations: Operation[] = [];

const token = (options: Partial<TokenOptions> = {}, signWith: AccessKeys = keys) =>
  signAccessToken(signWith, { audience: env.ACCESS_AUD, issuer: env.ACCESS_ISSUER, roles: ['admin'], ...options });

/** Path parameters get values that match no row: reaching the handler then answers 404 or 422, never 2xx by accident. */
function url(op: Operation) {
  const value = (name: string) => (name === 'id' ? '999999' : op.path.includes('/repairs/') ? 'XF-2026-AAAAAA' : 'YY-2026-AAAAAA');
  return `http://local${op.path.replace(/\{(\w+)\}/g, (_, name: string) => value(name))}`;
}

function call(op: Operation, headers: Record<string, string> = {}) {
  const init: RequestInit & { headers: Record<string, string> } = { method: op.method.toUpperCase(), headers: { ...headers } };
  if (op.body === 'json') {
    init.headers['Content-Type'] = 'application/json';
    init.body = '{}';
  } else if (op.body === 'form') {
    init.body = new FormData();
  }
  return exports.default.fetch(url(op), init);
}

const bearer = (jwt: string) => ({ 'Cf-Access-Jwt-Assertion': jwt });

beforeAll(async () => {
  keys = await createAccessKeys();
  strangerKeys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;

  const doc = await (await exports.default.fetch('http://local/api/v1/openapi.json')).json<OpenApiDocument>();
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/admin/'))
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const content = Object.keys(op.requestBody?.content ?? {});
        return {
          method,
          path,
          roles: (op.security?.[0]?.cloudflareAccess ?? []) as StaffRole[],
          body: content.includes('application/json')
            ? ('json' as const)
            : content.includes('multipart/form-data')
              ? ('form' as const)
              : null,
        };
      }),
    );
});

describe('the staff routes of the OpenAPI document', () => {
  it('are all there: queues, cases, decisions, attachments, records, imports and the audit log', () => {
    const paths = new Set(operations.map((o) => o.path));
    for (const p of ['objections', 'repairs', 'attachments/{id}', 'records', 'imports', 'imports/preview', 'audit', 'audit/verify']) {
      expect(paths, p).toContain(`/api/v1/admin/${p}`);
    }
    expect(operations.length).toBeGreaterThanOrEqual(18);
  });

  it('each declare the roles they need, and the router answers no admin route the document leaves out', () => {
    for (const op of operations) {
      expect(op.roles.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
      for (const role of op.roles) expect(staffRoles).toContain(role);
    }
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    const routed = createApp()
      .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/admin/'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    for (const r of routed) expect(documented, r).toContain(r);
  });
});

describe('every /api/v1/admin route', () => {
  it('answers 401 without a token, in the error shape', async () => {
    for (const op of operations) {
      const res = await call(op);
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      expect((await res.json<ApiErrorBody>()).error.code).toBe('unauthenticated');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers 401 for an expired token, another audience, another issuer, another key or no signature', async () => {
    const alg = await generateKeyPair('ES256');
    const bad = {
      expired: await token({ expiresIn: -60 }),
      audience: await token({ audience: 'some-other-application' }),
      issuer: await token({ issuer: 'https://evil.cloudflareaccess.com' }),
      strangerKey: await token({}, strangerKeys),
      // The same kid as the configured key, signed by another: the signature must be checked, not the kid.
      sameKidOtherKey: await token({}, { ...strangerKeys, kid: keys.kid }),
      unsigned: new UnsecuredJWT({ roles: ['admin'], email: 'x@example' })
        .setAudience(env.ACCESS_AUD)
        .setIssuer(env.ACCESS_ISSUER)
        .setExpirationTime('1h')
        .encode(),
      noExpiry: await new SignJWT({ roles: ['admin'], email: 'x@example' })
        .setProtectedHeader({ alg: 'ES256', kid: keys.kid })
        .setAudience(env.ACCESS_AUD)
        .setIssuer(env.ACCESS_ISSUER)
        .sign(keys.privateKey),
      // HMAC with the public key's bytes as the secret: the classic algorithm-confusion forgery.
      hmac: await new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256', kid: keys.kid })
        .setAudience(env.ACCESS_AUD)
        .setIssuer(env.ACCESS_ISSUER)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(keys.jwks)),
      wrongAlgorithmKey: await new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'ES256', kid: keys.kid })
        .setAudience(env.ACCESS_AUD)
        .setIssuer(env.ACCESS_ISSUER)
        .setExpirationTime('1h')
        .sign(alg.privateKey),
      garbage: 'not.a.token',
    };
    for (const op of operations) {
      for (const [name, jwt] of Object.entries(bad)) {
        const res = await call(op, bearer(jwt));
        expect(res.status, `${name}: ${op.method} ${op.path}`).toBe(401);
      }
    }
  });

  it('answers 403 for a valid token without any of the declared roles', async () => {
    const noRoles = await token({ roles: [] });
    const unknownRole = await token({ roles: ['superuser', 'Admin'] });
    for (const op of operations) {
      const tokens = [noRoles, unknownRole];
      for (const role of staffRoles.filter((r) => !op.roles.includes(r))) tokens.push(await token({ roles: [role] }));
      for (const jwt of tokens) {
        const res = await call(op, bearer(jwt));
        expect(res.status, `${op.method} ${op.path}`).toBe(403);
        expect((await res.json<ApiErrorBody>()).error.code).toBe('forbidden');
      }
    }
  });

  it('lets each declared role through to the handler', async () => {
    for (const op of operations) {
      for (const role of op.roles) {
        const res = await call(op, bearer(await token({ roles: [role] })));
        const label = `${role}: ${op.method} ${op.path} → ${res.status}`;
        expect([401, 403], label).not.toContain(res.status);
        expect(res.status, label).toBeLessThan(500);
        // Reads without parameters succeed outright; the rest reach validation or the lookup.
        if (op.method === 'get' && !op.path.includes('{')) expect(res.status, label).toBe(200);
        else expect([200, 404, 409, 422], label).toContain(res.status);
      }
    }
  });

  it('accepts RS256, what Cloudflare Access signs with, from a key set holding several keys', async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'access-rsa-1', alg: 'RS256', use: 'sig' };
    env.ACCESS_JWKS = JSON.stringify({ keys: [rsaJwk, keys.publicJwk] });
    try {
      const me = operations.find((o) => o.path === '/api/v1/admin/me')!;
      const rs256 = await new SignJWT({ email: 'access@hrss.example', roles: ['admin'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'access-rsa-1' })
        .setAudience(env.ACCESS_AUD)
        .setIssuer(env.ACCESS_ISSUER)
        .setExpirationTime('1h')
        .sign(rsa.privateKey);
      expect((await call(me, bearer(rs256))).status).toBe(200);
      expect((await call(me, bearer(await token()))).status).toBe(200);
    } finally {
      env.ACCESS_JWKS = keys.jwks;
    }
  });

  it('accepts the CF_Authorization cookie a browser carries, verified the same way', async () => {
    const me = operations.find((o) => o.path === '/api/v1/admin/me')!;
    const good = await call(me, {
      Cookie: `theme=dark; CF_Authorization=${await token({ roles: ['reviewer'], email: 'li.ming@hrss.example' })}`,
    });
    expect(good.status).toBe(200);
    expect(await good.json<StaffMe>()).toMatchObject({ actor: 'li.ming@hrss.example', roles: ['reviewer'] });
    const expired = await call(me, { Cookie: `CF_Authorization=${await token({ expiresIn: -5 })}` });
    expect(expired.status).toBe(401);
  });

  it('reads roles from a groups claim or Access custom claims, and falls back to sub for the actor', async () => {
    const me = operations.find((o) => o.path === '/api/v1/admin/me')!;
    const viaGroups = await call(
      me,
      bearer(await token({ roles: undefined, email: null, sub: 'svc-7', claims: { groups: ['hrss-all', 'publisher'] } })),
    );
    expect(await viaGroups.json<StaffMe>()).toMatchObject({ actor: 'svc-7', email: null, roles: ['publisher'] });
    const viaCustom = await call(me, bearer(await token({ roles: undefined, claims: { custom: { roles: ['reviewer'] } } })));
    expect((await viaCustom.json<StaffMe>()).roles).toEqual(['reviewer']);
  });

  it('refuses a cross-site write even with a valid cookie', async () => {
    const op = operations.find((o) => o.method === 'post' && o.path === '/api/v1/admin/records')!;
    const res = await call(op, {
      Cookie: `CF_Authorization=${await token({ roles: ['publisher'] })}`,
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(res.status).toBe(403);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('cross_site_request');
  });

  it('is closed when Access is not configured: no keys, no entry', async () => {
    const jwt = await token();
    env.ACCESS_JWKS = '';
    try {
      for (const op of operations) expect((await call(op, bearer(jwt))).status, `${op.method} ${op.path}`).toBe(401);
    } finally {
      env.ACCESS_JWKS = keys.jwks;
    }
  });

  it('answers 503, never open, when the team key set cannot be fetched', async () => {
    const jwt = await token();
    // The team's certs endpoint answering an error page, as during an outage.
    const outage = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('Bad gateway', { status: 502 }));
    env.ACCESS_JWKS = '';
    env.ACCESS_JWKS_URL = 'https://hrss.cloudflareaccess.com/cdn-cgi/access/certs';
    try {
      const res = await call(operations.find((o) => o.path === '/api/v1/admin/me')!, bearer(jwt));
      expect(res.status).toBe(503);
      expect((await res.json<ApiErrorBody>()).error.code).toBe('access_unavailable');
      expect(String(outage.mock.calls[0]?.[0])).toBe('https://hrss.cloudflareaccess.com/cdn-cgi/access/certs');
    } finally {
      outage.mockRestore();
      env.ACCESS_JWKS_URL = '';
      env.ACCESS_JWKS = keys.jwks;
    }
  });

  it('answers 401 for unknown paths under /api/v1/admin rather than revealing what exists', async () => {
    expect((await exports.default.fetch('http://local/api/v1/admin/nothing-here')).status).toBe(401);
    expect((await exports.default.fetch('http://local/api/v1/admin/nothing-here', { headers: bearer(await token()) })).status).toBe(404);
  });
});
