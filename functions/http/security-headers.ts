/**
 * Headers every response carries: the API's through its middleware, the pages' in src/worker.ts,
 * the prerendered ones through public/_headers (a test keeps it equal).
 */
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
