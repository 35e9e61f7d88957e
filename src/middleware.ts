// Runs before every on-demand page: gives it the one clock of the deployment (DOMAIN.md §9), so
// pages never read the wall clock themselves, and puts every /admin page behind the staff gate —
// once, here, so that no console page can be reached without it.
import { env } from 'cloudflare:workers';
import { defineMiddleware } from 'astro:middleware';
import { clockFor } from '../functions/domain/clock';
import { consoleRoles, staffGate, staffHeaders } from './lib/admin-auth';

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
  return response;
});
