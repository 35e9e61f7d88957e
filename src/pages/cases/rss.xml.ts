// RSS 2.0 of every typical case, newest first, for readers and other platforms (DESIGN.md: feeds).
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { caseHref, getCases } from '../../lib/case-collection';

export const prerender = true;

export async function GET(context: APIContext) {
  const cases = await getCases();
  return rss({
    title: '典型案例曝光 - 人社监管公示与信用查询',
    description: '人力资源和社会保障局公开曝光的劳动保障违法典型案例。',
    site: context.site ?? context.url.origin,
    items: cases.map((entry) => ({
      title: entry.data.title,
      link: caseHref(entry),
      // Case dates are Beijing calendar dates.
      pubDate: new Date(`${entry.data.date}T00:00:00+08:00`),
      description: entry.data.summary,
      categories: [entry.data.category, entry.data.district, ...entry.data.tags],
    })),
    customData: '<language>zh-cn</language>',
  });
}
