/**
 * Where each location is, read from the data itself when it says so: a latitude and a longitude
 * column (Chicago's and Melbourne's counts, the UK's count points), or one column of coordinate
 * pairs (`(-37.81, 144.96)`, `POINT (144.96 -37.81)`). Without a network file the graph then draws
 * the junctions where they are rather than on a ring; a network file's coordinates still win.
 *
 * A location's first valid point is kept; once every location has one, a row costs one map lookup.
 * Files without such columns cost nothing here.
 */
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedEntry } from '../stages';
import type { GeoPoint } from './networkFile';

const LATITUDE = /^(lat|latitude|breite|breitengrad|y_?lat|lat_?deg|lat_?wgs84)$|latitude/i;
const LONGITUDE = /^(lon|lng|long|longitude|l(ä|ae)nge|laengengrad|x_?lon|lon_?deg|lon_?wgs84)$|longitude/i;
/** A text column of pairs: its name says so (`location` only when its values turn out to be points). */
const PAIR_NAME = /^(location|coordinates?|coords?|geo_?point(_2d)?|geopoint|geo_?location|point|position|wkt|geometry|geom)$/i;

/** `(lat, lon)` or `lat, lon` or `lat lon`, as sensor tables write a point. */
const LAT_LON_PAIR = /^\(?\s*([+-]?\d+(?:\.\d+)?)\s*[,; ]\s*([+-]?\d+(?:\.\d+)?)\s*\)?$/;
/** Well-known text puts longitude first. */
const WKT_POINT = /^point\s*\(\s*([+-]?\d+(?:\.\d+)?)\s+([+-]?\d+(?:\.\d+)?)\s*\)$/i;

type Source = { kind: 'columns'; lat: number; lon: number } | { kind: 'pair'; column: number };

function valid(lat: number, lon: number): GeoPoint | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // 0, 0 is where a missing point lands, not a counting site.
  return lat === 0 && lon === 0 ? null : { lat, lon };
}

/** A point written as text, or null. */
export function parsePoint(text: string): GeoPoint | null {
  const trimmed = text.trim();
  const wkt = WKT_POINT.exec(trimmed);
  if (wkt) return valid(Number(wkt[2]), Number(wkt[1]));
  const pair = LAT_LON_PAIR.exec(trimmed);
  return pair ? valid(Number(pair[1]), Number(pair[2])) : null;
}

/** Coordinates are labels, not measures, so they may arrive as text: `"41.7648"` reads as a number here. */
function coordinate(value: CellValue | undefined): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
}

function pointOf(lat: CellValue | undefined, lon: CellValue | undefined): GeoPoint | null {
  return valid(coordinate(lat), coordinate(lon));
}

function sourceFor(columns: readonly ColumnInfo[]): Source | null {
  const named = (pattern: RegExp): number => columns.findIndex((column) => column.role !== 'timestamp' && pattern.test(column.name.trim()));
  const lat = named(LATITUDE);
  const lon = named(LONGITUDE);
  if (lat >= 0 && lon >= 0 && lat !== lon) return { kind: 'columns', lat, lon };
  const pair = columns.findIndex((column) => column.type === 'text' && column.role !== 'timestamp' && PAIR_NAME.test(column.name.trim()));
  return pair >= 0 ? { kind: 'pair', column: pair } : null;
}

export class DataCoordinates {
  private source: Source | null = null;
  private locationIndex = -1;
  private readonly points = new Map<string, GeoPoint>();

  /** A new run or new columns: points of the old ones go. */
  restart(columns: readonly ColumnInfo[]): void {
    this.source = sourceFor(columns);
    this.locationIndex = columns.findIndex((column) => column.role === 'location');
    this.points.clear();
  }

  /** Reads the points of locations not placed yet; true when one was found. */
  add(entries: readonly FeedEntry[]): boolean {
    const source = this.source;
    if (source === null || this.locationIndex < 0) return false;
    let found = false;
    for (const entry of entries) {
      const { values } = entry.record;
      const location = values[this.locationIndex];
      if (location === null || location === undefined) continue;
      const key = String(location);
      if (this.points.has(key)) continue;
      const point = source.kind === 'columns' ? pointOf(values[source.lat], values[source.lon]) : typeof values[source.column] === 'string' ? parsePoint(values[source.column] as string) : null;
      // A location whose first rows have no point keeps being looked at until one has.
      if (point) {
        this.points.set(key, point);
        found = true;
      }
    }
    return found;
  }

  get(location: string): GeoPoint | null {
    return this.points.get(location) ?? null;
  }

  get size(): number {
    return this.points.size;
  }
}
