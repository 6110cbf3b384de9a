/**
 * What a profile reads from a row: its location key and its main measure's value at its event
 * time, or nothing when it has no time or no number there (such rows cannot be placed on a
 * day or a week, and an empty cell is not a zero).
 */
import type { TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { locationKey } from '../windows';

export interface ProfileColumns {
  /** Index of the main measure in a record's values. */
  measureIndex: number;
  /** Its name, for the views. */
  measureName: string;
  locationIndexes: readonly number[];
}

/** The measure's value, or null when the row cannot go in a profile. */
export function readingOf(record: TrafficRecord, columns: ProfileColumns): number | null {
  if (record.time === null) return null;
  const value = record.values[columns.measureIndex];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function locationOf(record: TrafficRecord, columns: ProfileColumns): string {
  return locationKey(record.values, columns.locationIndexes);
}

/** The columns a profile of `measure` reads, from the schema's columns (locations by their role). */
export function profileColumns(columns: readonly ColumnInfo[], measure: string): ProfileColumns {
  const measureIndex = columns.findIndex((column) => column.name === measure);
  if (measureIndex < 0 || columns[measureIndex]?.type !== 'number') throw new Error(`${JSON.stringify(measure)} is not a column of numbers.`);
  const locationIndexes = columns.flatMap((column, index) => (column.role === 'location' ? [index] : []));
  return { measureIndex, measureName: measure, locationIndexes };
}
