import { z } from '@hono/zod-openapi';
import { importKinds } from '../../domain/import-rows';

export const ImportFormSchema = z
  .object({
    kind: z.enum(importKinds, { message: '请选择导入内容：行政处罚决定或双随机抽查结果' }),
    file: z
      .instanceof(File, { message: '请选择要上传的 CSV 文件' })
      .refine((f) => f.size > 0, '文件是空的')
      .openapi({ type: 'string', format: 'binary' }),
    publish: z
      .enum(['true', 'false', 'on'])
      .optional()
      .transform((v) => v === 'true' || v === 'on')
      .openapi({
        description: 'Penalties: publish at once instead of importing as drafts. Sampling results are always published on the import date.',
      }),
  })
  .openapi('ImportForm');

export const ImportReportSchema = z
  .object({
    kind: z.enum(importKinds),
    fileName: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    alreadyImported: z.object({ at: z.string(), actor: z.string(), rowCount: z.number().int() }).nullable(),
    fileErrors: z.array(z.string()),
    total: z.number().int(),
    accepted: z.array(
      z.object({
        line: z.number().int(),
        key: z.string(),
        summary: z.string(),
        warnings: z.array(z.string()),
        publishUntil: z.string().nullable(),
        publicationDue: z.string().nullable(),
      }),
    ),
    rejected: z.array(z.object({ line: z.number().int(), key: z.string().nullable(), reasons: z.array(z.string()) })),
    committable: z.boolean(),
  })
  .openapi('ImportReport');

export const ImportResultSchema = z
  .object({ sha256: z.string(), kind: z.enum(importKinds), fileName: z.string(), rowCount: z.number().int(), published: z.boolean() })
  .openapi('ImportResult');

export const ImportListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      fileSha256: z.string(),
      kind: z.enum(importKinds),
      fileName: z.string(),
      actor: z.string(),
      rowCount: z.number().int(),
      at: z.string(),
    }),
  ),
});

/** Keeps a file name fit to show and store: no path, no control characters, bounded. */
export function importFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return base || 'import.csv';
}
