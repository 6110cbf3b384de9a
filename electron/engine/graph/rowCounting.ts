/**
 * How the Junction graph reads a row: the location column says where it counts, the measure (the
 * user's choice, else mainMeasure) how much, and the row's own time when. Without a location column
 * every row counts for one node, ALL_ROWS_NODE, so the panel still shows the total load.
 */
import type { ColumnInfo } from '../../../shared/schema';
import { mainMeasure } from '../source';
import type { FeedEntry } from '../stages';
import type { JunctionLoads } from './junctionLoads';

/** The node every row counts for when the data has no location column. */
export const ALL_ROWS_NODE = '(all rows)';

export interface CountedColumns {
  /** -1 when the data has no location column. */
  locationIndex: number;
  /** The measure's name; null when the data has no numeric column. */
  measure: string | null;
  measureIndex: number;
}

export const NO_COUNTED_COLUMNS: CountedColumns = { locationIndex: -1, measure: null, measureIndex: -1 };

/** `requestedMeasure`: the user's choice; `fileMeasure`: the file's main measure, used when there is none (or it is no numeric column). */
export function countedColumns(columns: readonly ColumnInfo[], requestedMeasure: string | null, fileMeasure: string | null = null): CountedColumns {
  const numeric = columns.filter((column) => column.type === 'number').map((column) => column.name);
  const measure = mainMeasure(numeric, requestedMeasure !== null && numeric.includes(requestedMeasure) ? requestedMeasure : fileMeasure);
  return {
    locationIndex: columns.findIndex((column) => column.role === 'location'),
    measure,
    measureIndex: measure === null ? -1 : columns.findIndex((column) => column.name === measure),
  };
}

/**
 * Adds each row to its location's count. A row without a location is skipped; one without a
 * numeric measure still puts its location on the graph, adding nothing to its load; one without a
 * time counts at `arrival`.
 */
export function countRows(entries: readonly FeedEntry[], counted: CountedColumns, loads: JunctionLoads, arrival: number): void {
  for (const entry of entries) {
    const { values, time } = entry.record;
    const location = counted.locationIndex < 0 ? ALL_ROWS_NODE : values[counted.locationIndex];
    if (location === null || location === undefined || location === '') continue;
    const measured = counted.measureIndex < 0 ? null : values[counted.measureIndex];
    loads.add(typeof location === 'string' ? location : String(location), time ?? arrival, typeof measured === 'number' ? measured : null, values);
  }
}
