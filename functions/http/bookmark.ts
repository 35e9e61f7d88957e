// Read-your-writes across D1 read replicas (DESIGN.md: D1 Sessions). A request that writes, and
// every staff request, starts at the primary; an anonymous read may be served by any replica,
// unless the client brings the bookmark it was given after its last write, in which case the
// replica must have caught up with that write first.
import { cookieValue } from './cookies';

/** Sent back after a write, and accepted on later requests (header for API clients, cookie for browsers). */
export const BOOKMARK_HEADER = 'X-D1-Bookmark';
export const BOOKMARK_COOKIE = 'd1-bookmark';
/** Long enough to follow a submission to its receipt and tracking page; replicas catch up in seconds. */
export const BOOKMARK_MAX_AGE_SECONDS = 600;

/** D1 bookmarks are hyphen-separated hex groups; anything else is ignored, never passed to D1. */
const BOOKMARK_SHAPE = /^[0-9a-f]{1,64}(?:-[0-9a-f]{1,64}){0,7}$/i;

/** A D1 session constraint, or a bookmark to start from (D1's withSession takes either). */
export type SessionStart = 'first-primary' | 'first-unconstrained' | (string & {});

const readsOnly = (method: string) => method === 'GET' || method === 'HEAD';
const isStaffPath = (path: string) => path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/v1/admin');

export function validBookmark(value: string | null | undefined): string | null {
  return value && value.length <= 300 && BOOKMARK_SHAPE.test(value) ? value : null;
}

/** Where a request's reads start. */
export function sessionStart(request: { method: string; path: string; bookmark: string | null }): SessionStart {
  if (!readsOnly(request.method) || isStaffPath(request.path)) return 'first-primary';
  const bookmark = validBookmark(request.bookmark);
  return bookmark ?? 'first-unconstrained';
}

/** Whether the response should carry the session's bookmark: after a write that succeeded. */
export function handsBackBookmark(method: string, status: number): boolean {
  return !readsOnly(method) && status < 400;
}

/** The cookie that carries the bookmark to the pages a browser opens next. */
export function bookmarkCookie(bookmark: string, secure: boolean): string {
  return `${BOOKMARK_COOKIE}=${bookmark}; Path=/; Max-Age=${BOOKMARK_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The bookmark a request brings: the header first (API clients), else the cookie (browsers). */
export function requestBookmark(headers: Headers): string | null {
  return headers.get(BOOKMARK_HEADER) || cookieValue(headers.get('Cookie'), BOOKMARK_COOKIE);
}
