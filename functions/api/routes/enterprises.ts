import { createRoute } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { DomainError, validationFailed } from '../../domain/errors';
import { ProfileSchema, UsccParam } from '../schemas/enterprise';
import { SearchResultSchema } from '../schemas/enterprise-search';
import { SearchQuerySchema, searchProblem } from '../../disclosure/query-input';
import { searchEnterprises } from '../../db/queries/enterprise-search';
import type { CreditProfile } from '../../db/queries/enterprises';
import { lookUpProfile } from '../../disclosure/profile-lookup';
import { etagOf } from '../../http/etag';

const search = createRoute({
  method: 'get',
  path: '/',
  summary: 'Search employers by code, name substring or prefix, and district',
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: 'One page of matching employers', content: { 'application/json': { schema: SearchResultSchema } } },
    422: errorResponse('Query too short, unknown district, or bad paging'),
  },
});

const profile = createRoute({
  method: 'get',
  path: '/{uscc}',
  summary: 'Credit profile of one employer',
  request: { params: UsccParam },
  responses: {
    200: { description: 'The employer and its currently published records', content: { 'application/json': { schema: ProfileSchema } } },
    400: errorResponse('Malformed code (`invalid_uscc`), or a check character that matches no employer'),
    404: errorResponse('Well-formed code of no known employer'),
  },
});

export const enterpriseRoutes = createRouter()
  .openapi(search, async (c) => {
    const query = c.req.valid('query');
    if (searchProblem(query)) {
      throw validationFailed(
        [{ path: 'q', message: '至少输入 2 个字（例如“科技”“建筑劳务”），或完整的统一社会信用代码' }],
        '请输入统一社会信用代码，或名称中连续的至少 2 个字。',
      );
    }
    return c.json(await searchEnterprises(c.var.db, query, c.var.clock.today()), 200);
  })
  .openapi(profile, async (c) => {
    const result = await lookUpProfile(c.var.db, c.req.valid('param').uscc, c.var.clock.today());
    if (!result.ok) throw new DomainError(result.kind, result.code, result.message);
    // The most read answer is written once and tagged from that text (functions/http/etag.ts), instead
    // of the ETag middleware reading the body back; it is what c.json would send, and typed as such.
    const text = JSON.stringify(result.profile);
    c.header('ETag', etagOf(text));
    c.header('Content-Type', 'application/json');
    return c.body(text, 200) as unknown as TypedResponse<JSONParsed<CreditProfile>, 200, 'json'>;
  });
