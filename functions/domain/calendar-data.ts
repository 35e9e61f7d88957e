// The working-day calendar the site uses (DOMAIN.md §9). Each year is one State Council notice
// kept as data in content/calendar/; a new year is added there, then listed here. Years not
// listed make every working-day rule throw CalendarYearMissingError rather than guess.
import y2025 from '../../content/calendar/2025.json';
import y2026 from '../../content/calendar/2026.json';
import { createCalendar, type CalendarYear, type WorkingDayCalendar } from './working-days';

export const calendarYears: readonly CalendarYear[] = [y2025, y2026];

export const defaultCalendar: WorkingDayCalendar = createCalendar(calendarYears);
