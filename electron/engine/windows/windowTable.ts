/**
 * The SQL table a window becomes (traffic_15min…): its columns for a schema, and an emitted row
 * as that table's cells. One row per window × location:
 *
 *   window_start, window_end   TEXT 'YYYY-MM-DD HH:MM:SS' (UTC wall clock), the live table's `_time`
 *                              format: text order is time order, SQLite's date functions read it,
 *                              people read it, and `_time >= window_start AND _time < window_end`
 *                              joins a window back to its rows. The end is exclusive.
 *   <location columns>         as the live table names them
 *   row_count                  INTEGER, rows in the window (empty cells included)
 *   <m>_sum, <m>_mean,         NUMERIC per measure, over the rows with a number in it; NULL when none.
 *   <m>_min, <m>_max           A measure's name becomes a bare SQL name (other characters → _), so
 *                              `Total_mean` can be typed without quotes.
 *   closed                     INTEGER 1 when final, 0 for an EMIT CHANGES update of an open window.
 *
 * Names are made unique without regard to case (SQLite's rule), a later clash getting _2, _3….
 */
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import type { SqlColumn } from '../../../shared/sql/sqlContract';
import { liveDataColumnNames } from '../../../shared/sql/sqlIdentifiers';
import type { WindowRow } from '../../../shared/windows/windowContract';
import { sqlTime } from '../sql';
import type { RecordLayout } from './recordLayout';
import type { WindowFigures } from './windowAccumulator';

export const AGGREGATES = ['sum', 'mean', 'min', 'max'] as const;

/** A name SQL reads without quotes: letters, digits and underscores, not starting with a digit. */
function bareName(name: string): string {
  const bare = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (bare === '') return 'measure';
  return /^[0-9]/.test(bare) ? `m_${bare}` : bare;
}

function unique(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((base) => {
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base}_${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export function windowTableColumns(columns: readonly ColumnInfo[], layout: RecordLayout): SqlColumn[] {
  // The live table's names for the location columns, so a join can say `USING (Junction)`.
  const liveNames = liveDataColumnNames(columns.map((column) => column.name));
  const locations = layout.locationIndexes.map((index) => ({
    name: liveNames[index] as string,
    type: (columns[index] as ColumnInfo).type === 'number' ? ('NUMERIC' as const) : ('TEXT' as const),
  }));
  const aggregates = layout.measureNames.flatMap((measure) => AGGREGATES.map((aggregate) => `${bareName(measure)}_${aggregate}`));
  const names = unique(['window_start', 'window_end', ...locations.map((column) => column.name), 'row_count', ...aggregates, 'closed']);
  let at = 0;
  const next = (): string => names[at++] as string;
  return [
    { name: next(), type: 'TEXT', system: true },
    { name: next(), type: 'TEXT', system: true },
    ...locations.map((column): SqlColumn => ({ name: next(), type: column.type, system: false })),
    { name: next(), type: 'INTEGER', system: true },
    ...aggregates.map((): SqlColumn => ({ name: next(), type: 'NUMERIC', system: false })),
    { name: next(), type: 'INTEGER', system: true },
  ];
}

/** An emitted row as cells in windowTableColumns' order. */
export function windowTableCells(row: WindowRow): CellValue[] {
  const cells: CellValue[] = [sqlTime(row.windowStart), sqlTime(row.windowEnd)];
  for (const cell of row.location) cells.push(cell);
  cells.push(row.rowCount);
  for (const measure of row.measures) cells.push(measure.sum, measure.mean, measure.min, measure.max);
  cells.push(row.closed ? 1 : 0);
  return cells;
}

/**
 * The same cells straight from a window's figures, written into `target` from `at` (a buffer of
 * rows side by side, reused: a window table written at a million rows a second makes no row
 * object, no array per row and no measure objects this way). `startText`/`endText` are the bounds
 * as sqlTime formats them (rows of one window share them, so they are formatted once).
 */
export function writeWindowTableCells(target: CellValue[], at: number, figures: WindowFigures, startText: string, endText: string, closed: boolean): void {
  let i = at;
  target[i++] = startText;
  target[i++] = endText;
  const location = figures.location;
  for (let l = 0; l < location.length; l++) target[i++] = location[l] as CellValue;
  target[i++] = figures.rowCount;
  for (let m = 0; m < figures.measureCount; m++) {
    const count = figures.countOf(m);
    if (count === 0) {
      target[i++] = null;
      target[i++] = null;
      target[i++] = null;
      target[i++] = null;
      continue;
    }
    const sum = figures.sumOf(m);
    target[i++] = sum;
    target[i++] = sum / count;
    target[i++] = figures.minOf(m);
    target[i++] = figures.maxOf(m);
  }
  target[i] = closed ? 1 : 0;
}
