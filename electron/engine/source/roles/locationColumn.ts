/**
 * Which column names the place a row was counted at (junction, detector, station, counting site…).
 * Its values key bus messages, so per-place order holds, and the graph draws one node per value.
 *
 * Two ways to know it, the name and the data:
 * - by name, in the languages traffic data is published in, for text or whole-number values (a
 *   junction numbered 1..4 is a place, not a reading);
 * - by data, whatever the name: a column with a small set of values that repeat in step with the
 *   timestamps, each value about once per time slot, is the place the slot was counted at.
 */
import { MAX_ROWS_PER_PLACE, idsComingBackPerSlot, zeroPaddedCodes } from './namedPlaceIds';

/**
 * Words that name a place of counting, in the languages traffic data is published in. A junction
 * or a counting site (what the graph draws) is preferred to the device counting there.
 */
const PLACE_WORD = new RegExp(
  [
    'junction', 'intersection', 'location', 'site', 'station', 'counter', 'count.?point', 'checkpoint', 'carrefour',
    'compteur', 'emplacement', 'z(ä|ae|a)hlstelle', 'messstelle', 'messquerschnitt', 'standort', 'kreuzung',
    'z(ä|ae)hlpunkt', '(^|[^a-z])zst([^a-z]|$)', 'estaci(ó|o)n', 'punto', 'id_?elem', 'stazione', 'meetpunt', 'locatie', 'kruispunt', 'ubicaci(ó|o)n', 'aforo',
    // Japanese, Chinese and Korean: a measuring point (地点, 测点, 지점), an observation station (観測所,
    // 观测站, 测站), an intersection (交差点, 路口, 교차로).
    '地点', '測点', '测点', '観測所', '观测站', '测站', '站点', '站名', '站号', '车站', '交差点', '路口', '지점', '교차로',
    // A measuring point or station in Polish (punkt pomiarowy, stacja), German and the Nordic
    // languages (Messpunkt, mätpunkt, målepunkt), Finnish (LAM-piste, mittauspiste), Czech and
    // Slovak (stanice, stanica), Norwegian (stasjon).
    'punkt', 'piste', 'stanic', 'stacj', 'stasjon',
  ].join('|'),
  'i',
);
const DEVICE_WORD = /sensor|detector|detektor|camera|gantry|capteur|sensore|spire|boucle/i;
/**
 * Words that often, not always, name a place (`road` may be `road_type`): they count by name only
 * when the name also says it identifies (`link_id`, `road_name`, `segment nr`).
 */
const WEAK_PLACE_WORD = new RegExp(
  [
    'segment', 'link', 'loop', 'lane', 'device', 'point', 'node', 'road', 'street', 'stra(ß|ss)e', 'rue', 'calle', 'corridor', 'section', 'crossing', 'place', 'ort',
    'stelle', 'mast', 'poste',
    // A road section in Slovenian (odsek, odseka), Croatian (odsjek, dionica), Czech (úsek),
    // Polish (odcinek), Italian (tratta, tronco) and Portuguese (troço, trecho).
    'odsek', 'odsjek', 'dionic', '(ú|u)sek', 'odcin', 'tratta', 'tronco', 'tro(ç|c)o', 'trecho',
    // French counting stations are 'centrales' (centrale de comptage, SIREDO): Montpellier's `id_centrale`.
    'centrale',
  ].join('|'),
  'i',
);
/**
 * Names that say they identify: the word after the thing (`link_id`, `segment nr`, `MessstelleNr`)
 * or before it (`id_centrale`, `code_site`, and the number abbreviations of the languages that
 * write it first: Slovenian `Štev.` / `številka`, Croatian `br.` / `broj`, Czech `č.` / `číslo`,
 * Polish `nr` / `numer`, Italian and Portuguese `numero` / `número` / `n°`).
 */
const IDENTIFYING_WORD =
  /(^|[\s_.-])(id|name|nr|no|code|number|nom|nombre|bezeichnung|nummer|key)$|[a-z](Id|ID|Name)$|^(id|nr|no|num|code|number|(š|s)t(ev)?|(š|s)tevilka|br|broj|(č|c)|(č|c)(í|i)slo|numer|numero|n(ú|u)mero|n[°º])([\s_.-]|$)/i;

/**
 * Names that say which KIND of place or device (`type_compteur`, `station_type`, `Tip štetja`,
 * `Art der Zählstelle`): a handful of categories shared by many places, never the place itself.
 */
const CATEGORY_WORD = /(^|[\s_.-])(type|typ|tip|tipo|kind|class|category|cat(é|e)gorie|categoria|art|genre)([\s_.-]|$)/i;

/** Names that say "how much" even when they contain a place word (`counter_total`, `site_count`). */
const MEASURE_WORD = /count(s)?$|total|volume|flow|vehicles|speed|occupancy/i;
/**
 * Names that say "how many" of the places or devices (`AnzDetektoren`, `number_of_sensors`,
 * `n_detectors`, `nb_capteurs`): a count of them on each row, never which one.
 */
const HOW_MANY_WORD = /^(anz|anzahl|num|number|n|nb|nbr|nombre|n(ú|u)mero|cantidad|count)[\s_.-]?(of|de|der|des|di)?[\s_.-]?[a-zäöüéè]*(stellen|detektoren|sensors?|detectors?|sites|stations|capteurs|compteurs|sensores|detectores|devices|lanes|fahrstreifen|spuren)$/i;
/**
 * Short forms of German measuring and counting sites as Swiss and German exports write them:
 * `MSID`, `MS_Nr`, `ZSID`, `ZSName`, `MQ_ID` (Messstelle, Zählstelle, Messquerschnitt).
 */
const SITE_ABBREVIATION = /^(ms|zs|mq)[\s_.-]?(id|nr|nummer|name|bezeichnung)$/i;

export interface LocationCandidate {
  index: number;
  /** 'name': its header names a place; 'data': its values repeat once (or `rowsPerSlot` times) per time slot. */
  basis: 'name' | 'data';
  /** For 'data': rows each place has per slot (more than one: a row per direction or lane). */
  rowsPerSlot?: number;
}

const WHOLE_NUMBER = /^[+-]?\d+$/;

/** Many ids under a name that says it identifies a place: zero-padded codes, or ids that come back a few rows at a time per slot. */
function namedPlaceIds(values: readonly string[], slots: readonly string[] | null): boolean {
  return zeroPaddedCodes(values) || (slots !== null && idsComingBackPerSlot(values, slots));
}

function present(values: readonly string[]): string[] {
  return values.map((value) => value.trim()).filter((value) => value !== '');
}

/** 1: names a place; 2: the device counting there; 3: often a place, and says it identifies; 0: none. */
export function locationNameTier(name: string): number {
  if (CATEGORY_WORD.test(name) || HOW_MANY_WORD.test(name.trim())) return 0;
  if (SITE_ABBREVIATION.test(name.trim())) return 1;
  const identifying = IDENTIFYING_WORD.test(name);
  if (MEASURE_WORD.test(name) && !identifying) return 0;
  if (PLACE_WORD.test(name)) return 1;
  if (DEVICE_WORD.test(name)) return 2;
  return WEAK_PLACE_WORD.test(name) && identifying ? 3 : 0;
}

/** A place id repeats: a sample with more distinct numbers than this share of its rows holds readings. */
const MAX_DISTINCT_ID_SHARE = 0.2;
const FEW_IDS = 4;

/**
 * A point written as text: `(-37.81, 144.96)`, `-37.81 144.96`, `POINT (144.96 -37.81)`, or a
 * GeoJSON object. A column of these (Melbourne's sensor table calls it `location`) says where a
 * place is rather than which place, so any other column that names the place is preferred; only
 * when none does (Chicago's one-row-per-site counts) do the coordinates stand for the site.
 */
const GEOMETRY_TEXT = /^(\(?\s*[+-]?\d+\.\d+\s*[,; ]\s*[+-]?\d+\.\d+\s*\)?|(point|linestring|polygon|multi\w*)\s*z?\s*\(.*|\{.*"(type|coordinates)".*)$/i;

/** Text (coordinates only when `geometry`), or a few whole numbers (ids); never decimals or many different numbers, which are readings. */
function holdsPlaceValues(values: readonly string[], numeric: boolean, geometry: boolean): boolean {
  const seen = present(values);
  if (seen.length === 0) return false;
  if (!numeric) return geometry || !mostlyGeometry(seen);
  if (!seen.every((value) => WHOLE_NUMBER.test(value))) return false;
  const distinct = new Set(seen).size;
  return distinct <= Math.max(FEW_IDS, seen.length * MAX_DISTINCT_ID_SHARE);
}

function mostlyGeometry(values: readonly string[]): boolean {
  return values.filter((value) => GEOMETRY_TEXT.test(value)).length * 2 > values.length;
}

/** How often each value appears in each time slot (the rows' time text), blanks left out. */
interface SlotTally {
  perSlot: Map<string, Map<string, number>>;
  distinct: number;
  rows: number;
}

function tallyPerSlot(values: readonly string[], slots: readonly string[]): SlotTally {
  const perSlot = new Map<string, Map<string, number>>();
  const distinct = new Set<string>();
  let rows = 0;
  for (let i = 0; i < values.length; i++) {
    const value = (values[i] as string).trim();
    const slot = slots[i] as string;
    if (value === '' || slot === '') continue;
    rows++;
    distinct.add(value);
    let counts = perSlot.get(slot);
    if (!counts) perSlot.set(slot, (counts = new Map()));
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return { perSlot, distinct: distinct.size, rows };
}

const mostValuesInASlot = (slots: Iterable<Map<string, number>>): number => Math.max(...[...slots].map((counts) => counts.size));

/**
 * True when `values` (one per sampled row) look like places counted in time slots `slots` (the
 * rows' time text): several rows per slot, within a slot no value twice, and a small set of values
 * each seen in many slots.
 */
export function repeatsPerTimeSlot(values: readonly string[], slots: readonly string[]): boolean {
  const { perSlot, distinct, rows } = tallyPerSlot(values, slots);
  if (rows < 8 || perSlot.size < 2 || distinct < 2) return false;
  let repeatedInSlot = 0;
  for (const counts of perSlot.values()) for (const count of counts.values()) repeatedInSlot += count - 1;
  return (
    rows / perSlot.size >= 1.5 && // more than one place per slot
    repeatedInSlot <= rows * 0.05 && // each place once per slot
    distinct <= mostValuesInASlot(perSlot.values()) * 2 && // the values are the places of a slot, not readings
    rows / distinct >= 2 // and recur from slot to slot
  );
}

/**
 * The location column, or null. `candidates` are the columns that may be one (not time columns);
 * a name match wins over a data match (a place over a device), and the first in header order over later ones.
 */
export function pickLocationColumn(
  names: readonly string[],
  samples: readonly (readonly string[])[],
  numeric: readonly boolean[],
  candidates: readonly number[],
  slots: readonly string[] | null,
): LocationCandidate | null {
  const named = byName(names, samples, numeric, candidates, slots, false);
  // A column named as the place but holding one value (Zürich's `location` = ZH, the canton, on
  // every row) while many rows share each time slot tells those rows apart no better than nothing:
  // the column that does (a station code repeating once per slot) is the place.
  // The rows a slot holds for one place are its directions or lanes (NB and SB of one segment),
  // so a column of those, or of fewer than three values, does not replace it.
  if (named && slots !== null && new Set(present(samples[named.index] ?? [])).size === 1 && rowsShareSlots(slots)) {
    const others = candidates.filter((index) => index !== named.index && !WITHIN_PLACE_WORD.test(names[index] ?? '') && new Set(present(samples[index] ?? [])).size >= 3);
    const data = byData(samples, numeric, others, slots);
    if (data) return data;
  }
  return named ?? byData(samples, numeric, candidates, slots) ?? byName(names, samples, numeric, candidates, slots, true);
}

/** A direction or lane: what tells apart the rows of one place in a time slot. */
const WITHIN_PLACE_WORD = /(^|[\s_.-])(direction|dir|richtung|sens|sentido|senso|lanes?|fahrstreifen|spur|voies?|carril|corsia|rijstrook|bound)($|[\s_.-])/i;

/** True when some time slot holds more than one row. */
function rowsShareSlots(slots: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const slot of slots) {
    if (slot === '') continue;
    if (seen.has(slot)) return true;
    seen.add(slot);
  }
  return false;
}

/**
 * Whole-number ids too many for their share of the sample (a short extract of many stations: 5
 * stations over 4 intervals, 400 detectors in a sample of 1,000 rows) that still repeat in step
 * with the time slots, each once per slot: places all the same, however few slots the sample has.
 */
function idsInStepWithSlots(values: readonly string[], numeric: boolean, slots: readonly string[] | null): boolean {
  if (!numeric || slots === null) return false;
  const seen = present(values);
  return seen.length > 0 && seen.every((value) => WHOLE_NUMBER.test(value)) && repeatsPerTimeSlot(values, slots);
}

/** Rows a one-moment snapshot needs before its one-per-row ids are taken for places. */
const SNAPSHOT_MIN_ROWS = 8;

/**
 * A snapshot of one moment (every sampled row at the same time, as a city's live sensor feed is
 * published: Madrid's 1,323 detectors at 18:10:27) under a name that says place or device: each
 * value once, as each place reports once. Nothing repeats from slot to slot because there is one
 * slot, so the name decides.
 */
function placesOfOneMoment(values: readonly string[], slots: readonly string[] | null): boolean {
  if (slots === null) return false;
  const slot = slots.find((text) => text !== '');
  if (slot === undefined || slots.some((text) => text !== '' && text !== slot)) return false;
  const seen = present(values);
  return seen.length >= SNAPSHOT_MIN_ROWS && new Set(seen).size === seen.length;
}

function byName(
  names: readonly string[],
  samples: readonly (readonly string[])[],
  numeric: readonly boolean[],
  candidates: readonly number[],
  slots: readonly string[] | null,
  geometry: boolean,
): LocationCandidate | null {
  for (const tier of [1, 2, 3]) {
    for (const index of candidates) {
      const name = names[index] as string;
      if (locationNameTier(name) !== tier) continue;
      const values = samples[index] ?? [];
      if (holdsPlaceValues(values, numeric[index] ?? false, geometry) || idsInStepWithSlots(values, numeric[index] ?? false, slots) || placesOfOneMoment(values, slots)) {
        return { index, basis: 'name' };
      }
      if (numeric[index] && IDENTIFYING_WORD.test(name) && namedPlaceIds(values, slots)) return { index, basis: 'name' };
    }
  }
  return null;
}

function byData(samples: readonly (readonly string[])[], numeric: readonly boolean[], candidates: readonly number[], slots: readonly string[] | null): LocationCandidate | null {
  if (slots === null) return null;
  const places = candidates.filter(
    (index) => holdsPlaceValues(samples[index] ?? [], numeric[index] ?? false, false) || idsInStepWithSlots(samples[index] ?? [], numeric[index] ?? false, slots),
  );
  // Of several columns that each name a place once per slot, the finest tells the most rows apart:
  // Bologna's loop code `Codice` over the cross street `TRA VIA` two of its loops share.
  let finest: { index: number; distinct: number } | null = null;
  for (const index of places) {
    if (!repeatsPerTimeSlot(samples[index] ?? [], slots)) continue;
    const distinct = new Set(present(samples[index] ?? [])).size;
    if (distinct > (finest?.distinct ?? 0)) finest = { index, distinct };
  }
  if (finest) return { index: finest.index, basis: 'data' };
  // One row per place and direction (or lane) in each slot: every place repeats the same number
  // of times per slot, and so does the direction; the place is the one with more values.
  let best: { index: number; distinct: number; times: number } | null = null;
  for (const index of places) {
    const even = repeatsEvenlyPerTimeSlot(samples[index] ?? [], slots);
    if (even && even.distinct > (best?.distinct ?? 0)) best = { index, ...even };
  }
  return best ? { index: best.index, basis: 'data', rowsPerSlot: best.times } : null;
}


/**
 * When every value appears the same number of times (2 or more) in each time slot it is in, as a
 * place does in a file with a row per direction or lane: how many values, and how many times
 * each; null otherwise.
 */
export function repeatsEvenlyPerTimeSlot(values: readonly string[], slots: readonly string[]): { distinct: number; times: number } | null {
  const { perSlot, distinct, rows } = tallyPerSlot(values, slots);
  // The sample's first and last slots may be cut short: judge the whole slots in between.
  const whole = [...perSlot.values()].slice(1, -1);
  if (rows < 16 || whole.length < 2 || distinct < 2) return null;
  const repeats = new Map<number, number>();
  let pairs = 0;
  for (const counts of whole) {
    for (const count of counts.values()) {
      repeats.set(count, (repeats.get(count) ?? 0) + 1);
      pairs++;
    }
  }
  const [times, share] = [...repeats.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const even = times >= 2 && times <= MAX_ROWS_PER_PLACE && share >= pairs * 0.95;
  return even && distinct <= mostValuesInASlot(whole) * 2 && rows / distinct >= 2 ? { distinct, times } : null;
}
