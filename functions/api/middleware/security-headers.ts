import type { MiddlewareHandler } from 'hono';

/** Headers every API response carries; pages get theirs in src/worker.ts from the same list. */
export const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Frame-Options': 'DENY',
};

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * Pages carry their full policy (with script and style hashes) in a <meta> written by Astro; a
 * <meta> cannot forbid framing, so this header adds that. Browsers enforce every policy given.
 */
export const pageContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

export const withSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // Open data is for other sites too, but only to read: CORS only on public GETs, never on staff routes.
  if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.req.path.startsWith('/api/v1/admin')) {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
  }
  for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', apiContentSecurityPolicy);
};
