import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column IN (…)` with the whole list bound as ONE JSON parameter. D1 allows at most 100 bound
 * parameters per statement, so a plain IN list of a page of 100 codes would fail.
 */
export function inList(column: AnyColumn, values: readonly (string | number)[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
