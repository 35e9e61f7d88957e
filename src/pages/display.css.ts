// The styles of the reader's display choice (src/lib/display.ts); empty for standard text. Linked
// from every page, rendered on demand so that it follows the cookie on prerendered pages as well.
import type { APIRoute } from 'astro';
import { DISPLAY_COOKIE, LARGE_DISPLAY_CSS } from '../lib/display';

export const GET: APIRoute = ({ cookies }) =>
  new Response(cookies.get(DISPLAY_COOKIE)?.value === 'large' ? LARGE_DISPLAY_CSS : '', {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'private, no-cache', Vary: 'Cookie' },
  });
