import type { APIRoute } from 'astro';
import { lookUpProfile } from '../../../../functions/disclosure/profile-lookup';
import { statusOf } from '../../../../functions/http/status';
import { recordHeading, recordStatusLabels } from '../../../../functions/domain/labels';
import { recentNotices } from '../../../../functions/db/queries/changes';
import { feedResponse, NOTICES_IN_FEED, noticeText, withNotices } from '../../../lib/feeds';

/**
 * Atom feed of one employer's public records, for media and the employer itself to follow changes:
 * a withdrawal or a repair is an entry of its own, dated when the change log recorded it.
 */
export const GET: APIRoute = async ({ params, url, locals }) => {
  const today = locals.clock.today();
  const db = locals.db;
  const result = await lookUpProfile(db, params.uscc ?? '', today);
  if (!result.ok) {
    return new Response(result.message, { status: statusOf(result.kind), headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { enterprise, records } = result.profile;
  const notices = await recentNotices(db, { uscc: enterprise.uscc }, today, NOTICES_IN_FEED);
  const page = `/credit/${enterprise.uscc}`;
  return feedResponse({
    format: 'atom',
    title: `${enterprise.name} 信用记录`,
    description: `${enterprise.name}（${enterprise.uscc}）正在公示的劳动保障信用记录，以及撤销、修复的公告。`,
    site: url,
    page,
    self: url.pathname,
    asOf: today,
    // The id carries the status and the date moves to the notice's, so a withdrawal or a repair
    // reaches readers as a new entry rather than as an edit they would not be shown.
    entries: withNotices(
      records.map((r) => ({
        id: `${page}#record-${r.id}-${r.status}`,
        title: `${recordHeading(r.kind, r.title)}（${recordStatusLabels[r.status]}）`,
        link: `${page}#record-${r.id}`,
        date: r.notice?.on ?? r.publishedAt ?? r.decidedAt,
        summary: [r.notice ? noticeText('该记录', r.status, r.notice) : '', [r.decisionNo, r.authority].filter(Boolean).join('；')],
      })),
      notices,
    ),
  });
};
