// The date the whole suite runs as of. CI runs it twice, on today's date and on 2030-06-01
// (TEST_TODAY=2030-06-01 npm test), so that nothing depends on the real calendar.
import { isIsoDate, todayInChina } from '../functions/domain/dates.ts';

export function suiteToday(): string {
  const given = process.env.TEST_TODAY;
  if (given === undefined || given === '') return todayInChina(new Date());
  if (!isIsoDate(given)) throw new Error(`TEST_TODAY must be a date as YYYY-MM-DD, got "${given}"`);
  return given;
}
