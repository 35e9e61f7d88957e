// Prints the last day the announced working-day calendar covers (content/calendar) and warns when
// it is less than 60 days away, so that the next State Council notice is added in time. Never fails:
// past that day deadlines are still computed, provisionally (DOMAIN.md §9).
//
//   node scripts/calendar-status.ts [--today YYYY-MM-DD]
import './lib/extensionless-imports.ts';
import { parseArgs } from 'node:util';

const { defaultCalendar } = await import('../functions/domain/calendar-data.ts');
const { lastAnnouncedDay } = await import('../functions/domain/working-days.ts');
const { todayInChina } = await import('../functions/domain/dates.ts');

const WARN_DAYS = 60;
const { values } = parseArgs({ options: { today: { type: 'string' } } });
const today = values.today ?? todayInChina(new Date());
const last = lastAnnouncedDay(defaultCalendar);
if (!last) {
  console.log('WARNING: content/calendar holds no announced year; every deadline is provisional.');
} else {
  const days = Math.round((Date.parse(last) - Date.parse(today)) / 86_400_000);
  console.log(`Working-day calendar: last announced day ${last} (${days} days from ${today}).`);
  if (days < WARN_DAYS) {
    const next = Number(last.slice(0, 4)) + 1;
    console.log(
      `WARNING: fewer than ${WARN_DAYS} days of announced calendar left. Add content/calendar/${next}.json from the State Council's ` +
        `notice on the ${next} holidays and list it in functions/domain/calendar-data.ts; until then deadlines in ${next} are marked 预计.`,
    );
  }
}
