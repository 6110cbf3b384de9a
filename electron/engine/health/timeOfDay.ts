/**
 * Time-of-day bins: an hour of a weekday or an hour of a weekend day. Traffic at 08:00 on a
 * Tuesday is nothing like 08:00 on a Sunday, and zeros at 03:00 are normal where zeros at 08:00
 * are not, so "typical" is judged per bin. Event times are UTC wall clock, so plain arithmetic on
 * epoch ms gives the local hour and weekday without any time-zone lookup.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** 24 weekday hours then 24 weekend hours. */
export const TIME_BINS = 48;

export function dayIndex(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function timeBin(time: number): number {
  const day = dayIndex(time);
  const hour = Math.floor((time - day * DAY_MS) / HOUR_MS);
  const weekday = weekdayOfDay(day);
  return (weekday === 0 || weekday === 6 ? 24 : 0) + hour;
}

/** `YYYY-MM-DD` of a day index. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
