// Property-based fuzzing of every API route inside workerd against the real D1: whatever a client
// sends, the API answers below 500, in the error shape, without internals, in bounded time, and a
// rejected request changes nothing in D1.
import { env, exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../fixtures/api';
import { createAccessKeys, signAccessToken } from '../fixtures/access-tokens';
import { insertEnterprise, insertRecord, makeUscc } from '../fixtures/enterprises';
import type { OpenApiDocument } from '../fixtures/openapi';
import { insertSamplingResult, insertSamplingTask } from '../fixtures/sampling';
import { addMonths } from '../../functions/domain/dates';
import { today } from '../fixtures/today';

const uscc = makeUscc('MA01FQ901');
let recordId = 0;
let templates: { method: string; path: string }[] = [];
let requests = 0;
let staffToken = '';

const hostile = fc.constantFrom(
  "' OR 1=1 --",
  '"; DROP TABLE enterprises; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u202eevil\u202c',
  'a\u200bb\u200d',
  '\u2066建筑\u2069\ufeff',
  '\u0000',
  '\u0000建筑',
  '建\u0000筑"',
  '\u0001\u0008\u001b[31m\u007f\u0085\u009f',
  '\r\nSet-Cookie: a=1',
  'a\u2028b\u2029',
  '𠀀𠀁😀🏳️‍🌈',
  '\ud800',
  '%00%ff%c0%af',
  '../../etc/passwd',
  'NEAR(a b)',
  '*',
  '0x10',
  '1e309',
  '-1',
  '99999999999999999999',
  'null',
  '__proto__',
  ' '.repeat(300),
  '京'.repeat(5000),
);
const text = fc.oneof(
  hostile,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant(uscc),
  fc.constant('科技'),
);

const protoKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const deep = (depth: number): unknown => (depth === 0 ? { uscc } : { a: deep(depth - 1) });
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.oneof(protoKeys, fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 2 })),
  fc.record({
    uscc: fc.oneof(text, fc.constant(uscc), fc.integer()),
    recordId: fc.oneof(fc.integer(), text, fc.constant(recordId), fc.constant(null)),
    grounds: fc.oneof(text, fc.constantFrom('wrong_info', 'other')),
    statement: fc.oneof(text, fc.array(fc.string())),
    applicant: fc.oneof(fc.constant(null), fc.record({ name: text, phone: text, email: text }), fc.jsonValue()),
  }),
  // A staff record, its free text and its detail hostile.
  fc.record({
    uscc: fc.oneof(text, fc.constant(uscc)),
    kind: fc.oneof(text, fc.constantFrom('penalty', 'no_penalty', 'sampling_result')),
    severity: fc.oneof(text, fc.constantFrom('general', 'serious', 'minor')),
    title: text,
    decisionNo: text,
    authority: text,
    decidedOn: fc.oneof(text, fc.constant('2026-06-01')),
    facts: text,
    penaltyTypes: fc.array(text, { maxLength: 3 }),
    detail: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 5, max: 3000 }).map(deep), fc.dictionary(text, text)),
    reason: text,
    note: text,
  }),
  fc.integer({ min: 50, max: 3000 }).map(deep),
);

type FuzzBody = { type?: string; body?: BodyInit };
const body: fc.Arbitrary<FuzzBody> = fc.oneof(
  fc.constant<FuzzBody>({}),
  jsonValue.map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? 'null' })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', body: s })),
  fc
    .tuple(fc.constantFrom('application/json', 'multipart/form-data; boundary=zz', 'text/plain'), fc.uint8Array({ maxLength: 300 }))
    .map(([type, bytes]) => ({ type, body: bytes })),
  fc
    .dictionary(
      fc.oneof(
        fc.constantFrom(
          'uscc',
          'recordId',
          'grounds',
          'statement',
          'applicant.name',
          'applicant.phone',
          'applicant.email',
          'attachments',
          'evidence',
          'commitment',
        ),
        fc.string({ maxLength: 10 }),
      ),
      fc.oneof(
        text,
        fc.uint8Array({ maxLength: 64 }).map((b) => new File([b], 'x.pdf')),
      ),
      { maxKeys: 8 },
    )
    .map((fields) => {
      const form = new FormData();
      // workerd's FormData refuses names ending in a backslash; such a request cannot be built at all.
      for (const [k, v] of Object.entries(fields)) form.append(k.replace(/\\+$/, ''), v as string | Blob);
      return { body: form };
    }),
);

const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'q',
      'page',
      'pageSize',
      'district',
      'year',
      'from',
      'to',
      'format',
      'result',
      'violationType',
      'actor',
      'target',
      'action',
      'status',
      'kind',
      'overdue',
    ),
    fc.string({ maxLength: 8 }),
  ),
  text,
  { maxKeys: 4 },
);

/** Percent-encoded, with lone surrogates replaced: what a client can actually put on the wire. */
const ascii = (value: string) => encodeURIComponent(value.toWellFormed());

function fill(template: string, values: string[]): string {
  let i = 0;
  return template.replace(/\{[^}]+\}/g, () => ascii(values[i++ % values.length] ?? ''));
}

const request = fc.record({
  route: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((i) => templates[i % templates.length]!) },
    { weight: 1, arbitrary: fc.record({ method: fc.constant('GET'), path: fc.webPath().map((p) => `/api/v1${p}`) }) },
  ),
  method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), { nil: undefined, freq: 3 }),
  params: fc.array(fc.oneof(text, fc.constant(uscc), fc.constant('SJ-2026-901')), { minLength: 1, maxLength: 3 }),
  query,
  body,
  // Header values are bytes on the wire; percent-encoding keeps hostile strings in ASCII.
  headers: fc.record(
    {
      'Idempotency-Key': fc.oneof(fc.uuid(), text.map(ascii)),
      'X-Access-Code': text.map(ascii),
      Accept: fc.constantFrom('text/csv', 'application/json', '*/*', 'text/html'),
      // A real token of every role too, so that the staff routes' validation is fuzzed, not only their gate.
      'Cf-Access-Jwt-Assertion': fc.oneof(
        text.map(ascii),
        fc.constant('eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJhZG1pbiJdfQ.'),
        fc.constant(null).map(() => staffToken),
      ),
    },
    { requiredKeys: [] },
  ),
  client: fc.ipV4(),
});

/** What a rejected request must leave as it was. */
async function fingerprint(): Promise<string> {
  const tables = [
    'enterprises',
    'credit_records',
    'objections',
    'repairs',
    'case_events',
    'attachments',
    'audit_log',
    'sampling_tasks',
    'sampling_results',
    'imports',
  ];
  const counts = await env.DB.batch(
    tables.map((t) => env.DB.prepare(`SELECT '${t}' AS t, count(*) AS n, coalesce(max(rowid), 0) AS m FROM ${t}`)),
  );
  return JSON.stringify(counts.map((c) => c.results[0]));
}

beforeAll(async () => {
  const keys = await createAccessKeys();
  env.ACCESS_JWKS = keys.jwks;
  staffToken = await signAccessToken(keys, {
    audience: env.ACCESS_AUD,
    issuer: env.ACCESS_ISSUER,
    roles: ['admin', 'publisher', 'reviewer'],
    expiresIn: 3 * 3600,
  });
  await insertEnterprise(env.DB, { uscc, name: '北京模糊测试科技有限公司' });
  recordId = (await insertRecord(env.DB, { uscc, decidedOn: addMonths(today, -4), publishUntil: addMonths(today, 8) })).id;
  await insertSamplingTask(env.DB, { id: 'SJ-2026-901' });
  await insertSamplingResult(env.DB, { taskId: 'SJ-2026-901', uscc });
  const doc = await (await exports.default.fetch('http://local/api/v1/openapi.json')).json<OpenApiDocument>();
  templates = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
});

describe('fuzzing every API route', () => {
  it('never answers 5xx, always the error shape, never internals, nothing written when rejected', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const method = r.method ?? r.route.method;
        const url = new URL(`http://local${fill(r.route.path, r.params)}`);
        for (const [k, v] of Object.entries(r.query)) url.searchParams.append(k, v);
        const headers = new Headers({ 'CF-Connecting-IP': r.client });
        for (const [k, v] of Object.entries(r.headers)) {
          try {
            headers.set(k, v as string);
          } catch {
            // Not a legal header value: no client could send it.
          }
        }
        const withBody = method !== 'GET' && method !== 'HEAD';
        if (withBody && r.body.type) headers.set('Content-Type', r.body.type);
        const before = withBody ? await fingerprint() : null;
        const started = Date.now();
        const res = await exports.default.fetch(url, { method, headers, body: withBody ? r.body.body : undefined });
        const elapsed = Date.now() - started;
        const raw = await res.text();
        requests++;

        expect(res.status, `${method} ${url.pathname}`).toBeLessThan(500);
        expect(elapsed, `${method} ${url.pathname} took ${elapsed} ms`).toBeLessThan(5_000);
        expect(raw).not.toMatch(/\bat [\w$.<>]+ \(|node_modules|\.ts:\d+|SQLITE_|D1_ERROR/);
        if (res.status >= 400 && method !== 'HEAD') {
          const parsed: ApiErrorBody = JSON.parse(raw);
          expect(Object.keys(parsed)).toEqual(['error']);
          expect(parsed.error.code).toMatch(/^[a-z_]+$/);
          expect(typeof parsed.error.message).toBe('string');
          if (before !== null) expect(await fingerprint()).toBe(before);
        }
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
    expect(requests).toBeGreaterThanOrEqual(10_000);
  }, 600_000);
});
