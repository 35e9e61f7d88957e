// RSS 2.0 of 双随机抽查结果 (DESIGN.md: feeds): one item per task whose results are public, the most
// recently published first. A later batch of results of the same task is a new item, and so is a
// result withdrawn from an employer's record (from the change log).
import type { APIRoute } from 'astro';
import { listTasksWithPublishedResults } from '../../../functions/db/queries/sampling';
import { recentNotices } from '../../../functions/db/queries/changes';
import { formatChineseDate } from '../../../functions/domain/dates';
import { taskKindLabels, taskStatusLabels } from '../../../functions/domain/labels';
import { samplingResultCategories } from '../../../functions/domain/vocabulary';
import { feedResponse, NOTICES_IN_FEED, withNotices } from '../../lib/feeds';

const TASKS_IN_FEED = 20;

export const GET: APIRoute = async ({ url, locals }) => {
  const today = locals.clock.today();
  const db = locals.db;
  const [tasks, notices] = await Promise.all([
    listTasksWithPublishedResults(db, today, TASKS_IN_FEED),
    recentNotices(db, { kinds: ['sampling_result'] }, today, NOTICES_IN_FEED),
  ]);
  return feedResponse({
    format: 'rss',
    title: '抽查检查结果',
    description: '“双随机、一公开”抽查和重点检查任务的检查结果公示，按最近公示日期排列。',
    site: url,
    page: '/sampling',
    self: url.pathname,
    asOf: today,
    entries: withNotices(
      tasks.map((t) => {
        const results = [...t.results].sort(
          (a, b) => samplingResultCategories.indexOf(a.result) - samplingResultCategories.indexOf(b.result),
        );
        const published = results.reduce((sum, r) => sum + r.n, 0);
        return {
          id: `/sampling/${t.id}#results-${t.lastPublishedOn}`,
          title: `${t.name}：已公示 ${published} 户检查结果`,
          link: `/sampling/${t.id}`,
          date: t.lastPublishedOn,
          summary: [
            `任务编号：${t.id}（${taskKindLabels[t.kind]}，${taskStatusLabels[t.status]}）`,
            t.itemName ? `抽查事项：${t.itemName}` : '',
            `检查主体：${t.authority}`,
            t.inspectFrom && t.inspectTo ? `检查期间：${formatChineseDate(t.inspectFrom)}至${formatChineseDate(t.inspectTo)}` : '',
            `检查结果：${results.map((r) => `${r.result} ${r.n} 户`).join('；')}`,
          ],
          categories: [taskKindLabels[t.kind]],
        };
      }),
      notices,
    ),
  });
};
