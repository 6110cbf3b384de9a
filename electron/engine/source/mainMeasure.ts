/**
 * The measure a panel shows when the user has not chosen one: the column a traffic engineer means
 * by "traffic". The threshold starts on it, predictions forecast it, the junction graph sums it
 * as load and the SQL console's examples filter on it (FileInfo.measure), so all of them agree:
 * this is the only place the rule is written (mainMeasure.test.ts holds them to it).
 *
 * Chosen by name, in the languages traffic data is published in: a total first (`Total`, the
 * original data set's vehicle count), then volume / flow / vehicles / count / intensity, then any
 * other number (one whose sampled values never change after the others); weather and sensor-health readings (temperature, rain, snow, clouds, humidity,
 * occupancy, speed…) last, however early they stand in the header. A column the data shows to be
 * the sum of other counts (roles/totalColumn.ts) is a total whatever its name: the schema finds it
 * once and every panel starts on the schema's measure.
 */
import { QUALITY_SHARE, hasStem, type WordStems } from '../../../shared/columnNameWords';
import type { MeasureTotal } from './roles/totalColumn';

/** A total over vehicle classes: `Total`, `total_volume`, `Gesamt`, `totale`, `all_motor_vehicles`. */
export const TOTAL_NAME = /(^|[\s_.-])total|total($|[\s_.-])|^total$|gesamt|totale|summe|^sum$|(^|[\s_.-])all($|[\s_.-])/i;
/** How much traffic passed, in English, German, French, Spanish, Italian, Dutch, Portuguese, Polish, Czech, the Nordic languages, Hungarian, Slovenian and Croatian, Japanese, Chinese and Korean. */
const VOLUME =
  /volume|(^|[\s_.-])vol($|[\s_.-])|flow|vehicle|veh($|[\s_.-])|count|traffic|intensit|anzahl|menge|verkehr|fahrzeug|kfz|z(ä|ae)hlung|d(é|e)bit|comptage|trafic|v(é|e)hicule|passage|intensidad|aforo|veh(í|i)culos|conteo|flujo|tr(á|a)fico|veicoli|conteggio|flusso|aantal|verkeer|intensiteit|fluxo|contagem|pkw|lkw|cars?$|bikes?$|trucks?$|bus(es)?$|cyclists?|pedestrians?|passanten|fu(ß|ss)g(ä|ae)nger|v(é|e)los?$|fahrr(ä|a)der|radfahr|交通量|通行量|台数|流量|车流|車流|교통량|liczba|pojazd|nat(ę|e)(ż|z)eni|po(č|c)et|vozid|vozil|antal|fordon|kj(ø|o)ret(ø|o)y|k(ø|o)ret(ø|o)j|ajoneuv|liikenne|forgalom|j(á|a)rm(ű|u)|promet|trafik/i;
/**
 * Average daily traffic as engineers abbreviate it: AADT / ADT / AAWT / AADF (English), DTV
 * (German, as in `DTVMS`, `DTV_Kfz`), TMJA / TMJO / MJA / MJO (French, Bordeaux's `MJO_VAL`), IMD (Spanish and Catalan), TGM
 * (Italian), PLDP (Slovenian), PGDP (Croatian), TMDA (Portuguese). A word of its own or the start of one, never inside another word.
 */
const DAILY_TRAFFIC = /(^|[^a-z])(aadt|aawt|aadf|awdt|adt|dtv|tmj|mja|mjo|imd|tgm|pldp|pgdp|tmda)[a-z]*([^a-z]|$)/i;
/**
 * An average over working days only (AAWT, AWDT, French `jo` jours ouvrés as in Montpellier's
 * `mja_jo`, TMJO): after the average over all days (`mja_tcj`, AADT) when both are given.
 */
const WORKING_DAYS = /(^|[^a-z])(aawt|awdt|tmjo|mjo|jo|jours?[\s_]ouvr[a-z]*|working[\s_]?days?|workdays?)([^a-z]|$)/i;
/**
 * Readings that describe the weather or the sensor rather than how much traffic there was, read
 * as words (shared/columnNameWords): `dew` is the dew point, never the inside of `Sidewalk`.
 */
const NOT_TRAFFIC: WordStems = {
  anywhere: ['%', 'temperat', 'humid', 'precip', 'weather', 'pressure', 'niederschlag', 'feucht', 'occup', 'belegung', 'ocupaci', 'speed', 'vitesse', 'velocidad', 'geschwindigkeit', 'velocit', 'snelheid', 'prędko', 'predko', 'rychlost', 'hastighet', 'nopeus', 'hitrost', 'brzin', 'sebess', 'coord', 'altitude', 'battery', 'voltage'],
  prefixes: ['temp', 'rain', 'snow', 'cloud', 'wind', 'visib', 'dew', 'sunshine', 'sunlight', 'sonne', 'regen', 'schnee', 'wolke', 'pluie', 'neige', 'nuage', 'lluvia', 'nieve', 'nube', 'elev', 'error', 'status', 'state', 'etat', 'état', 'ratio', 'share'],
  exact: ['perc', 'percentage', 'pourcentage', 'porcentaje', 'anteil', 'sun', 'lat', 'latitude', 'latitud', 'lon', 'longitude', 'longitud', 'lng', 'x', 'y', 'k', 'v'],
};
/**
 * What a per-vehicle log (a row per vehicle, as radar, tube and weigh-in-motion counters write
 * them) says of each vehicle besides its speed: its length, the gap or headway to the one ahead,
 * its weight, wheelbase (not its axles: `2 axle` names a class count as often as a property). Properties of one vehicle, never an amount of traffic: after every
 * other number, speed included, so such a log is read by its speeds (a threshold on speed finds
 * the speeders), and a window's row_count counts its vehicles.
 */
const VEHICLE_ATTRIBUTE: WordStems = {
  anywhere: ['länge', 'laenge', 'longueur', 'lunghezza', 'headway', 'zeitlücke', 'zeitluecke', 'wheelbase', 'radstand', 'gewicht', 'bruttogewicht'],
  prefixes: ['length', 'lengte', 'gap', 'weight', 'poids', 'spacing'],
  exact: ['longitud', 'peso', 'gvw'],
};
/** A name that counts what it names (`Axle count`, `Anzahl Achsen`, `axle hits` from a tube counter): a count, not a vehicle's property. */
const COUNTS_IT = /count|anzahl|number|nombre|n(u|ú)mero|total|sum|volume|flow|hits/i;
const SPEED: WordStems = { anywhere: ['speed', 'vitesse', 'velocidad', 'geschwindigkeit', 'velocit', 'snelheid', 'prędko', 'predko', 'rychlost', 'hastighet', 'nopeus', 'hitrost', 'brzin', 'sebess'], exact: ['v', 'kmh', 'mph'] };

/** Numbers about the calendar (an hour or a week number): a measure only when nothing else is. */
const CALENDAR: WordStems = {
  prefixes: ['hour', 'minute', 'second', 'year', 'month', 'day', 'week', 'stunde', 'jahr', 'monat', 'woche', 'heure', 'jour', 'mois', 'godzin', 'hodin', 'tunti', 'timme'],
  exact: ['tag', 'hora', 'dia', 'día', 'mes', 'ura', 'sat', 'óra', 'saat', 'godz', 'hod'],
};

/** Traffic-flow notation: q is flow (vehicles per hour); k (density or occupancy) and v (speed) are not counts. */
const FLOW_SYMBOL = /^q$/i;

function rank(name: string): number {
  if (name === 'Total') return 0;
  if (FLOW_SYMBOL.test(name.trim())) return 2;
  if (hasStem(name, VEHICLE_ATTRIBUTE) && !COUNTS_IT.test(name)) return 4.5;
  if (hasStem(name, NOT_TRAFFIC) || hasStem(name, QUALITY_SHARE)) return 4;
  // A total of all vehicles before a total of one class (`all_motor_vehicles` before `all_hgvs`).
  if (TOTAL_NAME.test(name)) return VOLUME.test(name) ? 0.5 : 1;
  if (VOLUME.test(name) || DAILY_TRAFFIC.test(name)) return WORKING_DAYS.test(name) ? 2.25 : 2;
  if (hasStem(name, CALENDAR)) return 3.5;
  return 3;
}

/** True when the name says it counts traffic (a total, a volume, a flow…). */
export function namesTrafficCount(name: string): boolean {
  return rank(name) <= 2.25;
}

/**
 * True when the name says nothing of what it measures: no count, total or flow, no weather, sensor
 * or quality reading, no calendar field (`Berri 1`, `773869`, `du Parc`).
 */
export function namesNoQuantity(name: string): boolean {
  return rank(name) === 3;
}

/** True when the name allows a count: no weather, sensor or quality reading, no calendar number. */
export function mayNameCount(name: string): boolean {
  return rank(name) < 3.5;
}

/**
 * The rank of a column, given the total the data shows (`total`, a column equal to the sum of
 * others on nearly every row): that total goes before every count but one named as a total of all
 * vehicles (`Total`, `total_volume`, `all_motor_vehicles`), which a sum of classes cannot outrank.
 */
function rankWith(name: string, total: MeasureTotal | null, constant: ReadonlySet<string>, stepwise: ReadonlySet<string>): number {
  const r = rank(name);
  if (total !== null && total.total === name) return Math.min(r, 0.75);
  // A number that stays the same for long runs of rows (a movement id 1…9 named `verkehrsstrom`,
  // a daily figure repeated on every hourly row) goes after one that moves from row to row.
  if (stepwise.has(name)) return r + 0.1;
  // A number its name says nothing about and whose sampled values never change (a link type of 1,
  // a direction code) is no count of traffic while another such number moves.
  return r === 3 && constant.has(name) ? 3.25 : r;
}

const listed = (names: readonly string[]): string => {
  const quotedNames = names.map((name) => JSON.stringify(name));
  return quotedNames.length <= 1 ? (quotedNames[0] ?? '') : `${quotedNames.slice(0, -1).join(', ')} and ${quotedNames[quotedNames.length - 1] ?? ''}`;
};

/** Why the measure was chosen among `numericColumns`, for the line that describes a file when it opens. */
export function measureReason(name: string, total: MeasureTotal | null = null, numericColumns: readonly string[] = []): string {
  if (total !== null && total.total === name) return `a total: the sum of ${listed(total.parts)} on nearly every sampled row`;
  const r = rank(name);
  if (r <= 1) return 'a total';
  if (r <= 2.25) return 'named as a traffic count';
  if (r <= 3.5) return 'the first number that is not weather or sensor health';
  const perVehicle = numericColumns.filter((other) => rank(other) === 4.5);
  if (hasStem(name, SPEED) && perVehicle.length > 0) {
    return `no column counts traffic and ${listed(perVehicle)} describe${perVehicle.length === 1 ? 's' : ''} single vehicles, so each row is read as one vehicle by its speed (a window's row_count counts the vehicles)`;
  }
  return 'the only numbers are weather or sensor readings';
}

/**
 * The main measure among `numericColumns`: `requested` when it is one of them, else the best by
 * rank (the first of equals, in header order). `total` is the total the sample's numbers show;
 * `constant` the columns whose sampled values are all the same, `stepwise` those that stay the
 * same for long runs of rows (see isStepwise in tableSchema.ts).
 */
export function mainMeasure(
  numericColumns: readonly string[],
  requested: string | null,
  total: MeasureTotal | null = null,
  constant: ReadonlySet<string> = new Set(),
  stepwise: ReadonlySet<string> = new Set(),
): string | null {
  if (requested !== null && numericColumns.includes(requested)) return requested;
  let best: string | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const name of numericColumns) {
    const r = rankWith(name, total, constant, stepwise);
    if (r < bestRank) {
      best = name;
      bestRank = r;
    }
  }
  return best;
}

/**
 * The numeric columns in the order a user picks among them: in header order, but quality shares,
 * weather and sensor readings after every other number (Berlin's `qualitaet` stands before its
 * counts), unless one of them is the main measure.
 */
export function measuresInOrder(numericColumns: readonly string[], main: string | null): string[] {
  const order = (name: string): number => (name !== main && rank(name) >= 4 ? 1 : 0);
  return numericColumns
    .map((name, index) => ({ name, index }))
    .sort((a, b) => order(a.name) - order(b.name) || a.index - b.index)
    .map(({ name }) => name);
}
