import { createRouter } from '../router';
import { errorResponse } from '../errors';
import { limitBody } from '../middleware/body-limit';
import { ImportListSchema, ImportReportSchema, ImportResultSchema } from '../schemas/admin-imports';
import { ImportFormSchema, importFileName } from '../../admin/import-input';
import { adminRoute, PUBLISHERS } from '../staff-route';
import { listImports } from '../../db/queries/admin-imports';
import { commitImport, previewImport } from '../../admin/import';
import { MAX_IMPORT_BYTES } from '../../domain/import-rows';

// Room for the largest accepted file and its multipart framing.
export const IMPORT_BODY_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
const importBodyLimit = limitBody(IMPORT_BODY_BYTES, `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分别导入。`);

const uploadBody = {
  required: true,
  description: 'The CSV file (UTF-8 or GBK, first row headings; see the console for a template)',
  content: { 'multipart/form-data': { schema: ImportFormSchema } },
};

const preview = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/preview',
  summary: '导入预检：逐行校验并给出报告，不写入任何数据',
  middleware: [importBodyLimit],
  request: { body: uploadBody },
  responses: {
    200: {
      description: 'Report of accepted and rejected rows with reasons',
      content: { 'application/json': { schema: ImportReportSchema } },
    },
    413: errorResponse('File too large'),
    422: errorResponse('Kind or file missing'),
  },
});

const commit = adminRoute(PUBLISHERS, {
  method: 'post',
  path: '/',
  summary: '导入：全部行通过校验时整个文件一次写入，否则一行都不写',
  middleware: [importBodyLimit],
  request: { body: uploadBody },
  responses: {
    201: { description: 'Every row written in one transaction', content: { 'application/json': { schema: ImportResultSchema } } },
    409: errorResponse('The same file was imported before (`already_imported`), or a concurrent import wrote some of its rows'),
    413: errorResponse('File too large'),
    422: errorResponse('`import_rejected`: some rows failed; fields list each line and its reasons. Nothing was written'),
  },
});

const history = adminRoute(PUBLISHERS, {
  method: 'get',
  path: '/',
  summary: '已导入的文件',
  responses: { 200: { description: 'The latest imports, newest first', content: { 'application/json': { schema: ImportListSchema } } } },
});

async function readUpload(file: File) {
  return new Uint8Array(await file.arrayBuffer());
}

export const adminImportRoutes = createRouter()
  .openapi(history, async (c) => c.json({ items: await listImports(c.var.db) }, 200))
  .openapi(preview, async (c) => {
    const form = c.req.valid('form');
    const report = await previewImport(
      c.var.db,
      { kind: form.kind, fileName: importFileName(form.file.name), bytes: await readUpload(form.file) },
      c.var.clock.today(),
    );
    return c.json(report, 200);
  })
  .openapi(commit, async (c) => {
    const form = c.req.valid('form');
    const result = await commitImport(
      c.var.db,
      c.var.clock,
      c.get('staff'),
      { kind: form.kind, fileName: importFileName(form.file.name), bytes: await readUpload(form.file) },
      { publish: form.publish },
    );
    return c.json(result, 201);
  });
