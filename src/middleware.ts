// Runs before every on-demand page: gives it the one clock of the deployment (DOMAIN.md §9), so
// pages never read the wall clock themselves.
import { env } from 'cloudflare:workers';
import { defineMiddleware } from 'astro:middleware';
import { clockFor } from '../functions/domain/clock';

export const onRequest = defineMiddleware((context, next) => {
  context.locals.clock = clockFor(env);
  return next();
});
