import { z } from '@hono/zod-openapi';
import { grades } from '../../domain/vocabulary';
import { pageEnvelope } from './page';

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
