import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy, securityHeaders } from '../../functions/http/security-headers';

describe('public/_headers', () => {
  it('gives static pages exactly the security headers the Worker adds to the others', () => {
    const lines = readFileSync(resolve(import.meta.dirname, '../../public/_headers'), 'utf8')
      .split('\n')
      .filter((l) => /^\s+\S/.test(l))
      .map((l) => l.trim());
    const expected = [...Object.entries(securityHeaders), ['Content-Security-Policy', pageContentSecurityPolicy]].map(
      ([k, v]) => `${k}: ${v}`,
    );
    expect(lines.sort()).toEqual(expected.sort());
  });
});
