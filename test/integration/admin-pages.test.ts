// The page-side helpers of the staff console: where the login page may send you, refusal pages,
// CSRF tokens and form parsing. The gate itself is tested by requests against the built site
// (test/e2e/staff-gate.test.ts).
import { describe, expect, it } from 'vitest';
import { refusal, safeNext } from '../../src/lib/admin-auth';
import { csrfToken, verifyCsrf } from '../../src/lib/admin-csrf';
import { csrfSignature } from '../../functions/auth/csrf';
import { objectionDecisionFromForm, recordFromForm } from '../../src/lib/admin-forms';
import type { Staff } from '../../functions/auth/access';
import type { RecordRow } from '../../functions/db/queries/admin-cases';

describe('safeNext (where the login page sends you)', () => {
  it('stays inside the console', () => {
    expect(safeNext('/admin/objections?overdue=true')).toBe('/admin/objections?overdue=true');
    expect(safeNext('/admin')).toBe('/admin');
    const refused = ['https://evil.example/admin', '//evil.example', '/administrator', '/credit', null, '', '/admin\\@evil'];
    // Control characters would end up in the Location header (a 500, or a header injected).
    refused.push('/admin\r\nSet-Cookie: x=1', '/admin/records\n', '/admin\u0000', '/admin/\t');
    for (const bad of refused) {
      expect(safeNext(bad), String(bad)).toBe('/admin');
    }
  });
});

describe('refusal pages', () => {
  it('answer with the status, no caching, no indexing, and a way to log in', async () => {
    const res = refusal(401, '请先登录', '请先通过统一身份认证登录管理后台。', '/admin/records?x=<b>');
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await res.text();
    expect(html).toContain('/admin/login?next=%2Fadmin%2Frecords%3Fx%3D%3Cb%3E');
    expect(html).not.toContain('<b>');
  });
});

/** Just enough of a request for the CSRF helpers: a cookie jar and the URL. */
function fakeAstro(jar: Map<string, string>) {
  return {
    url: new URL('http://127.0.0.1:8787/admin/records'),
    cookies: {
      get: (name: string) => (jar.has(name) ? { value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => jar.set(name, value),
    },
  } as unknown as Parameters<typeof csrfToken>[0];
}

describe('CSRF tokens of staff forms', () => {
  const staff: Staff = { actor: 'zhang.wei@hrss.example', email: 'zhang.wei@hrss.example', roles: ['reviewer'], expiresAt: 0 };
  it('verify for the same browser and the same staff member only', async () => {
    const jar = new Map<string, string>();
    const token = await csrfToken(fakeAstro(jar), staff);
    expect(jar.get('hrss_admin_csrf')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await csrfToken(fakeAstro(jar), staff)).toBe(token);
    expect(await verifyCsrf(fakeAstro(jar), staff, token)).toBe(true);
    expect(await verifyCsrf(fakeAstro(jar), { ...staff, actor: 'someone@hrss.example' }, token)).toBe(false);
    expect(await verifyCsrf(fakeAstro(new Map([['hrss_admin_csrf', 'A'.repeat(43)]])), staff, token)).toBe(false);
    expect(await verifyCsrf(fakeAstro(new Map()), staff, token)).toBe(false);
    expect(await verifyCsrf(fakeAstro(jar), staff, '')).toBe(false);
  });

  // A token keyed by the cookie's own nonce could be computed by anyone holding the cookie; only
  // the server's CSRF_SECRET mints one.
  it('cannot be minted without the server secret', async () => {
    const jar = new Map<string, string>();
    await csrfToken(fakeAstro(jar), staff);
    const nonce = jar.get('hrss_admin_csrf')!;
    const encoder = new TextEncoder();
    const key = await crypto.subtle.importKey('raw', encoder.encode(nonce), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(staff.actor)));
    const forged = btoa(String.fromCharCode(...mac))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(await verifyCsrf(fakeAstro(jar), staff, forged)).toBe(false);
    expect(await verifyCsrf(fakeAstro(jar), staff, await csrfSignature('another-secret', nonce, staff))).toBe(false);
    // Bound to the Access session as well: the same actor's next session needs a new token.
    const token = await csrfToken(fakeAstro(jar), staff);
    expect(await verifyCsrf(fakeAstro(jar), { ...staff, expiresAt: staff.expiresAt + 3600 }, token)).toBe(false);
  });
});

describe('console forms → the API schemas', () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.set(k, v);
    return f;
  };

  it('turns a hand-entered record into RecordInput, yuan into fen', () => {
    const parsed = recordFromForm(
      form({
        uscc: '91110105MA01ABCD3X',
        kind: 'no_penalty',
        severity: 'none',
        title: '不予处罚',
        authority: '局',
        decidedOn: '2026-11-02',
        penaltyTypes: '',
        fineYuan: '1,234.5',
      }),
    );
    expect(parsed).toMatchObject({ ok: true, value: { kind: 'no_penalty', fineFen: 123_450, penaltyTypes: [] } });
    expect(recordFromForm(form({ fineYuan: 'abc' }))).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([{ path: 'fineYuan', message: expect.any(String) }]),
    });
  });

  it('sends only the fields a correction actually changes', () => {
    const record = {
      title: '拖欠 13 名劳动者工资',
      decisionNo: '京朝人社监罚字〔2026〕第 1 号',
      authority: '局',
      decidedOn: '2026-06-01',
      severity: 'general',
      violationType: '拖欠工资',
      facts: '事实',
      legalBasis: '依据',
      penaltyTypes: ['罚款'],
      penaltyContent: '罚款',
      fineFen: 2_000_000,
    } as RecordRow;
    const parsed = objectionDecisionFromForm(
      form({
        outcome: 'corrected',
        correctionNote: '人数更正为 3 人。',
        'changes.title': '拖欠 3 名劳动者工资',
        'changes.decisionNo': record.decisionNo!,
        'changes.authority': '局',
        'changes.decidedOn': '2026-06-01',
        'changes.severity': 'general',
        'changes.violationType': '拖欠工资',
        'changes.facts': '事实',
        'changes.legalBasis': '依据',
        'changes.penaltyTypes': '罚款',
        'changes.penaltyContent': '罚款',
        'changes.fineYuan': '20000.00',
      }),
      record,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { outcome: 'corrected', correctionNote: '人数更正为 3 人。', changes: { title: '拖欠 3 名劳动者工资' } },
    });
  });
});
