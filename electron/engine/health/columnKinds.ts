/**
 * Which measure columns hold flow, occupancy or speed, read from their headers in English and
 * the common variants (abbreviations, units, a few other languages), and which may be counts
 * at all (a total and its parts are sought among those). Consistency checks run only when the
 * columns they need are found.
 */
import { QUALITY_SHARE, hasStem, type WordStems } from '../../../shared/columnNameWords';

const OCCUPANCY = /occ|belegung|occupation|ocupaci|bezetting|occupazione/i;
const SPEED = /speed|mph|km\/?h|kph|vitesse|velocidad|geschwindigkeit|velocit|snelheid|(^|[\s_.-])v($|[\s_.-])|^avg_?spd|spd/i;
const FLOW = /flow|volume|(^|[\s_.-])vol($|[\s_.-])|count|vehicles|veh($|[\s_.-])|total|intensit|(^|[\s_.-])q($|[\s_.-])|d(é|e)bit|verkehrsst(ä|ae)rke|anzahl/i;
/**
 * Readings that are never vehicle counts, so never a total or its part, read as words
 * (shared/columnNameWords): `dew` is the dew point, not the inside of `Sidewalk`, so the Fremont
 * Bridge's sidewalk counts are still checked against their total.
 */
const NOT_COUNT: WordStems = {
  anywhere: ['%', 'temperat', 'humid', 'precip', 'weather', 'pressure', 'altitude', 'battery', 'voltage', 'coord'],
  prefixes: ['temp', 'rain', 'snow', 'cloud', 'wind', 'visib', 'dew', 'elev', 'error', 'status', 'ratio', 'share', 'headway', 'gap', 'length', 'density', 'hour', 'minute', 'second', 'year', 'month', 'day', 'week'],
  exact: ['perc', 'percentage', 'pourcentage', 'porcentaje', 'anteil', 'lat', 'latitude', 'lon', 'longitude', 'lng'],
};

export type ColumnKind = 'occupancy' | 'speed' | 'flow' | 'other';

export function columnKind(name: string): ColumnKind {
  if (OCCUPANCY.test(name)) return 'occupancy';
  if (SPEED.test(name)) return 'speed';
  if (FLOW.test(name)) return 'flow';
  return 'other';
}

/** True when the column may be a vehicle count (a part or a total). */
export function mayBeCount(name: string): boolean {
  const kind = columnKind(name);
  return kind === 'flow' || (kind === 'other' && !hasStem(name, NOT_COUNT) && !hasStem(name, QUALITY_SHARE));
}

/** Counts, occupancy and speed cannot be negative; a temperature can. */
export function cannotBeNegative(name: string): boolean {
  return columnKind(name) !== 'other' || mayBeCount(name);
}
