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
  const cells: CellValue[] = [];
  appendWindowTableCells(row, cells);
  return cells;
}

/**
 * The same cells pushed onto `target` (rows side by side in one array, no array per row: a window
 * table written at a million rows a second makes that much less garbage). `startText`/`endText`,
 * when given, are the bounds already formatted (rows of one window share them).
 */
export function appendWindowTableCells(row: WindowRow, target: CellValue[], startText?: string, endText?: string): void {
  target.push(startText ?? sqlTime(row.windowStart), endText ?? sqlTime(row.windowEnd));
  for (const cell of row.location) target.push(cell);
  target.push(row.rowCount);
  for (const measure of row.measures) target.push(measure.sum, measure.mean, measure.min, measure.max);
  target.push(row.closed ? 1 : 0);
}
