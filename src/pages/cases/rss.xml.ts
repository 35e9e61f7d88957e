// RSS 2.0 of every typical case, newest first, for readers and other platforms (DESIGN.md: feeds).
import type { APIContext } from 'astro';
import { caseHref, getCases } from '../../lib/case-collection';
import { feedContentTypes, renderFeed } from '../../lib/feeds';

export const prerender = true;

export async function GET(context: APIContext) {
  const cases = await getCases();
  const body = renderFeed({
    format: 'rss',
    title: '典型案例曝光',
    description: '人力资源和社会保障局公开曝光的劳动保障违法典型案例。',
    site: context.site ?? context.url.origin,
    page: '/cases/',
    self: '/cases/rss.xml',
    // Prerendered: no clock at build time, and the cases themselves date the feed.
    asOf: cases[0]?.data.date ?? '2000-01-01',
    entries: cases.map((entry) => ({
      title: entry.data.title,
      link: caseHref(entry),
      // Case dates are Beijing calendar dates.
      date: entry.data.date,
      summary: entry.data.summary,
      categories: [entry.data.category, entry.data.district, ...entry.data.tags],
    })),
  });
  return new Response(body, { headers: { 'Content-Type': feedContentTypes.rss } });
}
