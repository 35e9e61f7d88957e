import { createRoute, type z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { ChangePageSchema } from '../schemas/changes';
import { ChangesQuerySchema } from '../../sync/feed-input';
import { storedChangesAfter, type StoredChange } from '../../db/queries/changes';

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

type Page = z.infer<typeof ChangePageSchema>;

/** An item as JSON with its record spliced in as stored: a page of 1,000 is not parsed and serialised again. */
const itemJson = ({ recordJson, ...change }: StoredChange) => `${JSON.stringify(change).slice(0, -1)},"record":${recordJson ?? 'null'}}`;

export const changeRoutes = createRouter().openapi(changes, async (c) => {
  const { after, limit } = c.req.valid('query');
  // One more than asked, to say whether another page follows without a second query.
  const rows = await storedChangesAfter(c.var.db, after, limit + 1, c.var.clock.today());
  const items = rows.slice(0, limit);
  const next = items.at(-1)?.cursor ?? after;
  const body = `{"items":[${items.map(itemJson).join(',')}],"next":${next},"hasMore":${rows.length > limit}}`;
  // The body is the ChangePage schema's JSON, built as text; typed as what c.json would have given.
  return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as ReturnType<typeof c.json<Page, 200>>;
});
