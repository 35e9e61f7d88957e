// The one source of "now" and "today" (DOMAIN.md §9: "today" is injected). Routes, pages, jobs and
// use cases receive a Clock and never read the wall clock themselves, so tests and demos can run
// the whole site as of any date.
import { isIsoDate, todayInChina } from './dates';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in Beijing, YYYY-MM-DD. */
  today(): string;
}

/** The real clock, or a given instant source (the cron trigger's scheduled time, a test's fixed moment). */
export function systemClock(wall: () => number = Date.now): Clock {
  return {
    now: () => new Date(wall()),
    today: () => todayInChina(new Date(wall())),
  };
}

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/**
 * A clock that stays on `date` (Beijing) while keeping the real time of day, so instants within a
 * run still move forward and timelines keep their order.
 */
export function clockOn(date: string, wall: () => number = Date.now): Clock {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const midnight = Date.parse(`${date}T00:00:00+08:00`);
  return {
    now: () => new Date(midnight + ((((wall() + BEIJING_MS) % DAY_MS) + DAY_MS) % DAY_MS)),
    today: () => date,
  };
}

export interface ClockSettings {
  DEMO_DATA?: string;
  TODAY_OVERRIDE?: string;
}

/**
 * The clock a deployment runs on. `TODAY_OVERRIDE=YYYY-MM-DD` is honoured only on a demo
 * deployment (`DEMO_DATA = "true"`), so a stray variable can never move legal deadlines in
 * production; a malformed override is ignored for the same reason, with a log line.
 */
export function clockFor(settings: ClockSettings, wall: () => number = Date.now): Clock {
  const override = settings.TODAY_OVERRIDE?.trim();
  if (!override || settings.DEMO_DATA !== 'true') return systemClock(wall);
  if (!isIsoDate(override)) {
    console.warn(`TODAY_OVERRIDE is not a date (YYYY-MM-DD) and is ignored: ${override}`);
    return systemClock(wall);
  }
  return clockOn(override, wall);
}
