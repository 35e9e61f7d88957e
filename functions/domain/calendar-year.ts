// One year of the working-day calendar (DOMAIN.md §9): the shape of content/calendar/<year>.json,
// and of a year computed from the 办法 (statutory-holidays.ts).

export interface CalendarDay {
  date: string;
  name: string;
}

/** One year's days off and 调休 working days (the shape of content/calendar/<year>.json). */
export interface CalendarYear {
  year: number;
  /** The notice the dates come from, so a reader can check them (or, for a provisional year, how they were computed). */
  source: string;
  /** Every day off, weekends inside a holiday included. */
  holidays: readonly CalendarDay[];
  /** Weekend days turned into working days (调休上班). */
  workdays: readonly CalendarDay[];
}
