import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { ChangePageSchema } from '../schemas/changes';
import { ChangesQuerySchema } from '../../sync/feed-input';
import { getDb } from '../../db/client';
import { changesAfter } from '../../db/queries/changes';

const changes = createRoute({
  method: 'get',
  path: '/',
  summary: 'The change feed (DOMAIN.md §12): every change to a public record in one total order, tombstones included',
  description:
    'Start from a snapshot download (its X-Change-Cursor header) or from 0, then follow `next`. The log keeps the latest ' +
    'change of each record, so a copy that applies every item in order holds exactly the public state.',
  request: { query: ChangesQuerySchema },
  responses: {
    200: { description: 'The changes after `after`, oldest first', content: { 'application/json': { schema: ChangePageSchema } } },
    422: errorResponse('Bad cursor or limit'),
  },
});

export const changeRoutes = createRouter().openapi(changes, async (c) => {
  const { after, limit } = c.req.valid('query');
  // One more than asked, to say whether another page follows without a second query.
  const rows = await changesAfter(getDb(c.env.DB), after, limit + 1, c.var.clock.today());
  const items = rows.slice(0, limit);
  return c.json({ items, next: items.at(-1)?.cursor ?? after, hasMore: rows.length > limit }, 200);
});
