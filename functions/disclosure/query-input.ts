// The query strings the public sends to look things up: employers, penalty decisions, sampling
// tasks and results. The API and the pages validate with the same schemas.
import { z } from '@hono/zod-openapi';
import { districtQuery, lineText, optionalDateQuery, searchText } from '../input/fields';
import { PageQuery } from '../input/paging';
import { DECISION_NO_MAX } from '../domain/decision-number';
import { violationTypes } from '../domain/labels';
import { searchCharacters } from '../domain/name-search';
import { parseUscc } from '../domain/uscc';
import { samplingResultCategories } from '../domain/vocabulary';

export const SearchQuerySchema = PageQuery.extend({
  q: searchText('q', '统一社会信用代码，或名称中连续的 2 个以上字符', '建筑劳务'),
  district: districtQuery(),
});

export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** A name query needs two characters; a code or a district alone is enough. */
export function searchProblem(query: { q: string; district: string | null }): 'query_too_short' | null {
  if (query.district) return null;
  if (parseUscc(query.q).ok) return null;
  return searchCharacters(query.q).length < 2 ? 'query_too_short' : null;
}

/** `?format=csv` (or `Accept: text/csv`) for a list that can be downloaded. */
const formatQuery = z
  .enum(['json', 'csv'], { message: 'format 应为 json 或 csv' })
  .optional()
  .openapi({ param: { name: 'format', in: 'query' } });

export const PenaltyQuerySchema = PageQuery.extend({
  q: searchText('q', '当事人名称（连续 2 个以上字）、统一社会信用代码、决定书文号或违法行为类型'),
  from: optionalDateQuery('from', '决定日期（起）'),
  to: optionalDateQuery('to', '决定日期（止）'),
  violationType: z
    .enum(violationTypes, { message: `违法行为类型应为：${violationTypes.join('、')}` })
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'violationType', in: 'query' } }),
  format: formatQuery,
}).refine((v) => !v.from || !v.to || v.from <= v.to, { message: '决定日期（起）不能晚于决定日期（止）', path: ['to'] });

export type PenaltyQuery = z.infer<typeof PenaltyQuerySchema>;

export const TaskIdParam = z.object({
  taskId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/, '任务编号只含字母、数字和连字符')
    .openapi({ param: { name: 'taskId', in: 'path' }, example: 'SJ-2026-001' }),
});

export const TaskListQuery = PageQuery.extend({
  year: z
    .string()
    .regex(/^\d{4}$/, '年份应为四位数字，例如 2026')
    .transform(Number)
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'year', in: 'query' }, type: 'integer', example: 2026 }),
});

export const ResultListQuery = PageQuery.extend({
  result: z
    .enum(samplingResultCategories, { message: `检查结果应为：${samplingResultCategories.join('、')}` })
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'result', in: 'query' } }),
  district: districtQuery(),
  format: formatQuery,
});

/** GET /api/v1/records?decisionNo=: the number as typed from the letter (functions/domain/decision-number.ts). */
export const DecisionNoQuery = z.object({
  decisionNo: lineText('请填写决定书文号')
    .trim()
    .min(1, '请填写决定书文号，例如 京朝人社监罚字〔2026〕第 1 号')
    .max(DECISION_NO_MAX, `决定书文号不超过 ${DECISION_NO_MAX} 个字`)
    .openapi({
      param: { name: 'decisionNo', in: 'query' },
      example: '京朝人社监罚字〔2026〕第 1 号',
      description: '决定书文号；全角半角括号〔〕[]()（）和空格不影响查找',
    }),
});
