/**
 * Unfolds a file with a column per time of day (wideTimeOfDay.ts) into a working copy with a row per
 * interval: `Time` (the day as the file writes it, with the interval's start after it), the other
 * columns as they were, `Interval` (the column's own header) and `Volume` (its cell). The copy is
 * then opened like any file, so the replay, the threshold, profiles, windows, forecasts and SQL see
 * one reading per interval and site, as a traffic engineer thinks of them, instead of 24 or 96
 * measures replayed at midnight. Cells are copied as written (grouped thousands, decimal commas,
 * missing-value words), so the copy is read exactly as the original would have been. Lines of the
 * original that cannot be read at all (a broken quote, a wrong number of fields) are counted and
 * named in the note, since they have no place in the copy.
 */
import type { SniffedCsv } from '../sniffCsv';
import type { WideLayout } from './wideTimeOfDay';
import { fieldWriter, freeNames, writeWorkingCopy, type UnfoldResult } from './workingCopy';

export type { UnfoldResult } from './workingCopy';

/** What the copy's columns are called (the other columns keep their names). */
export const UNFOLDED_TIME = 'Time';
export const UNFOLDED_INTERVAL = 'Interval';
export const UNFOLDED_VALUE = 'Volume';

/** Rows of one day held to be written interval by interval: a day's sites, not a whole file of one date. */
const MAX_SAME_DAY_ROWS = 5000;

/** `HH:MM` of a time of day in ms. */
export function clockText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The copy's column names: the time first, then every other column, then the interval and its value. */
export function unfoldedColumns(names: readonly string[], layout: WideLayout): string[] {
  const wide = new Set(layout.intervals.map((interval) => interval.index));
  const kept = names.filter((name, index) => !wide.has(index) && name !== layout.dateColumn);
  const free = freeNames(kept);
  return [free(UNFOLDED_TIME), ...kept, free(UNFOLDED_INTERVAL), free(UNFOLDED_VALUE)];
}

/** Writes the unfolded copy of `sniffed` to `target` (UTF-8, the original's delimiter). */
export async function unfoldWideFile(sniffed: SniffedCsv, layout: WideLayout, target: string, signal?: AbortSignal): Promise<UnfoldResult> {
  const { names, dialect } = sniffed;
  const wide = new Set(layout.intervals.map((interval) => interval.index));
  // No date column: every row is of the one day the title names (written as ISO, which the copy reads).
  const dateIndex = layout.dateColumn === null ? -1 : names.indexOf(layout.dateColumn);
  const fixedDay = layout.titleDate?.iso ?? '';
  const keptIndexes = names.flatMap((_, index) => (wide.has(index) || index === dateIndex ? [] : [index]));
  const field = fieldWriter(dialect.delimiter);
  const clocks = layout.intervals.map((interval) => clockText(interval.startMs));
  const result: UnfoldResult = { rows: 0, records: 0, unreadable: 0, firstUnreadable: [], lineMap: { groups: [] } };
  // The copy's header is line 1; its records follow one a line (a cell with a line break in it
  // would shift the lines after it, which traffic counts' cells do not hold).
  let copyLine = 2;
  // Consecutive rows of one day (its sites) are written interval by interval, so the copy runs in
  // time order as the original's days do: 00:00 of every site, then 00:15 of every site, …
  let sameDay: (string | null)[][] = [];
  let sameDayLines: number[] = [];
  let sameDayText: string | null = null;
  const flush = (): string => {
    if (sameDay.length === 0) return '';
    const kept = sameDay.map((values) => keptIndexes.map((index) => field(values[index] ?? '')));
    let text = '';
    for (const [i, interval] of layout.intervals.entries()) {
      for (const [r, values] of sameDay.entries()) {
        // A row without a day keeps an empty time: the copy's reading rejects it, naming why.
        const time = sameDayText === '' ? '' : `${sameDayText} ${clocks[i] as string}`;
        text += `${[field(time), ...(kept[r] as string[]), field(interval.column.trim()), field(values[interval.index] ?? '')].join(dialect.delimiter)}\n`;
      }
    }
    result.rows += sameDay.length;
    result.records += sameDay.length * layout.intervals.length;
    result.lineMap.groups.push({ copyStart: copyLine, lines: sameDayLines });
    copyLine += sameDay.length * layout.intervals.length;
    sameDay = [];
    sameDayLines = [];
    return text;
  };
  const header = `${unfoldedColumns(names, layout).map(field).join(dialect.delimiter)}\n`;
  const row = (values: (string | null)[], line: number): string => {
    const day = dateIndex < 0 ? fixedDay : (values[dateIndex] ?? '').trim();
    const before = day !== sameDayText || sameDay.length >= MAX_SAME_DAY_ROWS ? flush() : '';
    sameDayText = day;
    sameDay.push(values);
    sameDayLines.push(line);
    return before;
  };
  return Object.assign(result, await writeWorkingCopy(sniffed, target, header, row, flush, signal));
}
