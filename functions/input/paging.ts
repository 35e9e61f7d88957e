// The one paging schema of every list, public and staff: ?page=&pageSize=.
import { z } from '@hono/zod-openapi';

/** Query-string integers: digits only, so "1e3", "-1" and "0x10" are reported rather than guessed at. */
const positiveInt = (name: string, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} 应为正整数`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${name} 最小为 1`).max(max, `${name} 最大为 ${max}`))
    .optional()
    .transform((v) => v ?? fallback)
    // Documented as what it accepts, not as the string it is read from.
    .openapi({ param: { name, in: 'query' }, type: 'integer', minimum: 1, maximum: max, default: fallback, example: fallback });

/** `?page=&pageSize=`, with the page size a list shows by default. */
export const pageQuery = (defaultPageSize: number) =>
  z.object({ page: positiveInt('page', 1_000_000, 1), pageSize: positiveInt('pageSize', 100, defaultPageSize) });

export const PageQuery = pageQuery(20);
