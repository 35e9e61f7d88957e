// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import sitemap from '@astrojs/sitemap';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:8787',
  output: 'server',
  // The site keeps no server sessions, so the adapter must not add a KV binding for them.
  session: false,
  adapter: cloudflare({ imageService: 'compile' }),
  // Lists the prerendered pages, plus the entry points of the sections rendered on demand from D1
  // (a profile per employer would be a million entries; the search and open data lead to them).
  integrations: [
    sitemap({
      // The staff console is not for search engines or the public.
      filter: (page) => !new URL(page).pathname.startsWith('/admin'),
      customPages: [
        '/credit',
        '/credit/lists/wage-arrears',
        '/sampling',
        '/enforcement/penalties',
        '/enforcement/major-violations',
        '/enforcement/officers',
        '/objections/new',
        '/repairs/new',
        '/repairs/results',
        '/track',
      ].map((path) => new URL(path, process.env.SITE_URL ?? 'http://127.0.0.1:8787').href),
    }),
  ],
  build: { inlineStylesheets: 'always' },
  security: {
    // Cross-site form posts are refused on every on-demand page.
    checkOrigin: true,
    // Astro hashes every script and style it emits into a Content-Security-Policy <meta>, so no
    // inline code runs unless it was written here; frame-ancestors is sent as a header by src/worker.ts.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // Turnstile's challenge frame, on the submission forms when a site key is configured.
        'frame-src https://challenges.cloudflare.com',
      ],
      // Pagefind's search index is WebAssembly, loaded from /pagefind/ on the search page only.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'", 'https://challenges.cloudflare.com'] },
    },
  },
  // Cases have no code blocks; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
