// wrangler's `main`: /api/* goes to the Hono app, every other path to Astro; the cron triggers and
// the webhook queues go to the API's handlers.
import { handle } from '@astrojs/cloudflare/handler';
import api from '../functions/api/worker';
import type { DeliveryMessage } from '../functions/sync/dispatch';
import { pageContentSecurityPolicy, securityHeaders } from '../functions/http/security-headers';

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === '/api' || pathname.startsWith('/api/')) return api.fetch(request, env, ctx);
    const response = await handle(request, env, ctx);
    // Static assets come back immutable; copy before adding the site-wide headers.
    const withHeaders = new Response(response.body, response);
    for (const [name, value] of Object.entries(securityHeaders)) withHeaders.headers.set(name, value);
    withHeaders.headers.append('Content-Security-Policy', pageContentSecurityPolicy);
    return withHeaders;
  },
  scheduled: api.scheduled,
  queue: api.queue,
} satisfies ExportedHandler<Env, DeliveryMessage>;
