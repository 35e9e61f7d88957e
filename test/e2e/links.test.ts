// Every link a visitor can follow, from the home page and from the sitemap, ends on a page that
// exists: no 4xx or 5xx. Crawled over HTTP (no browser needed to read hrefs), breadth first,
// within the site's own origin; the staff console is left out (it answers 401 by design).
import { describe, expect, inject, it } from 'vitest';
import { sitemapPaths } from './site-pages';

const baseUrl = inject('baseUrl');
/** Enough for every list page and a wide sample of the profiles and tasks they link to. */
const MAX_PAGES = 1500;
const CONNECTIONS = 4;

/** Site-internal targets of `href` and `src` attributes, without fragments. */
function linksOf(html: string, from: URL): string[] {
  const out: string[] = [];
  for (const [, raw] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const href = raw!.replaceAll('&amp;', '&');
    if (/^(mailto|tel|data|javascript):/i.test(href)) continue;
    const url = new URL(href, from);
    if (url.origin !== from.origin || url.pathname.startsWith('/admin')) continue;
    url.hash = '';
    out.push(url.pathname + url.search);
  }
  return out;
}

describe('links (issue: every link ends on a page)', () => {
  it('finds no link from / or the sitemap that answers 4xx or 5xx', { timeout: 300_000 }, async () => {
    const start = ['/', ...(await sitemapPaths(baseUrl))];
    const seen = new Set(start);
    const queue = [...start];
    const referrer = new Map(start.map((p) => [p, 'sitemap']));
    const broken: string[] = [];
    let visited = 0;

    async function visit(path: string) {
      const response = await fetch(new URL(path, baseUrl), { redirect: 'follow' });
      visited++;
      if (response.status >= 400) {
        broken.push(`${response.status} ${path} (linked from ${referrer.get(path)})`);
        await response.body?.cancel();
        return;
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) {
        await response.body?.cancel();
        return;
      }
      for (const link of linksOf(await response.text(), new URL(response.url))) {
        if (seen.has(link) || seen.size >= MAX_PAGES) continue;
        seen.add(link);
        referrer.set(link, path);
        queue.push(link);
      }
    }

    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) await visit(path);
      }),
    );
    expect(broken).toEqual([]);
    // The crawl reached beyond the sitemap: profiles, tasks, cases and the pages they link to.
    expect(visited).toBeGreaterThan(start.length + 100);
  });
});
