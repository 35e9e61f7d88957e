// The import upload, the same for the API and the console page.
import { z } from '@hono/zod-openapi';
import { cleanFileName } from '../domain/file-names';
import { importKinds } from '../domain/vocabulary';

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

/** The uploaded file's name as staff will see it in the import history. */
export const importFileName = (name: string) => cleanFileName(name, 200) || 'import.csv';
