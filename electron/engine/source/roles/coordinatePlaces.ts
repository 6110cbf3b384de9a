/**
 * A place known by where it is: files that repeat a site's coordinates on every row (Toronto's
 * Miovision turning-movement counts: `study_id`, `study_name`, `lat`, `lng` on each of the 20,000
 * rows of two intersections) name the place in a column that changes exactly when the
 * coordinates do. The first block may hold one place only (one intersection's rows, then the
 * next's), so this is settled from rows further into the file too, and only when nothing else was
 * taken for the location. A name (text) is preferred to a number; coordinates that differ on most
 * rows (a GPS track) mark no places.
 */
import type { ColumnInfo } from '../../../../shared/schema';
import { isCoordinateName } from './identifierColumns';

/** Places the coordinates may mark: no more than this share of the rows (more is a track, not sites). */
const MAX_PLACE_SHARE = 0.2;

/** The column that names each place the coordinates mark, and how many places; null when none does. */
/** The columns holding coordinates (any time column aside). */
export function coordinateColumns(columns: readonly ColumnInfo[]): number[] {
  return columns.flatMap((column, index) => (column.role !== 'timestamp' && isCoordinateName(column.name) ? [index] : []));
}

export function placeNamedByCoordinates(columns: readonly ColumnInfo[], rows: readonly (readonly string[])[]): { index: number; places: number } | null {
  const coordinates = coordinateColumns(columns);
  if (coordinates.length < 2) return null;
  const pairs = rows.map((row) => coordinates.map((index) => (row[index] ?? '').trim()).join(' '));
  const places = new Set(pairs.filter((pair) => pair.trim() !== '')).size;
  if (places < 2 || places > Math.max(4, rows.length * MAX_PLACE_SHARE)) return null;
  const candidates = columns.flatMap((column, index) => (column.role === 'category' && !coordinates.includes(index) ? [index] : []));
  const numbers = new Set(candidates.filter((at) => holdsNumbers(rows, at)));
  const textFirst = [...candidates.filter((at) => !numbers.has(at)), ...numbers];
  const index = textFirst.find((at) => oneToOne(rows, at, pairs, places));
  return index === undefined ? null : { index, places };
}

function holdsNumbers(rows: readonly (readonly string[])[], index: number): boolean {
  return rows.every((row) => /^\s*\d*\s*$/.test(row[index] ?? ''));
}

/** True when column `index` has one value per coordinate pair and one pair per value, over every row that has both. */
function oneToOne(rows: readonly (readonly string[])[], index: number, pairs: readonly string[], places: number): boolean {
  const pairOf = new Map<string, string>();
  const valueOf = new Map<string, string>();
  for (let r = 0; r < rows.length; r++) {
    const value = (rows[r]?.[index] ?? '').trim();
    const pair = pairs[r] as string;
    if (value === '' || pair.trim() === '') continue;
    if ((pairOf.get(value) ?? pair) !== pair || (valueOf.get(pair) ?? value) !== value) return false;
    pairOf.set(value, pair);
    valueOf.set(pair, value);
  }
  return pairOf.size === places;
}
