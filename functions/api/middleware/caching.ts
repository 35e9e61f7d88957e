import type { MiddlewareHandler } from 'hono';

/**
 * Public reads may be stored by browsers and shared caches but must be revalidated each time
 * (`no-cache`), so a changed record shows at once; the ETag makes revalidation a cheap 304.
 * Staff routes and errors are never stored.
 */
export const publicCaching: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.headers.has('Cache-Control')) return;
  const publicRead = (c.req.method === 'GET' || c.req.method === 'HEAD') && !c.req.path.includes('/admin/');
  c.res.headers.set('Cache-Control', publicRead && c.res.status < 400 ? 'public, no-cache' : 'no-store');
};
