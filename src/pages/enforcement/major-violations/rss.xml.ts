// RSS 2.0 of 重大劳动保障违法行为社会公布: the newest entries of the quarterly publications, with
// the fields of 人社部令第29号 第六条, each linking to the employer's profile.
import type { APIRoute } from 'astro';
import { listMajorViolations } from '../../../../functions/db/queries/major-violations';
import { formatChineseDate } from '../../../../functions/domain/dates';
import { MAJOR_VIOLATION_FIELDS as F, quarterLabel, type Quarter } from '../../../../functions/domain/major-violations';
import { feedResponse, noticeText } from '../../../lib/feeds';

const ENTRIES_IN_FEED = 50;

export const GET: APIRoute = async ({ url, locals }) => {
  const today = locals.clock.today();
  const items = await listMajorViolations(locals.db, { year: null, quarter: null, page: 1, pageSize: ENTRIES_IN_FEED }, today);
  return feedResponse({
    format: 'rss',
    title: '重大劳动保障违法行为社会公布',
    description: '市和各区人力资源和社会保障局依据人力资源社会保障部令第29号每季度公布的重大劳动保障违法行为。',
    site: url,
    page: '/enforcement/major-violations',
    self: url.pathname,
    asOf: today,
    entries: items.map((e) => {
      const quarter = quarterLabel({ year: e.year, quarter: e.quarter as Quarter });
      return {
        id: `/credit/${e.uscc}#record-${e.id}-${e.status}`,
        title: `${e.subjectName}（${e.authority}${quarter}公布）`,
        link: `/enforcement/major-violations?year=${e.year}&quarter=${e.quarter}`,
        date: e.notice?.on ?? e.publishedOn,
        summary: e.notice
          ? [noticeText('该信息', e.status, e.notice), `${F.uscc}：${e.uscc}`]
          : [
              `${F.uscc}：${e.uscc}`,
              e.address ? `${F.address}：${e.address}` : '',
              e.legalRepresentative ? `${F.legalRepresentative}：${e.legalRepresentative}` : '',
              e.facts ? `${F.facts}：${e.facts}` : '',
              e.handling ? `${F.handling}：${e.handling}` : '',
              `公布日期：${formatChineseDate(e.publishedOn)}`,
            ],
        categories: [quarter, e.authority],
      };
    }),
  });
};
