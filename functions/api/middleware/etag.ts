import type { MiddlewareHandler } from 'hono';
import { toHex } from '../../domain/hex';

/** What a 304 keeps of the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

const tagsIn = (ifNoneMatch: string): string[] => ifNoneMatch.match(/"[^"]*"/g) ?? [];

/**
 * A strong ETag over the body of every successful GET, and 304 when the client holds it. A copy of
 * the body is read whole by the runtime and hashed in one call: hono/etag reads it chunk by chunk
 * in JavaScript, which a CPU profile of the profile API showed as a sixth of the request's time
 * (BENCHMARKS.md). Bodies of the routes this guards are small JSON; streamed downloads are left out
 * by the caller.
 */
export const etag: MiddlewareHandler = async (c, next) => {
  await next();
  const method = c.req.method;
  if ((method !== 'GET' && method !== 'HEAD') || c.res.status !== 200 || c.res.headers.has('ETag')) return;
  const tag = `"${toHex(new Uint8Array(await crypto.subtle.digest('SHA-1', await c.res.clone().arrayBuffer())))}"`;
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch === '*' || (ifNoneMatch && tagsIn(ifNoneMatch).includes(tag))) {
    const headers = new Headers({ ETag: tag });
    for (const name of KEPT_ON_304) {
      const value = c.res.headers.get(name);
      if (value !== null && name !== 'etag') headers.set(name, value);
    }
    c.res = undefined;
    c.res = new Response(null, { status: 304, headers });
  } else {
    c.res.headers.set('ETag', tag);
  }
};
