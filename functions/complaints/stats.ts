// Public complaint statistics (GET /api/v1/complaints/stats and /complaints/stats): one use case,
// so the page and the API show the same cells with the same suppression (domain/complaint-stats.ts).
import { z } from '@hono/zod-openapi';
import type { Db } from '../db/client';
import { complaintStatsRows } from '../db/queries/complaints';
import { defaultCalendar } from '../domain/calendar-data';
import { complaintStatsCells, SUPPRESSION_THRESHOLD } from '../domain/complaint-stats';
import { addMonths } from '../domain/dates';
import { districtName } from '../domain/districts';
import { validationFailed } from '../domain/errors';
import { districtQuery, optionalDateQuery } from '../input/fields';

/** At most three years in one answer: enough for any comparison, bounded for the database. */
export const MAX_STATS_MONTHS = 36;

export const ComplaintStatsQuery = z.object({
  from: optionalDateQuery('from', '开始日期'),
  to: optionalDateQuery('to', '结束日期'),
  district: districtQuery(),
});
export type ComplaintStatsQuery = z.infer<typeof ComplaintStatsQuery>;

/** The period asked for; by default the twelve months up to today. */
export function statsRange(query: ComplaintStatsQuery, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? `${addMonths(to, -11).slice(0, 7)}-01`;
  if (from > to) throw validationFailed([{ path: 'from', message: '开始日期不能晚于结束日期' }]);
  if (addMonths(from, MAX_STATS_MONTHS) <= to) {
    throw validationFailed([{ path: 'from', message: `统计期间最长 ${MAX_STATS_MONTHS} 个月，请缩短期间` }]);
  }
  return { from, to, district: query.district };
}

export async function complaintStats(db: Db, query: ComplaintStatsQuery, today: string) {
  const range = statsRange(query, today);
  const cells = complaintStatsCells(await complaintStatsRows(db, range), defaultCalendar);
  return {
    from: range.from,
    to: range.to,
    district: range.district,
    suppressBelow: SUPPRESSION_THRESHOLD,
    cells: cells.map((c) => ({ ...c, district: c.districtCode ? districtName(c.districtCode) : '未知' })),
  };
}
