// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:8787',
  output: 'server',
  // The site keeps no server sessions, so the adapter must not add a KV binding for them.
  session: false,
  adapter: cloudflare({ imageService: 'compile' }),
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
