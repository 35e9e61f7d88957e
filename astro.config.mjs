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
  // Lists the prerendered pages (cases, enforcement disclosures); pages built from D1 on demand are not in it.
  integrations: [sitemap()],
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
