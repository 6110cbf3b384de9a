/**
 * Where an event time falls in the day and the week, on the UTC wall clock (event times hold
 * zone-less times as UTC wall clock, so no time zone is applied), and how wide a time-of-day bin
 * should be for a file's cadence. Plain arithmetic: these run for every row.
 */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Days since 1970-01-01, floored (so times before 1970 fall in the day before). */
export function dayNumber(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday (3). */
export function weekdayMondayFirst(time: number): number {
  return (((dayNumber(time) + 3) % 7) + 7) % 7;
}

/** The bin of the day `time` falls in, for bins of `binMs` (a divisor of a day). */
export function binOfDay(time: number, binMs: number): number {
  const msOfDay = time - dayNumber(time) * DAY_MS;
  return Math.floor(msOfDay / binMs);
}

/** Bin widths that divide a day evenly, in minutes. */
const BIN_MINUTES = [1, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440];

/**
 * The narrowest bin at least as wide as the cadence (a bin narrower than it would be mostly empty,
 * or hold a reading only on some days) and at least `minMinutes` wide. The sample city (15-minute
 * rows) gets 96 bins for a typical day (minMinutes 0) and 24 hourly bins for the heatmap (60).
 * An unknown cadence (null) gets `minMinutes`, or an hour.
 */
export function binMinutesFor(cadenceMs: number | null, minMinutes = 0): number {
  const floor = Math.max(minMinutes, cadenceMs === null ? 60 : cadenceMs / MINUTE_MS);
  return BIN_MINUTES.find((minutes) => minutes >= floor) ?? 1440;
}
