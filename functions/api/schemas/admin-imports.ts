import { z } from '@hono/zod-openapi';
import { importKinds } from '../../domain/vocabulary';

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
