// wrangler's `main`: /api/* goes to the Hono app, every other path to Astro; the cron triggers and
// the webhook queues go to the API's handlers.
import { handle } from '@astrojs/cloudflare/handler';
import api from '../functions/api/worker';
import type { DeliveryMessage } from '../functions/sync/dispatch';
import { pageContentSecurityPolicy, securityHeaders } from '../functions/http/security-headers';

/** Static assets come back with immutable headers and are copied; pages are changed in place, saving a copy per request. */
function mutable(response: Response): Response {
  try {
    response.headers.set('X-Content-Type-Options', 'nosniff');
    return response;
  } catch {
    return new Response(response.body, response);
  }
}

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === '/api' || pathname.startsWith('/api/')) return api.fetch(request, env, ctx);
    const response = await handle(request, env, ctx);
    const withHeaders = mutable(response);
    for (const [name, value] of Object.entries(securityHeaders)) withHeaders.headers.set(name, value);
    withHeaders.headers.append('Content-Security-Policy', pageContentSecurityPolicy);
    return withHeaders;
  },
  scheduled: api.scheduled,
  queue: api.queue,
} satisfies ExportedHandler<Env, DeliveryMessage>;
