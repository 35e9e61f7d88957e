// The pages of the built site a visitor can reach: every sitemap entry, and a sample of the pages
// rendered on demand (employer profiles, sampling tasks), found through the public API.
export async function sitemapPaths(baseUrl: string): Promise<string[]> {
  const index = await (await fetch(`${baseUrl}/sitemap-index.xml`)).text();
  const paths: string[] = [];
  for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const sitemap = await (await fetch(new URL(new URL(loc!).pathname, baseUrl))).text();
    for (const [, page] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(page!).pathname);
  }
  return paths;
}

/** Profiles of every kind the demo data shows (grades, lists, repairs …) and the published sampling tasks. */
export async function onDemandSample(baseUrl: string, profiles = 12): Promise<string[]> {
  const search = await fetch(`${baseUrl}/api/v1/enterprises?q=${encodeURIComponent('有限公司')}&pageSize=100`);
  const { items } = (await search.json()) as { items: { uscc: string; grade: string | null; negativeRecords: number }[] };
  const byKind = [
    ...items.filter((i) => i.negativeRecords > 1).slice(0, profiles / 2),
    ...items.filter((i) => i.grade === 'A').slice(0, profiles / 4),
    ...items.filter((i) => i.grade === null || i.grade === 'C').slice(0, profiles / 4),
  ];
  const tasks = (await (await fetch(`${baseUrl}/api/v1/sampling/tasks?pageSize=100`)).json()) as { items: { id: string }[] };
  return [
    ...new Set(byKind.map((i) => `/credit/${i.uscc}`)),
    ...tasks.items.map((t) => `/sampling/${t.id}`),
    '/credit?q=%E5%BB%BA%E7%AD%91',
    '/enforcement/penalties',
    '/track',
    '/objections/new',
    '/repairs/new',
    '/complaints/new',
    '/complaints/stats',
  ];
}

/**
 * Every public API response, feed and open-data file about the given employers, and the lists that
 * carry all of them: what a privacy crawl reads besides the pages.
 */
export function publicDataPaths(codes: Iterable<string>): string[] {
  const paths = ['/', `/credit?q=${encodeURIComponent('有限公司')}`];
  for (const code of codes) paths.push(`/credit/${code}`, `/api/v1/enterprises/${code}`, `/credit/${code}/feed.xml`);
  for (const dataset of ['sampling-results', 'penalties', 'repairs', 'wage-arrears', 'major-violations', 'records'])
    paths.push(`/api/v1/open-data/${dataset}?format=json`, `/api/v1/open-data/${dataset}?format=csv`);
  paths.push('/api/v1/penalties?pageSize=100', '/api/v1/repairs/published', '/api/v1/sampling/tasks');
  // The feeds are not in the sitemap of pages; they publish the same records.
  paths.push('/cases/rss.xml', '/sampling/rss.xml', '/enforcement/penalties/rss.xml');
  paths.push('/credit/lists/wage-arrears/rss.xml', '/enforcement/major-violations/rss.xml', '/api/v1/lists/wage-arrears?format=csv');
  paths.push('/api/v1/changes?limit=1000');
  paths.push('/complaints/stats', '/api/v1/complaints/stats', '/complaints/new');
  return paths;
}
