/**
 * The measure a panel shows when the user has not chosen one: the column a traffic engineer means
 * by "traffic". The threshold starts on it, predictions forecast it, the junction graph sums it
 * as load and the SQL console's examples filter on it (FileInfo.measure), so all of them agree:
 * this is the only place the rule is written (mainMeasure.test.ts holds them to it).
 *
 * Chosen by name, in the languages traffic data is published in: a total first (`Total`, the
 * original data set's vehicle count), then volume / flow / vehicles / count / intensity, then any
 * other number; weather and sensor-health readings (temperature, rain, snow, clouds, humidity,
 * occupancy, speed…) last, however early they stand in the header.
 */

/** A total over vehicle classes: `Total`, `total_volume`, `Gesamt`, `totale`, `all_motor_vehicles`. */
const TOTAL = /(^|[\s_.-])total|total($|[\s_.-])|^total$|gesamt|totale|summe|^sum$|(^|[\s_.-])all($|[\s_.-])/i;
/** How much traffic passed, in English, German, French, Spanish, Italian, Dutch and Portuguese. */
const VOLUME =
  /volume|(^|[\s_.-])vol($|[\s_.-])|flow|vehicle|veh($|[\s_.-])|count|traffic|intensit|anzahl|menge|verkehr|fahrzeug|kfz|z(ä|ae)hlung|d(é|e)bit|comptage|trafic|v(é|e)hicule|passage|intensidad|aforo|veh(í|i)culos|conteo|flujo|tr(á|a)fico|veicoli|conteggio|flusso|aantal|verkeer|intensiteit|fluxo|contagem|pkw|lkw|cars?$|bikes?$|trucks?$|bus(es)?$|cyclists?|pedestrians?|passanten|fu(ß|ss)g(ä|ae)nger|v(é|e)los?$|fahrr(ä|a)der|radfahr/i;
/**
 * Average daily traffic as engineers abbreviate it: AADT / ADT / AAWT / AADF (English), DTV
 * (German, as in `DTVMS`, `DTV_Kfz`), TMJA / TMJO (French), IMD (Spanish and Catalan), TGM
 * (Italian). A word of its own or the start of one, never inside another word.
 */
const DAILY_TRAFFIC = /(^|[^a-z])(aadt|aawt|aadf|awdt|adt|dtv|tmj|imd|tgm)[a-z]*([^a-z]|$)/i;
/** Readings that describe the weather or the sensor rather than how much traffic there was. */
const NOT_TRAFFIC =
  /temp|rain|snow|cloud|humid|wind|precip|weather|pressure|visib|dew|sun|niederschlag|regen|schnee|wolke|feucht|pluie|neige|nuage|lluvia|nieve|nube|occup|belegung|occupation|ocupaci|speed|vitesse|velocidad|geschwindigkeit|velocit|snelheid|lat(itude)?$|lon(gitude)?$|lng$|^x$|^y$|coord|elev|altitude|battery|voltage|quality|qualit|error|status|state|etat|état|percent|pct|ratio|share|^k$|^v$/i;
/** Numbers about the calendar (an hour or a week number): a measure only when nothing else is. */
const CALENDAR = /hour|minute|second|year|month|day|week|stunde|jahr|monat|tag|heure|jour|mois|hora|d(í|i)a|mes/i;

/** Traffic-flow notation: q is flow (vehicles per hour); k (density or occupancy) and v (speed) are not counts. */
const FLOW_SYMBOL = /^q$/i;

function rank(name: string): number {
  if (name === 'Total') return 0;
  if (FLOW_SYMBOL.test(name.trim())) return 2;
  if (NOT_TRAFFIC.test(name)) return 4;
  // A total of all vehicles before a total of one class (`all_motor_vehicles` before `all_hgvs`).
  if (TOTAL.test(name)) return VOLUME.test(name) ? 0.5 : 1;
  if (VOLUME.test(name) || DAILY_TRAFFIC.test(name)) return 2;
  if (CALENDAR.test(name)) return 3.5;
  return 3;
}

/** True when the name says it counts traffic (a total, a volume, a flow…). */
export function namesTrafficCount(name: string): boolean {
  return rank(name) <= 2;
}

/** Why the measure was chosen, for the line that describes a file when it opens. */
export function measureReason(name: string): string {
  const r = rank(name);
  if (r <= 1) return 'a total';
  if (r === 2) return 'named as a traffic count';
  if (r <= 3.5) return 'the first number that is not weather or sensor health';
  return 'the only numbers are weather or sensor readings';
}

export function mainMeasure(numericColumns: readonly string[], requested: string | null): string | null {
  if (requested !== null && numericColumns.includes(requested)) return requested;
  let best: string | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const name of numericColumns) {
    const r = rank(name);
    if (r < bestRank) {
      best = name;
      bestRank = r;
    }
  }
  return best;
}
