/**
 * Where in a record's values a window finds its location and its measures. Worked out once per
 * schema, so the per-row path only indexes arrays.
 */
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';

export interface RecordLayout {
  /** Indexes of the location-role columns, in schema order (several make a compound location). */
  locationIndexes: number[];
  locationNames: string[];
  /** Indexes of the aggregated measures. */
  measureIndexes: number[];
  measureNames: string[];
}

/** Measures are numeric measure-role columns; `chosen` (names) narrows them, in the order given. */
export function recordLayout(columns: readonly ColumnInfo[], chosen: readonly string[] | null = null): RecordLayout {
  const locationIndexes: number[] = [];
  const measures: number[] = [];
  columns.forEach((column, index) => {
    if (column.role === 'location') locationIndexes.push(index);
    else if (column.role === 'measure' && column.type === 'number') measures.push(index);
  });
  let measureIndexes = measures;
  if (chosen !== null) {
    measureIndexes = chosen.map((name) => {
      const index = columns.findIndex((column) => column.name === name);
      if (index < 0) throw new Error(`No column is called ${JSON.stringify(name)}.`);
      if (!measures.includes(index)) throw new Error(`${JSON.stringify(name)} is not a measure (a column of numbers).`);
      return index;
    });
  }
  return {
    locationIndexes,
    locationNames: locationIndexes.map((index) => (columns[index] as ColumnInfo).name),
    measureIndexes,
    measureNames: measureIndexes.map((index) => (columns[index] as ColumnInfo).name),
  };
}

/**
 * Separates the parts of a compound location key. Readable, so the key is also what the page shows
 * and sends back; two locations whose parts themselves hold ' / ' could share a key, which real
 * location columns (a junction and a direction, a road and a count point) do not.
 */
const KEY_SEPARATOR = ' / ';

/**
 * The key windows and profiles group a row by, and the location's name for people: the location
 * cell itself when there is one location column (the common case: no allocation), the parts
 * joined otherwise, '' without any.
 */
export function locationKey(values: readonly CellValue[], locationIndexes: readonly number[]): string {
  if (locationIndexes.length === 1) return String(values[locationIndexes[0] as number] ?? '');
  if (locationIndexes.length === 0) return '';
  let key = '';
  for (let i = 0; i < locationIndexes.length; i++) {
    if (i > 0) key += KEY_SEPARATOR;
    key += String(values[locationIndexes[i] as number] ?? '');
  }
  return key;
}
