/**
 * A layout the app does not unfold: one row per day (and site) with a column per time of day
 * (`Date, Site, 00:00, 00:15, …, 23:45`, as SCATS exports and many agencies' 15-minute volume
 * tables write it; or `H01 … H24`). Read as it is, each time of day is a measure of its own and
 * the day's rows replay at midnight: the user is told so plainly rather than left to wonder.
 */
import { TIME_FORMATS } from './time/timeFormats';

/** Fewer time-of-day columns than this is a file with a few clock-named measures, not this layout. */
const MIN_COLUMNS = 12;
const HOUR_NAME = /^(h|hr|hour|v)_?\d{1,2}$/i;

function namesTimeOfDay(name: string): boolean {
  const trimmed = name.trim();
  return TIME_FORMATS.clock.parse(trimmed) !== null || HOUR_NAME.test(trimmed);
}

/** The note for a file in this layout, or null. */
export function wideTimeOfDayNote(names: readonly string[]): string | null {
  const columns = names.filter(namesTimeOfDay);
  if (columns.length < MIN_COLUMNS) return null;
  return `One column per time of day (${columns.length} columns, ${JSON.stringify(columns[0])} … ${JSON.stringify(columns[columns.length - 1])}): each row is read as one record, with every time of day a measure of its own; the app does not unfold them into a record per interval.`;
}
