import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { ApiError, errorResponse } from '../errors';
import { ProfileSchema, UsccParam } from '../schemas/enterprise';
import { getDb } from '../../db/client';
import { lookUpProfile } from '../../db/queries/profile-lookup';
import { todayInChina } from '../../domain/dates';

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

export const enterpriseRoutes = createRouter().openapi(profile, async (c) => {
  const result = await lookUpProfile(getDb(c.env.DB), c.req.valid('param').uscc, todayInChina());
  if (!result.ok) throw new ApiError(result.status, result.code, result.message);
  return c.json(result.profile, 200);
});
