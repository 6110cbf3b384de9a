/**
 * The first block's rows as (location, event time), decoded once when a file is opened: the time
 * range, the time order and the replay order all read them (each decoding the block itself would
 * triple the work on the way to the first row on screen).
 */
import { RowDecoder } from '../rowDecoder';
import type { TableSchema } from '../tableSchema';

export interface TimedRow {
  /** The location cell as text; '' without a location column. */
  location: string;
  time: number;
}

/** Rows that decode with an event time, in file order; none without a time column. */
export function timedRows(rows: readonly (readonly string[])[], schema: TableSchema): TimedRow[] {
  if (!schema.time) return [];
  const decoder = new RowDecoder(schema);
  const locationIndex = schema.location === null ? -1 : schema.columns.findIndex((column) => column.name === schema.location);
  const timed: TimedRow[] = [];
  for (const fields of rows) {
    const decoded = decoder.decode(fields as string[]);
    if (!decoded.ok || decoded.time === null) continue;
    timed.push({ location: locationIndex < 0 ? '' : String(decoded.values[locationIndex] ?? ''), time: decoded.time });
  }
  return timed;
}
