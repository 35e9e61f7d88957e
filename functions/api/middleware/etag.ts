import type { MiddlewareHandler } from 'hono';
import { etagMatches, etagOf } from '../../http/etag';

/** What a 304 keeps of the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'expires', 'vary'];

/**
 * An ETag on every successful GET, and 304 when the client holds it. Routes that hold their body as
 * text set the tag themselves (`etagOf`, as the profile does, functions/api/routes/enterprises.ts);
 * for the rest the body is read back from a copy. Streamed downloads are left out by the caller.
 */
export const etag: MiddlewareHandler = async (c, next) => {
  await next();
  const method = c.req.method;
  if ((method !== 'GET' && method !== 'HEAD') || c.res.status !== 200) return;
  const routeTag = c.res.headers.get('ETag');
  const tag = routeTag ?? etagOf(await c.res.clone().text());
  if (etagMatches(c.req.header('If-None-Match'), tag)) {
    const headers = new Headers({ ETag: tag });
    for (const name of KEPT_ON_304) {
      const value = c.res.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    c.res = undefined;
    c.res = new Response(null, { status: 304, headers });
  } else if (!routeTag) {
    c.res.headers.set('ETag', tag);
  }
};
