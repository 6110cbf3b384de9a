/**
 * A layout of one row per day (and site) with a column per time of day (`Date, Site, 00:00,
 * 00:15, …, 23:45`, as SCATS exports and many agencies' 15-minute volume tables write it, NYC's
 * `12:00-1:00 AM, 1:00-2:00AM, …, 11:00-12:00AM`, US DOT tables' `0000, 0100, …` or European
 * tables' hour ranges `00-01, 01-02, …, 23-24`). Read as it is, each time of day would be a
 * measure of its own and the day's rows would replay at midnight; where the columns cover the day
 * in even steps and the date column can take a time of day, the file is unfolded into a record per
 * interval instead (unfoldWideFile.ts). Numbered columns (`H01 … H24`, `hour_0 … hour_23`,
 * `V1 … V96`) count the intervals of the day from 1 or from 0: numbered from 1, the first is the one
 * that ends at 01:00 (hour-ending reports), from 0 the one that starts at 00:00. Otherwise the user
 * is told plainly how the file is read.
 */
import type { TimeSource } from '../../../../shared/schema';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time/civil';
import { NUMERIC_TIME_FORMATS, TIME_FORMATS } from '../time/timeFormats';
import { findTitleDate, type TitleDate } from './titleDate';

/** Fewer time-of-day columns than this is a file with a few clock-named measures, not this layout. */
const MIN_COLUMNS = 12;
const HOUR_NAME = /^(h|hr|hour|v)_?(\d{1,2})$/i;
const HALF_DAY = MS_PER_DAY / 2;
const MIN_NUMBERED = 24;

/** `0000`, `0815`, `2345`: a time of day written HHMM as a column name (US DOT count tables). */
const HHMM_NAME = /^([01]\d|2[0-3])([0-5]\d)$/;
/** `00-01`, `0-1`, `07–08`, `23-24`, `7h-8h`: an hour of the day as a range (European count tables). */
const HOUR_RANGE_NAME = /^(\d{1,2})\s*h?\s*[-–]\s*(\d{1,2})\s*h?$/i;

/** `0.00 - 0.30` … `23.30 - 24.00`: half hours with dots (Bologna's loop counts), or colons. */
const CLOCK_RANGE_NAME = /^(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})$/;

/**
 * An interval written HHMM to HHMM inside a longer name: the US DOT's 2015 station volumes
 * (`traffic_volume_counted_after_0000_to_0100` … `_2300_to_2400`).
 */
const HHMM_RANGE_IN_NAME = /(?:^|\D)([01]\d|2[0-3])([0-5]\d)[\s_]*(?:to|-|–)[\s_]*([01]\d|2[0-4])([0-5]\d)(?:\D|$)/i;

/** When the interval a column names starts (ms after midnight), read from its name; null when it names none. */
function startOfName(name: string): number | null {
  const trimmed = name.trim();
  const clock = TIME_FORMATS.clock.parse(trimmed);
  if (clock !== null) return clock;
  const hhmm = HHMM_NAME.exec(trimmed);
  if (hhmm) return Number(hhmm[1]) * MS_PER_HOUR + Number(hhmm[2]) * MS_PER_MINUTE;
  const range = HOUR_RANGE_NAME.exec(trimmed);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from <= 23 && to === from + 1) return from * MS_PER_HOUR;
  }
  const clockRange = CLOCK_RANGE_NAME.exec(trimmed);
  if (clockRange) {
    const from = Number(clockRange[1]) * 60 + Number(clockRange[2]);
    const to = Number(clockRange[3]) * 60 + Number(clockRange[4]);
    if (Number(clockRange[2]) < 60 && to > from && to <= 24 * 60) return from * MS_PER_MINUTE;
  }
  const within = HHMM_RANGE_IN_NAME.exec(trimmed);
  if (within) {
    const from = Number(within[1]) * 60 + Number(within[2]);
    const to = Number(within[3]) * 60 + Number(within[4]);
    if (to > from && to <= 24 * 60) return from * MS_PER_MINUTE;
  }
  return null;
}

function namesTimeOfDay(name: string): boolean {
  return startOfName(name) !== null || HOUR_NAME.test(name.trim());
}

/** One time-of-day column: where it is, and when its interval starts. */
export interface WideInterval {
  column: string;
  index: number;
  startMs: number;
}

export interface WideLayout {
  /** The column that holds each row's day; null when the file is about one day, named in its title or header (dateText). */
  dateColumn: string | null;
  /** That one day (`YYYY-MM-DD`) and where it was read, when there is no date column. */
  titleDate?: TitleDate;
  intervals: WideInterval[];
  stepMs: number;
  /** Columns numbered through the day (`H01 … H24`): from 1 (the first ends at 01:00) or from 0. */
  numberedFrom?: 0 | 1;
}

/**
 * The time-of-day columns with their starts, when they cover the day in even steps in order from
 * midnight. A header's own clock may be read half a day off (`12:00-1:00 AM` says AM only for its
 * end), so each must agree with its place in the order up to 12 hours; the place decides.
 */
export function wideIntervals(names: readonly string[]): Omit<WideLayout, 'dateColumn' | 'titleDate'> | null {
  const columns = names.flatMap((column, index) => (namesTimeOfDay(column) ? [{ column, index }] : []));
  if (columns.length < MIN_COLUMNS || MS_PER_DAY % columns.length !== 0) return null;
  const stepMs = MS_PER_DAY / columns.length;
  const numbered = numberedIntervals(columns, stepMs);
  if (numbered !== undefined) return numbered === null ? null : { intervals: numbered.intervals, stepMs, numberedFrom: numbered.from };
  const intervals: WideInterval[] = [];
  for (const [place, { column, index }] of columns.entries()) {
    const written = startOfName(column);
    const startMs = place * stepMs;
    if (written === null || (((written - startMs) % HALF_DAY) + HALF_DAY) % HALF_DAY !== 0) return null;
    intervals.push({ column, index, startMs });
  }
  return { intervals, stepMs };
}

/**
 * Columns numbered through the day, in order, from 0 or from 1 (`H01 … H24`: H01 ends at 01:00);
 * undefined when they are not numbered at all, null when numbered some other way.
 */
function numberedIntervals(columns: readonly { column: string; index: number }[], stepMs: number): { intervals: WideInterval[]; from: 0 | 1 } | null | undefined {
  const numbers = columns.map(({ column }) => HOUR_NAME.exec(column.trim())?.[2]);
  if (numbers.every((number) => number === undefined)) return undefined;
  // Twelve numbered columns may as well be vehicle classes or months (V1 … V12): only a column per hour or finer.
  if (columns.length < MIN_NUMBERED) return null;
  const base = Number(numbers[0]);
  if (base !== 0 && base !== 1) return null;
  if (!numbers.every((number, place) => number !== undefined && Number(number) === base + place)) return null;
  return { intervals: columns.map(({ column, index }, place) => ({ column, index, startMs: place * stepMs })), from: base };
}

/**
 * The layout to unfold, or null: the time must be one date column whose values are whole days and
 * still read as times with a clock written after them (`09/01/2012 08:15`), which is how the
 * unfolded copy writes its times; or, in a file with no time column, the one day its title lines
 * or header name (titleDate.ts).
 */
export function detectWideLayout(
  names: readonly string[],
  time: TimeSource | null,
  sampleRows: readonly (readonly string[])[],
  titleLines: readonly string[] = [],
): WideLayout | null {
  if (time === null) {
    const titleDate = findTitleDate([...titleLines, ...names]);
    const found = titleDate ? wideIntervals(names) : null;
    return found && titleDate ? { dateColumn: null, titleDate, ...found } : null;
  }
  if (time.kind !== 'column' || NUMERIC_TIME_FORMATS.has(time.format)) return null;
  const found = wideIntervals(names);
  if (found === null) return null;
  const dateIndex = names.indexOf(time.column);
  const format = TIME_FORMATS[time.format];
  const probe = 8 * MS_PER_HOUR + 15 * MS_PER_MINUTE;
  for (const row of sampleRows) {
    const text = (row[dateIndex] ?? '').trim();
    if (text === '') continue;
    const day = format.parse(text);
    if (day === null) continue;
    if (day % MS_PER_DAY !== 0 || format.parse(`${text} 08:15`) !== day + probe) return null;
  }
  return { dateColumn: time.column, ...found };
}

/** The note for a file in this layout that is read as it is, or null. */
export function wideTimeOfDayNote(names: readonly string[]): string | null {
  const columns = names.filter(namesTimeOfDay);
  if (columns.length < MIN_COLUMNS) return null;
  return `One column per time of day (${columns.length} columns, ${JSON.stringify(columns[0])} … ${JSON.stringify(columns[columns.length - 1])}): each row is read as one record, with every time of day a measure of its own; the app does not unfold them into a record per interval.`;
}
