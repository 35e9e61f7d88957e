// RSS 2.0 of 拖欠农民工工资失信联合惩戒对象名单: the newest listings, each linking to the employer's
// profile. An early removal or a withdrawal carries its notice, and its state in the guid makes the
// notice a new item for readers that already have the listing.
import type { APIRoute } from 'astro';
import { listWageArrears } from '../../../../../functions/db/queries/wage-arrears';
import { formatChineseDate } from '../../../../../functions/domain/dates';
import { listingStateLabels } from '../../../../../functions/domain/labels';
import { feedResponse } from '../../../../lib/feeds';

const LISTINGS_IN_FEED = 50;

export const GET: APIRoute = async ({ url, locals }) => {
  const today = locals.clock.today();
  const { items } = await listWageArrears(locals.db, { district: null, year: null, page: 1, pageSize: LISTINGS_IN_FEED }, today);
  return feedResponse({
    format: 'rss',
    title: '拖欠农民工工资失信联合惩戒对象名单',
    description: '依据人力资源社会保障部令第45号列入名单的用人单位及其负责人，按列入日期排列；提前移出和撤销的附公告。',
    site: url,
    page: '/credit/lists/wage-arrears',
    self: url.pathname,
    asOf: today,
    entries: items.map((e) => ({
      id: `/credit/${e.uscc}#record-${e.id}-${e.state}`,
      title: `${e.employerName}${e.state === 'listed' ? '列入名单' : `：${listingStateLabels[e.state]}`}`,
      link: `/credit/${e.uscc}#record-${e.id}`,
      date: e.notice?.on ?? e.listedOn,
      summary: [
        `统一社会信用代码：${e.uscc}`,
        e.notice ? `${listingStateLabels[e.state]}（${e.notice.on ? formatChineseDate(e.notice.on) : '—'}）：${e.notice.reason ?? ''}` : '',
        e.persons.length ? `列入名单的人员：${e.persons.map((p) => `${p.name}（${p.role}）`).join('、')}` : '',
        `列入日期：${formatChineseDate(e.listedOn)}；作出决定的部门：${e.authority}`,
        e.reason ? `列入事由：${e.reason}` : '',
        e.termEndsOn ? `名单期限届满：${formatChineseDate(e.termEndsOn)}` : '',
      ],
      categories: [e.district],
    })),
  });
};
