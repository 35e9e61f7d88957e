// Runs before every on-demand page: gives it the one clock of the deployment (DOMAIN.md §9), so
// pages never read the wall clock themselves, and puts every /admin page behind the staff gate —
// once, here, so that no console page can be reached without it.
import { env } from 'cloudflare:workers';
import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { clockFor } from '../functions/domain/clock';
import { consoleRoles, staffGate, staffHeaders } from './lib/admin-auth';
import { checkpointIfDue } from '../functions/audit/checkpoints';
import { signingKey } from '../functions/auth/secrets';
import { openSession } from '../functions/db/session';
import { bookmarkCookie, handsBackBookmark, requestBookmark, sessionStart } from '../functions/http/bookmark';
import { dispatchSoon } from '../functions/sync/dispatch';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.clock = clockFor(env);
  const { request, url } = context;
  const session = openSession(
    env.DB,
    sessionStart({ method: request.method, path: url.pathname, bookmark: requestBookmark(request.headers) }),
  );
  context.locals.db = session.db;
  const response = await (url.pathname.startsWith('/admin') ? staffPage(context, next) : next());
  // After a form was filed, the browser keeps the bookmark, so the receipt and tracking see it.
  const bookmark = handsBackBookmark(request.method, response.status) ? session.bookmark() : null;
  if (bookmark) response.headers.append('Set-Cookie', bookmarkCookie(bookmark, url.protocol === 'https:'));
  return response;
});

/** The staff gate in front of every /admin page, and what follows a staff write. */
async function staffPage(context: APIContext, next: MiddlewareNext) {
  const roles = consoleRoles(context.url.pathname);
  if (roles) {
    const gate = await staffGate(context, roles);
    if (!gate.ok) return gate.response;
    context.locals.staff = gate.staff;
    context.locals.csrf = gate.csrf;
  }
  // Staff pages, sign-in included, are never stored by any cache and never indexed.
  const response = await next();
  staffHeaders(response.headers);
  // After a staff write, a checkpoint of the audit chain when it has grown by another hundred entries,
  // and the webhooks of whatever the write changed.
  if (context.request.method === 'POST' && response.status < 400 && context.locals.staff) {
    const key = signingKey(env, 'AUDIT_SIGNING_KEY');
    context.locals.cfContext?.waitUntil(checkpointIfDue(context.locals.db, context.locals.clock, key, 'growth'));
    context.locals.cfContext?.waitUntil(dispatchSoon(env, context.locals.clock));
  }
  return response;
}
