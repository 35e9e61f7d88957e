import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { csvResponse, csvStream } from '../../http/csv';
import { OPEN_DATA_LICENCE, openDatasets, type Dataset, type OpenDatasetName } from '../../disclosure/datasets';

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
        controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`${first ? '' : ','}\n${JSON.stringify(map(next.value))}`));
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
        .enum(['csv', 'json'])
        .optional()
        .openapi({ param: { name: 'format', in: 'query' } }),
    }),
  },
  responses: {
    200: {
      description: 'Every published row; the generation time is in the X-Generated-At header (and the JSON body)',
      content: {
        'text/csv': { schema: z.string() },
        'application/json': {
          schema: z.object({ dataset: z.string(), generatedAt: z.string(), licence: z.string(), items: z.array(z.unknown()) }),
        },
      },
    },
    422: errorResponse('Unknown dataset or format'),
  },
});

export const openDataRoutes = createRouter().openapi(download, async (c) => {
  const { dataset: name } = c.req.valid('param');
  const format = c.req.valid('query').format ?? 'csv';
  const d = openDatasets[name] as Dataset<unknown>;
  const generatedAt = c.var.clock.now().toISOString();
  const rows = d.rows(c.var.db, c.var.clock.today());
  const response =
    format === 'csv'
      ? csvResponse(csvStream(d.columns, rows), `${d.title}-${generatedAt.slice(0, 10)}.csv`)
      : new Response(jsonStream({ dataset: name, title: d.title, generatedAt, licence: OPEN_DATA_LICENCE }, rows, d.json), {
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
        });
  response.headers.set('X-Generated-At', generatedAt);
  // Generated fresh on each request, so there is nothing to revalidate against.
  response.headers.set('Cache-Control', 'no-store');
  return response;
});
