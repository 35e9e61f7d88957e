import type { MiddlewareHandler } from 'hono';
import { apiContentSecurityPolicy, securityHeaders } from '../../http/security-headers';

export const withSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // Open data is for other sites too, but only to read: CORS only on public GETs, never on staff routes.
  if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.req.path.startsWith('/api/v1/admin')) {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
  }
  for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', apiContentSecurityPolicy);
};
