// Field schemas that several inputs share, each with the message a person can act on. Built with
// the z of @hono/zod-openapi so that the API documents them; use cases and pages validate with them.
import { z } from '@hono/zod-openapi';
import { parseDateInput } from '../domain/dates';
import { resolveDistrict } from '../domain/districts';
import { cleanLine, cleanProse } from '../domain/text';
import { EXAMPLE_USCC, parseUscc, usccMessages } from '../domain/uscc';

/**
 * Text as typed, cleaned of control and invisible characters before any rule is checked
 * (functions/domain/text.ts): one line (a name, a title, a query) or prose (a statement, a reason).
 */
export const lineText = (message?: string) => z.string(message ? { message } : undefined).overwrite(cleanLine);
export const proseText = (message?: string) => z.string(message ? { message } : undefined).overwrite(cleanProse);

/** A code in a request body: normalised, and rejected with the person-readable reason of DOMAIN.md §1. */
export const UsccField = lineText('请填写统一社会信用代码')
  .transform((value, ctx) => {
    const parsed = parseUscc(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: usccMessages[parsed.reason] });
      return z.NEVER;
    }
    return parsed.code;
  })
  .openapi({ type: 'string', example: EXAMPLE_USCC });

const PHONE = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{9,11})$/;

/** A mobile or landline number as people write it, spaces and hyphens removed. */
export const PhoneField = lineText('请填写联系电话')
  .max(40, '联系电话不超过 40 个字符')
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(PHONE, '请填写有效的手机号码（11 位）或固定电话（如 010-12345678）'));

/** A calendar date as people type it (2026-06-01, 2026/6/1, 2026年6月1日), named by its Chinese label; YYYY-MM-DD out. */
export const dateField = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .transform((value, ctx) => {
      const date = parseDateInput(value);
      if (date) return date;
      ctx.addIssue({ code: 'custom', message: value.trim() === '' ? `请填写${label}` : `${label}应为有效日期，例如 2026-06-01` });
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
  lineText()
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
  lineText()
    .max(100, '查询内容不超过 100 个字符')
    .optional()
    .transform((v) => v ?? '')
    .openapi({ param: { name, in: 'query' }, description, ...(example ? { example } : {}) });

/** How deep a JSON value nests, counted without recursion (a hostile value may nest thousands deep). */
function nesting(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Every string in a JSON value, cleaned as one line of text. */
const cleanStrings = (v: unknown): unknown =>
  typeof v === 'string'
    ? cleanLine(v)
    : Array.isArray(v)
      ? v.map(cleanStrings)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanLine(k), cleanStrings(x)]))
        : v;

/** A JSON object staff attach to a record: bounded in size and depth, its strings cleaned. */
export const jsonObject = (label: string, maxBytes = 16 * 1024, maxDepth = 6) =>
  z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      if (nesting(value, maxDepth) > maxDepth) ctx.addIssue({ code: 'custom', message: `${label}嵌套不超过 ${maxDepth} 层` });
      else if (JSON.stringify(value).length > maxBytes) ctx.addIssue({ code: 'custom', message: `${label}不超过 ${maxBytes / 1024} KB` });
    })
    .transform((value) => cleanStrings(value) as Record<string, unknown>);
