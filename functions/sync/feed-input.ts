// The query of the change feed, GET /api/v1/changes?after=&limit= (DESIGN.md "Sync").
import { z } from '@hono/zod-openapi';
import { CHANGE_PAGE } from '../domain/changes';

/** Digits only: "1e3", "-1" and "0x10" are reported rather than guessed at. */
const digits = (message: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, message)
    .transform(Number);

export const ChangesQuerySchema = z.object({
  after: digits('after 应为非负整数（上一页的 next，或快照的 X-Change-Cursor）')
    .optional()
    .transform((v) => v ?? 0)
    .openapi({
      param: { name: 'after', in: 'query' },
      type: 'integer',
      minimum: 0,
      default: 0,
      description: '从此游标之后读起：上一页的 next，或快照下载的 X-Change-Cursor 响应头；0 为从头读起',
    }),
  limit: digits('limit 应为正整数')
    .pipe(z.number().int().min(1, 'limit 最小为 1').max(CHANGE_PAGE.max, `limit 最大为 ${CHANGE_PAGE.max}`))
    .optional()
    .transform((v) => v ?? CHANGE_PAGE.default)
    .openapi({
      param: { name: 'limit', in: 'query' },
      type: 'integer',
      minimum: 1,
      maximum: CHANGE_PAGE.max,
      default: CHANGE_PAGE.default,
    }),
});
