/**
 * Numeric columns that identify rather than measure: a record id, a running number, a value unique
 * to each row. Summing, charting or thresholding them means nothing, so they are never measures and
 * never the default threshold column; they are read as text (category).
 */
import { namesTrafficCount } from '../mainMeasure';

/**
 * `ID`, `Id`, `record_id`, `objectid`, `Nr`, `index`, French open data's `iu_…` (identifiant
 * unique), `Identifiant arc`… (a location id is caught by the location rules first).
 */
const ID_NAME =
  /(^|[\s_.-])id$|^(id|iu)[\s_.-]|_id$|[a-z]ID$|^(id|ids|index|idx|row|rownum|row_number|record|rec|nr|no|n°|objectid|fid|gid|uid|uuid|key|seq|sequence)$|identifiant|identificador|identifier|kennung|kennziffer/i;
/**
 * Numbers that label rather than measure: coordinates, codes for a state, a class or a lane, and calendar
 * fields when the time is read from elsewhere (`Month`, `Day of Week`, `Hour`).
 */
const COORDINATE_NAME = /^(lat|latitude|lon|lng|long|longitude|breite|l(ä|a)nge|laengengrad|breitengrad|easting|northing|[xyen]_?coord|[en]koord)$/i;
const LABEL_NAME =
  /(^|[\s_.-])(state|status|etat|état|zustand|estado|code|class|klasse|classe|type|typ|category|flag|direction|richtung|sens|lane|fahrstreifen|spur|voie|carril|corsia|rijstrook)($|[\s_.-])|^(year|yr|month|mon|day|dd|mdate|mday|day.?of.?month|dom|day.?of.?year|doy|hour|hh|hr|hour.?of.?day|minute|min|mm|second|sec|ss|weekday|day of week|day_of_week|dow|week|quarter)$/i;
/**
 * A column called `time` (or the word in another language) holding whole numbers 0..24 is the hour
 * of the day written beside the full time, not a reading.
 */
const HOUR_AS_TIME_NAME = /^(time|zeit|heure|hora|ora|uur|tid)$/i;

/** Enough rows that a count column would repeat a value (counts live in a few hundred values). */
const MIN_ROWS_FOR_UNIQUENESS = 30;

/** A latitude, longitude or grid coordinate column, by its name. */
export function isCoordinateName(name: string): boolean {
  return COORDINATE_NAME.test(name.trim());
}

export function isIdentifierName(name: string): boolean {
  return ID_NAME.test(name.trim());
}

/**
 * True for integers that differ in every sampled row and only ever grow (a running number such as
 * 20151101001, 20151101002…). Decimals and repeating values are measurements.
 */
export function looksLikeRunningNumber(values: readonly string[]): boolean {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (present.length < MIN_ROWS_FOR_UNIQUENESS) return false;
  let previous = Number.NEGATIVE_INFINITY;
  for (const text of present) {
    if (!/^[+-]?\d+$/.test(text)) return false;
    const value = Number(text);
    if (!(value > previous)) return false;
    previous = value;
  }
  return true;
}

function holdsHoursOfDay(values: readonly string[]): boolean {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  return present.length > 0 && present.every((text) => /^\d{1,2}$/.test(text) && Number(text) <= 24);
}

/** True for a numeric column whose numbers label something: an id, a running number, a coordinate, a code. */
export function isIdentifierColumn(name: string, values: readonly string[]): boolean {
  if (isIdentifierName(name) || isCoordinateName(name) || LABEL_NAME.test(name.trim())) return true;
  if (HOUR_AS_TIME_NAME.test(name.trim()) && holdsHoursOfDay(values)) return true;
  // A cumulative counter grows on every row too; its name says it counts traffic.
  return looksLikeRunningNumber(values) && !namesTrafficCount(name);
}
