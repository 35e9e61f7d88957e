// RSS 2.0 of 行政处罚决定公开 (DESIGN.md: feeds): the newest page of /enforcement/penalties, each
// decision linking to the party's credit profile, and the newest withdrawals and repairs from the
// change log, however old the decision. A withdrawn or repaired decision carries its notice only,
// and its status in the guid makes the notice a new item.
import type { APIRoute } from 'astro';
import { latestPenalties } from '../../../../functions/db/queries/penalties';
import { recentNotices } from '../../../../functions/db/queries/changes';
import { formatChineseDate, formatYuan } from '../../../../functions/domain/dates';
import { recordStatusLabels } from '../../../../functions/domain/labels';
import { feedResponse, NOTICES_IN_FEED, noticeText, withNotices } from '../../../lib/feeds';

const DECISIONS_IN_FEED = 50;

export const GET: APIRoute = async ({ url, locals }) => {
  const today = locals.clock.today();
  const db = locals.db;
  const [items, notices] = await Promise.all([
    latestPenalties(db, DECISIONS_IN_FEED, today),
    recentNotices(db, { kinds: ['penalty'] }, today, NOTICES_IN_FEED),
  ]);
  return feedResponse({
    format: 'rss',
    title: '行政处罚决定公开',
    description: '人力资源和社会保障局作出的劳动保障行政处罚决定，按决定日期排列；撤销或修复的决定附公告。',
    site: url,
    page: '/enforcement/penalties',
    self: url.pathname,
    asOf: today,
    entries: withNotices(
      items.map((p) => {
        const profile = `/credit/${p.uscc}`;
        const subject = p.decisionNo ?? p.violationType ?? '处罚决定';
        return {
          id: `${profile}#record-${p.id}-${p.status}`,
          title: `${p.partyName}：${subject}${p.withdrawal ? `（${recordStatusLabels[p.status]}）` : ''}`,
          link: `${profile}#record-${p.id}`,
          date: p.withdrawal?.on ?? p.decidedAt,
          summary: p.withdrawal
            ? [noticeText('该处罚决定', p.status, p.withdrawal), `决定日期：${formatChineseDate(p.decidedAt)}；处罚机关：${p.authority}`]
            : [
                p.violationType ? `违法行为类型：${p.violationType}` : '',
                p.facts ? `主要违法事实：${p.facts}` : '',
                p.legalBasis ? `处罚依据：${p.legalBasis}` : '',
                p.penaltyTypes.length > 0 ? `处罚类别：${p.penaltyTypes.join('、')}` : '',
                p.penaltyContent ? `处罚内容：${p.penaltyContent}` : '',
                p.fineFen !== null ? `罚款金额：${formatYuan(p.fineFen)}` : '',
                `决定日期：${formatChineseDate(p.decidedAt)}；处罚机关：${p.authority}`,
                p.publishUntil ? `公示截止期：${formatChineseDate(p.publishUntil)}` : '',
              ],
          categories: p.violationType ? [p.violationType] : [],
        };
      }),
      notices,
    ),
  });
};
