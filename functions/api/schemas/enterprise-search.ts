import { z } from '@hono/zod-openapi';
import { grades } from '../../domain/vocabulary';
import { resolveDistrict } from '../../domain/districts';
import { PageQuery, pageEnvelope } from './pagination';

export const SearchQuerySchema = PageQuery.extend({
  q: z
    .string()
    .max(100, '查询内容不超过 100 个字符')
    .optional()
    .transform((v) => v ?? '')
    .openapi({ param: { name: 'q', in: 'query' }, description: '统一社会信用代码，或名称中连续的 2 个以上字符', example: '建筑劳务' }),
  district: z
    .string()
    .max(20)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return null;
      const code = resolveDistrict(v);
      if (!code) ctx.addIssue({ code: 'custom', message: `没有名为“${v}”的区，请使用区名（如 朝阳区）或区划代码（如 110105）` });
      return code;
    })
    .openapi({ param: { name: 'district', in: 'query' }, description: '区名或 6 位区划代码', example: '110105' }),
});

export const SearchItemSchema = z
  .object({
    uscc: z.string(),
    name: z.string(),
    district: z.string(),
    districtCode: z.string(),
    grade: z.enum(grades).nullable(),
    negativeRecords: z.number().int().openapi({ description: '正在公示的失信（负面）记录数' }),
  })
  .openapi('EnterpriseSearchItem');

export const SearchResultSchema = pageEnvelope(SearchItemSchema)
  .extend({
    totalCapped: z.boolean().openapi({ description: 'true 表示匹配超过 1000 家，total 止于 1000，请细化查询' }),
    matchedBy: z.enum(['code', 'name', 'district']),
  })
  .openapi('EnterpriseSearchResult');
