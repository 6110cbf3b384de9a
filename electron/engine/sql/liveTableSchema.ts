/**
 * How the data's columns become the live table's columns, and the two time formats its system
 * columns hold. Times are text in SQLite's own format so its date functions (strftime, datetime,
 * julianday) read them directly and text order is time order.
 */
import type { ColumnInfo } from '../../../shared/schema';
import type { SqlColumn } from '../../../shared/sql/sqlContract';
import { LIVE_SYSTEM_COLUMNS, liveDataColumnNames } from '../../../shared/sql/sqlIdentifiers';

export interface LiveTableLayout {
  columns: SqlColumn[];
  /** for each SQL data column, the index into the record's values */
  valueIndex: number[];
}

const SYSTEM_COLUMNS: readonly SqlColumn[] = [
  { name: LIVE_SYSTEM_COLUMNS.time, type: 'TEXT', system: true },
  { name: LIVE_SYSTEM_COLUMNS.offset, type: 'INTEGER', system: true },
  { name: LIVE_SYSTEM_COLUMNS.partition, type: 'INTEGER', system: true },
  { name: LIVE_SYSTEM_COLUMNS.ingestedAt, type: 'TEXT', system: true },
];

/**
 * Data columns in schema order (names made unique for SQLite, see liveDataColumnNames), then the
 * system columns. A time column keeps its value as written; the parsed event time is `_time`.
 */
export function liveTableLayout(columns: readonly ColumnInfo[]): LiveTableLayout {
  const names = liveDataColumnNames(columns.map((column) => column.name));
  const data = columns.map(
    (column, index): SqlColumn => ({ name: names[index] ?? column.name, type: column.type === 'number' ? 'NUMERIC' : 'TEXT', system: false }),
  );
  return { columns: [...data, ...SYSTEM_COLUMNS.map((column) => ({ ...column }))], valueIndex: columns.map((_, index) => index) };
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

// Rows arrive in (roughly) time order, so the date part of one row is nearly always the last one's.
let cachedDay = Number.NaN;
let cachedDate = '';

/** 'YYYY-MM-DD ' of the UTC day `day` days after the epoch. */
function datePart(day: number): string {
  if (day !== cachedDay) {
    const date = new Date(day * DAY_MS);
    cachedDate = `${String(date.getUTCFullYear()).padStart(4, '0')}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]} `;
    cachedDay = day;
  }
  return cachedDate;
}

function clock(msOfDay: number): string {
  const seconds = Math.floor(msOfDay / 1000);
  return `${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
}

const MAX_DATE_MS = 8.64e15;

/** Whole milliseconds; a time JavaScript cannot hold would otherwise become "NaN-undefined…". */
function wholeMs(epochMs: number): number {
  if (!(Math.abs(epochMs) <= MAX_DATE_MS)) throw new RangeError(`Not a time: ${epochMs}`);
  return Math.floor(epochMs);
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC (fractions of a second dropped). SQLite's date functions read years 0000–9999. */
export function sqlTime(epochMs: number): string {
  const ms = wholeMs(epochMs);
  const day = Math.floor(ms / DAY_MS);
  return datePart(day) + clock(ms - day * DAY_MS);
}

/** 'YYYY-MM-DD HH:MM:SS.sss' in UTC. */
export function sqlTimestampMs(epochMs: number): string {
  const ms = wholeMs(epochMs);
  const day = Math.floor(ms / DAY_MS);
  const msOfDay = ms - day * DAY_MS;
  return `${datePart(day)}${clock(msOfDay)}.${THREE_DIGITS[msOfDay % 1000]}`;
}
