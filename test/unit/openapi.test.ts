import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from '../../functions/api/app';
import type { OpenApiDocument } from '../fixtures/openapi';

// The document is generated from the same zod schemas that validate requests; here it is checked
// against the OpenAPI 3.1 schema and against the router itself, route by route.
const app = createApp();
const document = async () => (await app.request('/api/v1/openapi.json')).json<OpenApiDocument>();

/** Every method + path the router answers, in OpenAPI's `{param}` form. */
function routerOperations(): string[] {
  return app.routes
    .filter((r) => r.method !== 'ALL' && r.path !== '/api/v1/openapi.json')
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
}

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the router answers, and nothing else', async () => {
    const doc = await document();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(new Set(documented)).toEqual(new Set(routerOperations()));
  });

  it('documents the error shape on every route that can fail', async () => {
    const doc = await document();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const errorCodes = Object.keys(op.responses).filter((code) => code >= '400');
        for (const code of errorCodes) {
          expect(op.responses[code]?.content?.['application/json']?.schema?.$ref, `${method} ${path} ${code}`).toBe(
            '#/components/schemas/Error',
          );
        }
      }
    }
  });
});
