// The working-day calendar the site uses (DOMAIN.md §9). Each announced year is one State Council
// notice kept as data in content/calendar/; add the file when the notice comes out and list it
// here (a unit test fails while a file is not listed). Every other year is computed provisionally.
import y2025 from '../../content/calendar/2025.json' with { type: 'json' };
import y2026 from '../../content/calendar/2026.json' with { type: 'json' };
import { createCalendar, type CalendarYear, type WorkingDayCalendar } from './working-days';

export const calendarYears: readonly CalendarYear[] = [y2025, y2026];

export const defaultCalendar: WorkingDayCalendar = createCalendar(calendarYears);
