// The query strings the public sends to look things up: employers, penalty decisions, sampling
// tasks and results. The API and the pages validate with the same schemas.
import { z } from '@hono/zod-openapi';
import { districtQuery, lineText, optionalDateQuery, searchText } from '../input/fields';
import { PageQuery, pageQuery } from '../input/paging';
import { DECISION_NO_MAX } from '../domain/decision-number';
import { violationTypes } from '../domain/labels';
import { searchCharacters } from '../domain/name-search';
import { parseUscc } from '../domain/uscc';
import { samplingResultCategories } from '../domain/vocabulary';
import type { Quarter } from '../domain/major-violations';

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

/** `?format=csv` (or `Accept: text/csv`) for the whole list as CSV. */
const formatQuery = () =>
  z
    .enum(['json', 'csv'], { message: '格式应为 json 或 csv' })
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
  format: formatQuery(),
}).refine((v) => !v.from || !v.to || v.from <= v.to, { message: '决定日期（起）不能晚于决定日期（止）', path: ['to'] });

export type PenaltyQuery = z.infer<typeof PenaltyQuerySchema>;

export const TaskIdParam = z.object({
  taskId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/, '任务编号只含字母、数字和连字符')
    .openapi({ param: { name: 'taskId', in: 'path' }, example: 'SJ-2026-001' }),
});

/** A form's "全部" sends the parameter empty: that is the same as leaving it out. */
const blankAsAbsent = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

/** `?year=2026`; absent (or empty) means every year. */
const yearQuery = (description?: string) =>
  z
    .string()
    .optional()
    .transform(blankAsAbsent)
    .pipe(
      z
        .string()
        .regex(/^\d{4}$/, '年份应为四位数字，例如 2026')
        .transform(Number)
        .optional(),
    )
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'year', in: 'query' }, type: 'integer', example: 2026, ...(description ? { description } : {}) });

export const TaskListQuery = PageQuery.extend({ year: yearQuery() });

/** 拖欠农民工工资失信联合惩戒对象名单: by the employer's district and the year of listing. */
export const WageArrearsQuerySchema = PageQuery.extend({
  district: districtQuery(),
  year: yearQuery('列入名单的年份'),
  format: formatQuery(),
});

export const MajorViolationQuerySchema = PageQuery.extend({
  year: yearQuery('公布的年份'),
  quarter: z
    .string()
    .optional()
    .transform(blankAsAbsent)
    .pipe(
      z
        .enum(['1', '2', '3', '4'], { message: '季度应为 1、2、3 或 4' })
        .transform((v) => Number(v) as Quarter)
        .optional(),
    )
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'quarter', in: 'query' }, type: 'integer', minimum: 1, maximum: 4, example: 3 }),
  format: formatQuery(),
}).refine((v) => v.quarter === null || v.year !== null, { message: '按季度查询时请同时指定年份', path: ['year'] });

/** A certificate number in a path, checked by domain/officers.ts (parseCertificateNo) where it is used. */
export const CertificateNoParam = z.object({
  certificateNo: z
    .string()
    .openapi({ param: { name: 'certificateNo', in: 'path' }, description: '执法证号，10 至 14 位数字', example: '1101050055' }),
});

export const OfficerListQuery = pageQuery(50).extend({
  q: searchText('q', '姓名、执法证号或执法单位中的文字'),
});

export const ResultListQuery = PageQuery.extend({
  result: z
    .enum(samplingResultCategories, { message: `检查结果应为：${samplingResultCategories.join('、')}` })
    .optional()
    .transform((v) => v ?? null)
    .openapi({ param: { name: 'result', in: 'query' } }),
  district: districtQuery(),
  format: formatQuery(),
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
