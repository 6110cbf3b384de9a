/**
 * Numeric columns that identify rather than measure: a record id, a running number, a value unique
 * to each row. Summing, charting or thresholding them means nothing, so they are never measures and
 * never the default threshold column; they are read as text (category).
 */
import { namesTrafficCount } from '../mainMeasure';
import { namesHowManyAPlaceHas } from './placeFeatureCount';

/**
 * `ID`, `Id`, `record_id`, `objectid`, `Nr`, `index`, a number after a word (`Veh. No.`,
 * `Record #`, `SCATS Number`), French open data's `iu_…` (identifiant unique), `Identifiant arc`… (a location id
 * is caught by the location rules first).
 */
const ID_NAME =
  /(^|[\s_.-])id$|(^|[\s_.-])(no|nr|n°|#|number|num)\.?$|^(id|iu)[\s_.-]|^id(elem|elemento|tramo|sensor|estacion|punto)$|_id$|[a-z]ID$|^(id|ids|index|idx|row|rownum|row_number|record|rec|nr|no|n°|objectid|fid|gid|uid|uuid|key|seq|sequence)$|identifiant|identificador|identifier|kennung|kennziffer|(š|s)tevno mesto/i;
/**
 * Ids and numbers by case alone, where the word has no separator: camelCase `idTemporal`,
 * `idElem`, and German abbreviations ending in Nr / NR (Nummer): `ZNR` (Zählstellennummer),
 * `STRNR` (Straßennummer), `MessstelleNr`.
 */
const CASED_ID_NAME = /^id[A-Z]|[A-Za-z](NR|Nr)$/;
/**
 * Numbers that label rather than measure: coordinates, codes for a state, a class, a lane or a counter's channel, and calendar
 * fields when the time is read from elsewhere (`Month`, `Day of Week`, `Hour`).
 */
const COORDINATE_NAME =
  /^([a-z]{1,4}_)?(x|y)$|^(lat|latitude|lon|lng|long|longitude|latitud|longitud|latitudine|longitudine|breite|l(ä|a)nge|laengengrad|breitengrad|easting|northing|[xyen]_?coord|[en]koord|coord(enada|onn(é|e)e)?_?[xy])$/i;
const LABEL_NAME =
  /(^|[\s_.-])(state|status|etat|état|zustand|estado|code|class|klasse|classe|type|typ|category|flag)($|[\s_.-])|^(year|yr|month|mon|day|dd|mdate|mday|day.?of.?month|dom|day.?of.?year|doy|hour|hh|hr|hour.?of.?day|minute|min|mm|second|sec|ss|weekday|day of week|day_of_week|dow|week|quarter)$/i;
/** A counter's channel (`Channel` 1, 2: its lane); numbered channels (`channel_1` … `channel_4`) are its counts, one per channel. */
const CHANNEL_NAME = /^(channel|kanal|canal)$/i;
/**
 * Where on the road a number belongs (a lane, a direction, an orientation): a label on its own
 * (`lane`, `Fahrstreifen`, `direction`), but a count when the name also says what was counted
 * (PeMS' `Lane 1 Flow (Veh/5 Minutes)`, `lane_volume`).
 */
const WHERE_NAME =
  /(^|[\s_.-])(direction|richtung|sens|orientation|orien|lanes?|fahrstreifen|spur|voies?|carril(s|es)?|corsi[ae]|rijstrook|rijstroken)($|[\s_.-])/i;
/**
 * The same calendar fields in the other languages traffic data is published in (`JAHR`, `anyo`,
 * `année`, `Monat`, `mes`), and where on which road a counter stands: a road or route number
 * (`freeway`, `route`), a kilometre point or postmile along it (`Pk`, `PK inici`, `postmile`,
 * Slovenian `Stac. začetka` / `Stac. konca`: the chainage, stacionaža, where a section starts and ends).
 */
const OTHER_LABEL_NAME =
  /^(jahr|a(ñ|n)o|anyo|any|ann(é|e)e|anno|jaar|år|monat|mes|mois|mese|maand|tag|d(í|i)a|jour|giorno|stunde|hora|heure|uur|freeway|fwy|route|highway|hwy|postmile|abs_?pm|milepost|chainage)$|^(pk|p\.k\.|pr)($|[\s_.-])|^stac(\.|iona(ž|z)a)/i;
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
  return ID_NAME.test(name.trim()) || CASED_ID_NAME.test(name.trim());
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

/** A class or type with its number (`Class #5 - Northbound`, `FHWA Class 9`): the count of that class, not a code. */
const NUMBERED_CLASS = /(class|klasse|classe|type|typ|category)[\s_#-]*\d+([\s_.-]|$)/i;

function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name) || OTHER_LABEL_NAME.test(name) || (WHERE_NAME.test(name) && !namesTrafficCount(name));
}

/**
 * A second column of the same name, as writers tell them apart (pandas `year.1`, a portal's `Any 1`,
 * `Jahr_2`): the name it repeats.
 */
function withoutDuplicateSuffix(name: string): string {
  return name.trim().replace(/[\s._]\d{1,2}$/, '');
}

/** True for a numeric column whose numbers label something: an id, a running number, a coordinate, a code. */
export function isIdentifierColumn(name: string, values: readonly string[]): boolean {
  const labels = !NUMBERED_CLASS.test(name) && (isLabelName(name.trim()) || isLabelName(withoutDuplicateSuffix(name)));
  if (isIdentifierName(name) || isCoordinateName(name) || labels || namesHowManyAPlaceHas(name)) return true;
  if (CHANNEL_NAME.test(name.trim())) return true;
  if (HOUR_AS_TIME_NAME.test(name.trim()) && holdsHoursOfDay(values)) return true;
  // A cumulative counter grows on every row too; its name says it counts traffic (a per-vehicle
  // log's `Veh. No.` 1, 2, 3… says it numbers them, and is caught by its name above).
  return looksLikeRunningNumber(values) && !namesTrafficCount(name);
}
