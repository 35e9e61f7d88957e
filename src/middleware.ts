// Runs before every on-demand page: gives it the one clock of the deployment (DOMAIN.md §9), so
// pages never read the wall clock themselves, and puts every /admin page behind the staff gate —
// once, here, so that no console page can be reached without it.
import { env } from 'cloudflare:workers';
import { defineMiddleware } from 'astro:middleware';
import { clockFor } from '../functions/domain/clock';
import { consoleRoles, staffGate, staffHeaders } from './lib/admin-auth';
import { checkpointIfDue } from '../functions/audit/checkpoints';
import { signingKey } from '../functions/auth/secrets';
import { getDb } from '../functions/db/client';
import { dispatchSoon } from '../functions/sync/dispatch';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.clock = clockFor(env);
  if (!context.url.pathname.startsWith('/admin')) return next();
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
    context.locals.cfContext?.waitUntil(checkpointIfDue(getDb(env.DB), context.locals.clock, key, 'growth'));
    context.locals.cfContext?.waitUntil(dispatchSoon(env, context.locals.clock));
  }
  return response;
});
