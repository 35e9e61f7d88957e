import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { csvResponse, csvStream, prefersJson } from '../../http/csv';
import { headCursor } from '../../db/queries/changes';
import { OPEN_DATA_LICENCE, openDatasets, sgsPenaltyDataset, type Dataset, type OpenDatasetName } from '../../disclosure/datasets';
import { validationFailed } from '../../domain/errors';

/**
 * The JSON document streamed as rows are read: the head and `"items":[` on the first line, then
 * one item per line (after the first, each starts with its comma), then `]}` on a line of its own —
 * so that a client can also read it line by line (scripts/mirror/follow.ts) without holding it whole.
 */
function jsonStream<T>(head: Record<string, unknown>, rows: AsyncIterable<T>, map: (row: T) => unknown) {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${JSON.stringify(head).slice(0, -1)},"items":[`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode('\n]}\n'));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`\n${first ? '' : ','}${JSON.stringify(map(next.value))}`));
      first = false;
    },
  });
}

const download = createRoute({
  method: 'get',
  path: '/{dataset}',
  summary: 'Bulk download of a published dataset, generated on request',
  request: {
    params: z.object({
      dataset: z
        .enum(Object.keys(openDatasets) as [OpenDatasetName, ...OpenDatasetName[]])
        .openapi({ param: { name: 'dataset', in: 'path' } }),
    }),
    query: z.object({
      format: z
        .enum(['csv', 'json', 'sgs'])
        .optional()
        .openapi({
          param: { name: 'format', in: 'query' },
          description:
            'sgs (penalties only): the national 双公示 fields of DOMAIN.md §12 — CSV with a byte-order mark, or JSON objects ' +
            'keyed by the same field names when the Accept header asks for application/json',
        }),
    }),
  },
  responses: {
    200: {
      description:
        'Every published row; the generation time is in the X-Generated-At header (and the JSON body). X-Change-Cursor ' +
        '(and `cursor` in JSON) is the change feed position read before the rows: ' +
        'GET /api/v1/changes?after=<it> brings the copy up to date.',
      content: {
        'text/csv': { schema: z.string() },
        'application/json': {
          schema: z.object({
            dataset: z.string(),
            generatedAt: z.string(),
            cursor: z.number().int(),
            licence: z.string(),
            items: z.array(z.unknown()),
          }),
        },
      },
    },
    422: errorResponse('Unknown dataset or format'),
  },
});

export const openDataRoutes = createRouter().openapi(download, async (c) => {
  const { dataset: name } = c.req.valid('param');
  const requested = c.req.valid('query').format ?? 'csv';
  if (requested === 'sgs' && name !== 'penalties') {
    throw validationFailed(
      [{ path: 'format', message: '只有 penalties 数据集提供双公示格式' }],
      'format=sgs（双公示格式）只适用于行政处罚决定数据集 penalties。',
    );
  }
  const d = (
    requested === 'sgs' ? sgsPenaltyDataset({ name: c.env.BUREAU_NAME, uscc: c.env.BUREAU_USCC }) : openDatasets[name]
  ) as Dataset<unknown>;
  const format = requested === 'sgs' ? (prefersJson(c.req.header('Accept')) ? 'json' : 'csv') : requested;
  const generatedAt = c.var.clock.now().toISOString();
  const db = c.var.db;
  // Read before any row: whatever changes while the rows stream is in the feed after this cursor.
  const cursor = await headCursor(db);
  const rows = d.rows(db, c.var.clock.today());
  const response =
    format === 'csv'
      ? csvResponse(csvStream(d.columns, rows), `${d.title}-${generatedAt.slice(0, 10)}.csv`)
      : new Response(jsonStream({ dataset: name, title: d.title, generatedAt, cursor, licence: OPEN_DATA_LICENCE }, rows, d.json), {
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
        });
  response.headers.set('X-Generated-At', generatedAt);
  response.headers.set('X-Change-Cursor', String(cursor));
  // Generated fresh on each request, so there is nothing to revalidate against.
  response.headers.set('Cache-Control', 'no-store');
  return response;
});
