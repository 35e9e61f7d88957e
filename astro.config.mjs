// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import sitemap from '@astrojs/sitemap';

/**
 * Pages are rendered whole, then sent, rather than streamed. Every on-demand page reads D1 in its
 * frontmatter before it can write a byte, so streaming gains no first byte here, while pulling the
 * page through a stream chunk by chunk cost a tenth of a profile's CPU (BENCHMARKS.md). The
 * adapter has no option for it, so its one `createApp()` gets Astro's own `streaming: false`; the
 * build stops if that line ever changes, rather than quietly streaming again.
 */
function renderPagesWhole() {
  const streamed = 'const app = createApp();';
  return {
    name: 'render-pages-whole',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('@astrojs/cloudflare/dist/utils/handler.js')) return;
      if (!code.includes(streamed)) throw new Error(`@astrojs/cloudflare's handler no longer has \`${streamed}\`: see renderPagesWhole`);
      return code.replace(streamed, 'const app = createApp({ streaming: false });');
    },
  };
}

const site = process.env.SITE_URL ?? 'http://127.0.0.1:8787';
/** Entry points of the sections rendered on demand from D1 (a profile per employer would be a million entries). */
const onDemandPages = [
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
];

export default defineConfig({
  site,
  output: 'server',
  // The site keeps no server sessions, so the adapter must not add a KV binding for them.
  session: false,
  adapter: cloudflare({ imageService: 'compile' }),
  integrations: [
    sitemap({
      // The staff console is not for search engines or the public; pages rendered on demand are
      // listed once, under the address the site links to (no trailing slash).
      filter: (page) => {
        const path = new URL(page).pathname;
        return !path.startsWith('/admin') && !onDemandPages.some((p) => path === `${p}/`);
      },
      customPages: onDemandPages.map((path) => new URL(path, site).href),
      // Sampling tasks live in D1, so their sitemap is rendered on demand (src/pages/sitemap-tasks.xml.ts).
      customSitemaps: [new URL('/sitemap-tasks.xml', site).href],
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
  vite: { plugins: [renderPagesWhole()] },
});
