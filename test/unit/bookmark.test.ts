import { describe, expect, it } from 'vitest';
import { bookmarkCookie, handsBackBookmark, requestBookmark, sessionStart, validBookmark } from '../../functions/http/bookmark';

// Where a request's D1 reads start (DESIGN.md: D1 Sessions, read-your-writes after a submission).
const bm = '00000001-0000000a-00004f24-8e5b1c2d3e4f5a6b7c8d9e0f1a2b3c4d';

describe('D1 session start', () => {
  it('reads anonymous GETs from any replica, or from one that has the bookmark the client brings', () => {
    expect(sessionStart({ method: 'GET', path: '/credit/x', bookmark: null })).toBe('first-unconstrained');
    expect(sessionStart({ method: 'GET', path: '/track', bookmark: bm })).toBe(bm);
  });

  it('starts writes and every staff request at the primary', () => {
    expect(sessionStart({ method: 'POST', path: '/api/v1/objections', bookmark: bm })).toBe('first-primary');
    expect(sessionStart({ method: 'GET', path: '/admin/objections', bookmark: null })).toBe('first-primary');
    expect(sessionStart({ method: 'GET', path: '/api/v1/admin/records', bookmark: bm })).toBe('first-primary');
    expect(sessionStart({ method: 'GET', path: '/administration', bookmark: null })).toBe('first-unconstrained');
  });

  it('never passes a malformed or oversized bookmark to D1', () => {
    for (const bad of ['', 'first-primary', 'abc; DROP', 'g'.repeat(10), `${'a'.repeat(64)}-`.repeat(8), '1-2-3-4-5-6-7-8-9']) {
      expect(validBookmark(bad), bad).toBeNull();
      expect(sessionStart({ method: 'GET', path: '/', bookmark: bad })).toBe('first-unconstrained');
    }
  });

  it('hands the bookmark back after a successful write only', () => {
    expect(handsBackBookmark('POST', 201)).toBe(true);
    expect(handsBackBookmark('POST', 303)).toBe(true);
    expect(handsBackBookmark('POST', 422)).toBe(false);
    expect(handsBackBookmark('GET', 200)).toBe(false);
  });

  it('reads the header before the cookie, and writes an HttpOnly cookie', () => {
    expect(requestBookmark(new Headers({ 'X-D1-Bookmark': bm, Cookie: 'd1-bookmark=other' }))).toBe(bm);
    expect(requestBookmark(new Headers({ Cookie: `a=1; d1-bookmark=${bm}` }))).toBe(bm);
    expect(requestBookmark(new Headers())).toBeNull();
    expect(bookmarkCookie(bm, true)).toBe(`d1-bookmark=${bm}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure`);
  });
});
