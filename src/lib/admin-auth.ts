// The gate in front of every /admin page, run once by src/middleware.ts: the same Cloudflare
// Access verification as the API (functions/auth/access.ts), then the roles the console part
// requires, then a CSRF token for its forms. Pages read the result from Astro.locals.
import { sameSitePath } from '../../functions/http/redirect';
import { env } from 'cloudflare:workers';
import type { APIContext, AstroGlobal } from 'astro';
import {
  ACCESS_COOKIE,
  ADMINS,
  ANY_STAFF,
  authenticateRequest,
  COMPLAINT_HANDLERS,
  hasAnyRole,
  isCrossSiteWrite,
  PUBLISHERS,
  REVIEWERS,
  staffRoleLabels,
  type Staff,
  type StaffRole,
} from '../../functions/auth/access';
import { csrfToken, verifyCsrf } from './admin-csrf';

/** Pages anyone may open: signing in and out. */
const OPEN_PAGES = /^\/admin\/(login|logout)\/?$/;

/** Which staff may open which part of the console; the API declares the same roles per route. */
const CONSOLE_ROLES: [RegExp, readonly StaffRole[]][] = [
  [/^\/admin\/(objections|repairs)(\/|$)/, REVIEWERS],
  [/^\/admin\/complaints(\/|$)/, COMPLAINT_HANDLERS],
  [/^\/admin\/(records|imports|major-violations)(\/|$)/, PUBLISHERS],
  // Read by publishers; registering, pausing and resuming also need ADMINS (src/lib/admin-webhooks.ts).
  [/^\/admin\/webhooks(\/|$)/, PUBLISHERS],
  [/^\/admin\/(audit|officers)(\/|$)/, ADMINS],
];

/** The roles a console path requires, or null for a path outside the gate. */
export function consoleRoles(pathname: string): readonly StaffRole[] | null {
  if (!/^\/admin(\/|$)/.test(pathname) || OPEN_PAGES.test(pathname)) return null;
  return CONSOLE_ROLES.find(([path]) => path.test(pathname))?.[1] ?? ANY_STAFF;
}

export type StaffGate = { ok: true; staff: Staff; csrf: string } | { ok: false; response: Response };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Staff pages are never stored by any cache and never indexed. */
export function staffHeaders(headers: Headers) {
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Robots-Tag', 'noindex, nofollow');
}

/** A plain page for refusals: no layout, no data, nothing a stranger could learn from. */
export function refusal(status: 401 | 403 | 503, title: string, message: string, next?: string): Response {
  const login =
    status === 401
      ? `<p><a href="/admin/login${next ? `?next=${encodeURIComponent(next)}` : ''}">前往登录页</a></p>`
      : '<p><a href="/admin">返回管理后台首页</a></p>';
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow">' +
    `<title>${escapeHtml(title)} - 管理后台</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${login}</main></body></html>`;
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
  staffHeaders(headers);
  return new Response(html, { status, headers });
}

export async function staffGate(context: APIContext, roles: readonly StaffRole[]): Promise<StaffGate> {
  const result = await authenticateRequest(context.request.headers, env);
  if (!result.ok) {
    const title = result.status === 503 ? '身份认证暂时不可用' : '请先登录';
    return { ok: false, response: refusal(result.status, title, result.message, context.url.pathname + context.url.search) };
  }
  if (!hasAnyRole(result.staff, roles)) {
    const required = roles.map((r) => staffRoleLabels[r]).join('、');
    const held = result.staff.roles.map((r) => staffRoleLabels[r]).join('、') || '无';
    return { ok: false, response: refusal(403, '没有权限', `此页面需要以下角色之一：${required}。您的角色：${held}。`) };
  }
  return { ok: true, staff: result.staff, csrf: await csrfToken(context, result.staff) };
}

/** The signed-in staff member of a console page (set by the gate in src/middleware.ts). */
export function currentStaff(Astro: AstroGlobal): { staff: Staff; csrf: string } {
  const { staff, csrf } = Astro.locals;
  // Only reachable if a page outside /admin used this: a bug, never a way in.
  if (!staff || csrf === undefined) throw new Error(`${Astro.url.pathname} is not behind the staff gate`);
  return { staff, csrf };
}

export type StaffForm = { ok: true; form: FormData } | { ok: false; status: number; message: string; form: FormData | null };

/**
 * Reads a staff form after checking it came from this site (Astro's checkOrigin has already refused
 * cross-site posts; this repeats the check for Sec-Fetch-Site) and carries this session's CSRF token.
 */
export async function readStaffForm(Astro: AstroGlobal, staff: Staff): Promise<StaffForm> {
  if (isCrossSiteWrite(Astro.request.method, Astro.request.url, Astro.request.headers))
    return { ok: false, status: 403, message: '不接受来自其他网站的提交。', form: null };
  let form: FormData;
  try {
    form = await Astro.request.formData();
  } catch {
    return { ok: false, status: 400, message: '表单数据格式有误，请重新提交。', form: null };
  }
  if (!(await verifyCsrf(Astro, staff, String(form.get('csrf') ?? '')))) {
    // The answers are shown again, so nothing typed is lost to an expired page.
    return { ok: false, status: 403, message: '页面已过期或不是从本站提交的，请核对下面保留的内容后重新提交。', form };
  }
  return { ok: true, form };
}

/** For the login page: set the cookie Cloudflare Access would set, for a token already verified. */
export function setAccessCookie(Astro: AstroGlobal, token: string, expiresAt: number) {
  Astro.cookies.set(ACCESS_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // Browsers keep Secure cookies from plain-http pages; local use on http://127.0.0.1 needs it off.
    secure: Astro.url.protocol === 'https:',
    maxAge: Math.max(0, expiresAt - Math.floor(Date.now() / 1000)),
  });
}

export function clearAccessCookie(Astro: AstroGlobal) {
  Astro.cookies.delete(ACCESS_COOKIE, { path: '/' });
}

/** Only paths inside the console: a login link must not become an open redirect (functions/http/redirect.ts). */
export function safeNext(next: string | null): string {
  return sameSitePath(next, '/admin', '/admin');
}
