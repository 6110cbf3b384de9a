/**
 * The original traffic data set writes time split over three columns: `Time` (a 12-hour clock such
 * as `12:15:00 AM`), `Date` (only the day of the month, 1..31) and `Day of the week` (`Tuesday`);
 * one month of 15-minute slots, often one row per junction per slot, in order. This turns it into
 * a proper timeline: days advance and the month rolls over (…, 30, 31, 1, 2, …). Times are UTC wall
 * clock (see `timeFormats`).
 */
import { MS_PER_DAY, daysFromCivil, daysInMonth } from './civil';
import { detectTimeFormat } from './timeFormats';
import { mostlyMatches } from './tolerance';

export interface SplitTimeColumns {
  timeColumn: number;
  dayColumn: number;
  weekdayColumn: number | null;
}

export interface SplitTimelineState {
  year: number;
  month: number;
  /** Day of month of the last row placed; 0 before the first. */
  lastDay: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const WEEKDAY_BY_NAME = new Map<string, number>();
WEEKDAYS.forEach((name, index) => {
  WEEKDAY_BY_NAME.set(name, index);
  WEEKDAY_BY_NAME.set(name.slice(0, 3), index);
});

/** 0 = Sunday … 6 = Saturday, from a full or 3-letter English name in any case; null otherwise. */
export function parseWeekday(text: string): number | null {
  return WEEKDAY_BY_NAME.get(text.trim().toLowerCase()) ?? null;
}

/** A day of the month written as a plain integer 1..31 (`7`, `07`); null otherwise. */
export function parseDayOfMonth(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const day = Number(trimmed);
  return day >= 1 && day <= 31 ? day : null;
}

const WEEKDAY_COLUMN_NAME = /day\s*of\s*(the\s*)?week|week\s*day|^\s*dow\s*$/i;
const DAY_COLUMN_NAME = /date|day/i;

function columnValues(sampleRows: readonly (readonly string[])[], column: number): string[] {
  return sampleRows.map((row) => row[column] ?? '').filter((value) => value.trim() !== '');
}

function mostly(values: readonly string[], test: (value: string) => boolean): boolean {
  return values.length > 0 && mostlyMatches(values.filter(test).length, values.length);
}

/** The first column whose name matches `preferred`, else the first of `candidates`; null when none. */
function pick(candidates: readonly number[], names: readonly string[], preferred: RegExp): number | null {
  return candidates.find((column) => preferred.test(names[column] ?? '')) ?? candidates[0] ?? null;
}

/**
 * Finds the split form from header names and sample rows: a time-of-day column, a day-of-month
 * column (integers 1..31, named like /date|day/i but not "day of (the) week" or "weekday"), and an
 * optional column of weekday names. Null when there is no time-of-day or no day-of-month column.
 */
export function detectSplitTime(
  names: readonly string[],
  sampleRows: readonly (readonly string[])[],
): SplitTimeColumns | null {
  const times: number[] = [];
  const days: number[] = [];
  const weekdays: number[] = [];
  names.forEach((rawName, column) => {
    const name = rawName.trim();
    const values = columnValues(sampleRows, column);
    if (values.length === 0) return;
    if (detectTimeFormat(values, name)?.id === 'clock') times.push(column);
    else if (
      DAY_COLUMN_NAME.test(name) &&
      !WEEKDAY_COLUMN_NAME.test(name) &&
      mostly(values, (value) => parseDayOfMonth(value) !== null)
    )
      days.push(column);
    else if (mostly(values, (value) => parseWeekday(value) !== null)) weekdays.push(column);
  });
  const timeColumn = pick(times, names, /time/i);
  const dayColumn = pick(days, names, /^\s*(date|day)\s*$/i);
  if (timeColumn === null || dayColumn === null) return null;
  return { timeColumn, dayColumn, weekdayColumn: pick(weekdays, names, WEEKDAY_COLUMN_NAME) };
}

function previousMonth(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/**
 * A day of month that jumps back by more than this starts the next month (31 → 1, not 11 → 10);
 * in a file written newest first, one that jumps forward by more starts the month before (1 → 31).
 */
export const MONTH_ROLL_JUMP = 7;

/**
 * Places split-form rows on a timeline, starting in the anchor month (the first row's). Keeps the
 * month and the last day of month seen; `snapshot`/`restore` let a reader resume mid-file. A file
 * written newest first (see splitDirection) goes back a month where an oldest-first one goes on.
 */
export class SplitTimeline {
  private year: number;
  private month: number;
  private lastDay = 0;

  constructor(
    anchor: { year: number; month: number },
    private readonly newestFirst = false,
  ) {
    this.year = anchor.year;
    this.month = anchor.month;
  }

  /**
   * Epoch ms (UTC wall clock) of a row at `timeOfDayMs` since midnight on `dayOfMonth`. The month
   * advances when the day of month jumps back by more than a week (31 → 1), or goes back when it
   * jumps forward in a newest-first file; rows slightly out of order (11 then 10) stay in the
   * month. Null, leaving the state unchanged, when the inputs are invalid or the day does not
   * exist in that month.
   */
  toEpoch(timeOfDayMs: number, dayOfMonth: number): number | null {
    if (!(timeOfDayMs >= 0 && timeOfDayMs < MS_PER_DAY)) return null;
    if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) return null;
    let year = this.year;
    let month = this.month;
    if (this.lastDay > 0 && !this.newestFirst && dayOfMonth < this.lastDay - MONTH_ROLL_JUMP) {
      ({ year, month } = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 });
    } else if (this.lastDay > 0 && this.newestFirst && dayOfMonth > this.lastDay + MONTH_ROLL_JUMP) {
      ({ year, month } = previousMonth(year, month));
    }
    if (dayOfMonth > daysInMonth(year, month)) return null;
    this.year = year;
    this.month = month;
    this.lastDay = dayOfMonth;
    return daysFromCivil(year, month, dayOfMonth) * MS_PER_DAY + timeOfDayMs;
  }

  snapshot(): SplitTimelineState {
    return { year: this.year, month: this.month, lastDay: this.lastDay };
  }

  restore(state: SplitTimelineState): void {
    this.year = state.year;
    this.month = state.month;
    this.lastDay = state.lastDay;
  }
}
