// Field schemas that several inputs share, each with the message a person can act on. Built with
// the z of @hono/zod-openapi so that the API documents them; use cases and pages validate with them.
import { z } from '@hono/zod-openapi';
import { parseDateInput } from '../domain/dates';
import { resolveDistrict } from '../domain/districts';
import { parseUscc, usccMessages } from '../domain/uscc';

/** A code in a request body: normalised, and rejected with the person-readable reason of DOMAIN.md §1. */
export const UsccField = z
  .string({ message: '请填写统一社会信用代码' })
  .transform((value, ctx) => {
    const parsed = parseUscc(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: usccMessages[parsed.reason] });
      return z.NEVER;
    }
    return parsed.code;
  })
  .openapi({ type: 'string', example: '91110105MA01ABCD3X' });

/** A calendar date as people type it (2026-06-01, 2026/6/1, 2026年6月1日), named by its Chinese label; YYYY-MM-DD out. */
export const dateField = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .transform((value, ctx) => {
      const date = parseDateInput(value);
      if (date) return date;
      ctx.addIssue({ code: 'custom', message: `${label}应为有效日期，例如 2026-06-01` });
      return z.NEVER;
    })
    .openapi({ type: 'string', format: 'date' });

/** The same, in a query string, where leaving it out means "no limit". */
export const optionalDateQuery = (name: string, label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(dateField(label).optional())
    .transform((v) => v ?? null)
    .openapi({ param: { name, in: 'query' }, format: 'date' });

/** A district by name (朝阳区, 朝阳) or code (110105); empty means every district. */
export const districtQuery = (name = 'district') =>
  z
    .string()
    .max(20, '区名不超过 20 个字')
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return null;
      const code = resolveDistrict(v);
      if (!code) ctx.addIssue({ code: 'custom', message: `没有名为“${v}”的区，请使用区名（如 朝阳区）或区划代码（如 110105）` });
      return code;
    })
    .openapi({ param: { name, in: 'query' }, description: '区名或 6 位区划代码', example: '110105' });

/** Free text to search for; absent is empty. */
export const searchText = (name: string, description: string, example?: string) =>
  z
    .string()
    .max(100, '查询内容不超过 100 个字符')
    .optional()
    .transform((v) => v ?? '')
    .openapi({ param: { name, in: 'query' }, description, ...(example ? { example } : {}) });
