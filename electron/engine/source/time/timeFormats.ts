/**
 * The ways a CSV writes time, each with a parser to epoch milliseconds, and detection of which one
 * a column uses.
 *
 * Convention: a time without a zone is wall clock and comes back as the UTC epoch of that wall
 * clock (`Date.UTC` of its fields), so no daylight-saving surprises; a time with a zone (`Z`, `UTC`,
 * `+02:00`, `+0200`, `+02`) is converted to the true instant. `clock` (time of day only) gives
 * milliseconds since midnight.
 *
 * The parsers run on every row (tens of millions), so they scan characters by hand with a shared
 * cursor, allocate nothing and never throw: `null` means "not a valid time in this format"
 * (`2026-02-30`, `25:00`, `12:60`, `13/13/2026`). Surrounding whitespace is ignored.
 */
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, daysFromCivil, daysInMonth } from './civil';
import { TIME_FORMAT_LABELS, type TimeFormatId } from '../../../../shared/schema';
import { mostlyMatches } from './tolerance';

export type { TimeFormatId };

export interface TimeFormat {
  id: TimeFormatId;
  /** For people, with an example: "ISO 8601 (2026-10-01T08:15:00Z)". */
  label: string;
  /** Epoch ms (zone-less: UTC wall clock; `clock`: ms since midnight); null when not this format. */
  parse(text: string): number | null;
}

// ---------------------------------------------------------------------------------------------
// Character scanning. `at` is the cursor into the text being parsed; each parser sets it first.

const TAB = 9;
const SPACE = 32;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const COLON = 58;
const LOWER_A = 97;
const LOWER_C = 99;
const LOWER_G = 103;
const LOWER_M = 109;
const LOWER_P = 112;
const LOWER_T = 116;
const LOWER_U = 117;
const LOWER_Z = 122;
const NO_BREAK_SPACE = 0xa0;
const NARROW_NO_BREAK_SPACE = 0x202f; // what Intl puts before AM/PM since ICU 72
const EN_DASH = 0x2013;
const LOWER_O = 111;

let at = 0;

/** How the last text parsed wrote its zone, and the offset (ms) that was subtracted: see `writtenZone`. */
let zoneWritten: WrittenZone['kind'] = 'none';
let zoneOffset = 0;

/** Sets the cursor past leading whitespace and returns the end past which only whitespace is left. */
function begin(text: string): number {
  zoneWritten = 'none';
  zoneOffset = 0;
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) <= SPACE) end--;
  at = start;
  return end;
}

/** Reads `min`..`max` ASCII digits; -1 (cursor unmoved) when there are fewer than `min`. */
function readDigits(text: string, end: number, min: number, max: number): number {
  let value = 0;
  let count = 0;
  let i = at;
  while (count < max && i < end) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
    i++;
    count++;
  }
  if (count < min) return -1;
  at = i;
  return value;
}

function skip(text: string, end: number, code: number): boolean {
  if (at < end && text.charCodeAt(at) === code) {
    at++;
    return true;
  }
  return false;
}

function isDigitAt(text: string, index: number): boolean {
  const digit = text.charCodeAt(index) - ZERO;
  return digit >= 0 && digit <= 9;
}

/**
 * Reads a time of day `H:mm[:ss[.fff]]` with an optional `AM`/`PM` (any case, optionally after a
 * space): milliseconds since midnight, or -1 when invalid. Hours 0..23 (and 24:00, the day's
 * end), or 1..12 with AM/PM (12 AM is midnight, 12 PM noon). Fraction digits past milliseconds are dropped.
 */
function readClock(text: string, end: number, dotAllowed = false): number {
  const hour = readDigits(text, end, 1, 2);
  if (hour < 0 || !(skip(text, end, COLON) || (dotAllowed && skip(text, end, DOT)))) return -1;
  const minute = readDigits(text, end, 2, 2);
  if (minute < 0 || minute > 59) return -1;
  let second = 0;
  let millis = 0;
  if (skip(text, end, COLON)) {
    second = readDigits(text, end, 2, 2);
    if (second < 0 || second > 59) return -1;
    if (at + 1 < end) {
      const mark = text.charCodeAt(at);
      if ((mark === DOT || mark === COMMA) && isDigitAt(text, at + 1)) {
        at++;
        let scale = 100;
        while (at < end && isDigitAt(text, at)) {
          millis += (text.charCodeAt(at) - ZERO) * scale;
          scale = scale === 1 ? 0 : scale / 10;
          at++;
        }
      }
    }
  }
  let i = at;
  if (i < end) {
    const gap = text.charCodeAt(i);
    if (gap === SPACE || gap === NO_BREAK_SPACE || gap === NARROW_NO_BREAK_SPACE) i++;
  }
  if (i + 1 < end) {
    const half = text.charCodeAt(i) | 0x20;
    // `AM`, `am`, and `a.m.` as Canadian and some Windows locales write it.
    const dotted = text.charCodeAt(i + 1) === DOT;
    const m = dotted ? i + 2 : i + 1;
    if ((half === LOWER_A || half === LOWER_P) && m < end && (text.charCodeAt(m) | 0x20) === LOWER_M && (!dotted || text.charCodeAt(m + 1) === DOT)) {
      if (hour < 1 || hour > 12) return -1;
      at = dotted ? m + 2 : m + 1;
      const hour24 = (hour % 12) + (half === LOWER_P ? 12 : 0);
      return hour24 * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millis;
    }
  }
  // `24:00` ends a day in hour-ending reports: the next day's midnight (any later time is no time).
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0 || millis > 0))) return -1;
  return hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millis;
}

/**
 * Reads an optional zone at the end of the text: nothing (wall clock), `Z`, `UTC`/`GMT`, or an
 * offset `±HH`, `±HHMM`, `±HH:MM`, optionally after one space. The offset in ms (what to subtract
 * from the wall clock), or NaN when something else follows. Notes how the zone was written for
 * `writtenZone` and `asWrittenParser`.
 */
function readZone(text: string, end: number): number {
  const offset = zoneAt(text, end);
  if (!Number.isNaN(offset)) zoneOffset = offset;
  return offset;
}

function zoneAt(text: string, end: number): number {
  if (at === end) return 0;
  if (text.charCodeAt(at) === SPACE) {
    at++;
    if (at === end) return Number.NaN;
  }
  const first = text.charCodeAt(at);
  if (first === PLUS || first === MINUS) {
    at++;
    const hours = readDigits(text, end, 2, 2);
    if (hours < 0 || hours > 23) return Number.NaN;
    let minutes = 0;
    if (at < end) {
      skip(text, end, COLON);
      minutes = readDigits(text, end, 2, 2);
      if (minutes < 0 || minutes > 59 || at !== end) return Number.NaN;
    }
    zoneWritten = 'offset';
    const offset = hours * MS_PER_HOUR + minutes * MS_PER_MINUTE;
    return first === MINUS ? -offset : offset;
  }
  const lower = first | 0x20;
  if (lower === LOWER_Z) {
    zoneWritten = 'utc';
    return at + 1 === end ? 0 : Number.NaN;
  }
  if (at + 3 === end) {
    const second = text.charCodeAt(at + 1) | 0x20;
    const third = text.charCodeAt(at + 2) | 0x20;
    zoneWritten = 'utc';
    if (lower === LOWER_U && second === LOWER_T && third === LOWER_C) return 0;
    if (lower === LOWER_G && second === LOWER_M && third === LOWER_T) return 0;
  }
  // A zone abbreviation as US and European exports append it (`EST`, `CEST`).
  zoneWritten = 'offset';
  if (end - at >= 3 && end - at <= 4) return ZONE_ABBREVIATIONS.get(text.slice(at, end).toUpperCase()) ?? Number.NaN;
  return Number.NaN;
}

/**
 * Zone abbreviations as traffic exports use them, as offsets in ms. CST is read as North America's
 * Central time (beside CDT in the same files); ones that mean several zones (IST, BST) are left
 * out: a row with one is rejected, naming it.
 */
const ZONE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map(
  Object.entries({ EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7, AKST: -9, AKDT: -8, HST: -10, CET: 1, CEST: 2, EET: 2, EEST: 3, WET: 0, WEST: 1, AEST: 10, AEDT: 11, ACST: 9.5, AWST: 8, NZST: 12, NZDT: 13, JST: 9 }).map(
    ([zone, hours]) => [zone, hours * MS_PER_HOUR] as const,
  ),
);

/**
 * Completes a date-first time once the date is read: checks the date, then reads an optional
 * time of day (after `T`, spaces, or `, `) and zone.
 */
function finishDate(text: string, end: number, year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const dayStart = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (at === end) return dayStart;
  const separator = text.charCodeAt(at);
  if (separator === SPACE || separator === TAB) {
    while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
  } else if ((separator | 0x20) === LOWER_T) {
    at++;
  } else if (separator === COMMA && at + 1 < end && text.charCodeAt(at + 1) === SPACE) {
    at += 2;
  } else {
    return null;
  }
  // After a date, `0.00` is a time of day as some spreadsheets write it (never a decimal there).
  const timeOfDay = readClock(text, end, true);
  if (timeOfDay < 0) return null;
  const offset = readZone(text, end);
  if (Number.isNaN(offset)) return null;
  return dayStart + timeOfDay - offset;
}

// ---------------------------------------------------------------------------------------------
// The parsers.

/** `YYYY-MM-DD[(T| )HH:mm[:ss[.fff]][zone]]`; one-digit month/day and AM/PM are tolerated. */
function parseIso(text: string): number | null {
  const end = begin(text);
  const year = readDigits(text, end, 4, 4);
  if (year < 0 || !skip(text, end, MINUS)) return null;
  const monthStart = at;
  const month = readDigits(text, end, 1, 2);
  if (month < 0) return null;
  // `2008-07` alone: a calendar month (ISO 8601), read as its first day, as a file of monthly
  // figures writes it (Statens vegvesen's `måned`, Marbella's `periodo`).
  if (at === end) return at - monthStart === 2 && month >= 1 && month <= 12 ? daysFromCivil(year, month, 1) * MS_PER_DAY : null;
  if (!skip(text, end, MINUS)) return null;
  const day = readDigits(text, end, 1, 2);
  if (day < 0) return null;
  return finishDate(text, end, year, month, day);
}

/** `YYYY/M/D[ time]`. */
function parseYmdSlash(text: string): number | null {
  const end = begin(text);
  const year = readDigits(text, end, 4, 4);
  if (year < 0) return null;
  // Year first with slashes (`2023/01/15`), or with dots as Hungarian and some Asian exports
  // write it (`2023.01.15`, `2023. 01. 15.`): a four-digit year first leaves no doubt about the order.
  const separator = text.charCodeAt(at);
  if (separator !== SLASH && separator !== DOT) return null;
  const skipSeparator = (): boolean => {
    if (!skip(text, end, separator)) return false;
    if (separator === DOT) while (at < end && text.charCodeAt(at) === SPACE) at++;
    return true;
  };
  if (!skipSeparator()) return null;
  const month = readDigits(text, end, 1, 2);
  if (month < 0 || !skipSeparator()) return null;
  const day = readDigits(text, end, 1, 2);
  if (day < 0) return null;
  // `2023. 01. 15.`: a dot may close the date.
  if (separator === DOT && at < end && text.charCodeAt(at) === DOT) at++;
  return finishDate(text, end, year, month, day);
}

/** `A<sep>B<sep>YYYY[ time]` with day and month in either order. */
function parseNumericDate(text: string, separator: number, dayFirst: boolean): number | null {
  const end = begin(text);
  const first = readDigits(text, end, 1, 2);
  if (first < 0 || !skip(text, end, separator)) return null;
  const second = readDigits(text, end, 1, 2);
  if (second < 0 || !skip(text, end, separator)) return null;
  const yearStart = at;
  const written = readDigits(text, end, 2, 4);
  const digits = at - yearStart;
  if (written < 0 || digits === 3) return null;
  // A two-digit year (`10/01/17`) is read as spreadsheets read it: 00..69 is 2000..2069, 70..99 is 1970..1999.
  const year = digits === 2 ? (written < 70 ? 2000 + written : 1900 + written) : written;
  return dayFirst ? finishDate(text, end, year, second, first) : finishDate(text, end, year, first, second);
}

/**
 * A time of day, or an interval of the day (`08:00-08:15`, `07:00 - 08:00`, `23:45–00:00`, as
 * count summaries label their rows) read as its start.
 */
function parseClock(text: string): number | null {
  const end = begin(text);
  const timeOfDay = readClock(text, end);
  if (timeOfDay < 0) return null;
  if (at === end) return timeOfDay;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  const dash = text.charCodeAt(at);
  if (dash === MINUS || dash === EN_DASH) at++;
  else if ((dash | 0x20) === LOWER_T && (text.charCodeAt(at + 1) | 0x20) === LOWER_O) at += 2;
  else return null;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return readClock(text, end) >= 0 && at === end ? timeOfDay : null;
}

/** A plain unsigned decimal (`1790842500`, `1790842500.25`), up to 19 digits (a nanosecond epoch); NaN otherwise. */
function parsePlainDecimal(text: string): number {
  const end = begin(text);
  const start = at;
  let whole = 0;
  while (at < end && isDigitAt(text, at)) whole = whole * 10 + (text.charCodeAt(at++) - ZERO);
  if (at === start || at - start > 19) return Number.NaN;
  if (at === end) return whole;
  if (text.charCodeAt(at) !== DOT) return Number.NaN;
  at++;
  const fractionStart = at;
  let fraction = 0;
  let scale = 1;
  while (at < end && isDigitAt(text, at)) {
    if (scale < 1e15) {
      fraction = fraction * 10 + (text.charCodeAt(at) - ZERO);
      scale *= 10;
    }
    at++;
  }
  if (at === fractionStart || at !== end) return Number.NaN;
  return whole + fraction / scale;
}

const EPOCH_S_MIN = 1e9; // 2001-09-09
const EPOCH_S_MAX = 4e9; // 2096-10-02
const EPOCH_MS_MIN = 1e12;
const EPOCH_MS_MAX = 4e12;

function parseEpochSeconds(text: string): number | null {
  const seconds = parsePlainDecimal(text);
  return seconds >= EPOCH_S_MIN && seconds <= EPOCH_S_MAX ? Math.round(seconds * 1000) : null;
}

function parseEpochMillis(text: string): number | null {
  const millis = parsePlainDecimal(text);
  return millis >= EPOCH_MS_MIN && millis <= EPOCH_MS_MAX ? Math.round(millis) : null;
}

/**
 * Microseconds and nanoseconds, as Kafka Connect, InfluxDB and many loggers write them: a double
 * holds them to well under a millisecond, which is all the app keeps.
 */
function parseEpochFraction(text: string, perMillisecond: number): number | null {
  const value = parsePlainDecimal(text) / perMillisecond;
  return value >= EPOCH_MS_MIN && value <= EPOCH_MS_MAX ? Math.round(value) : null;
}

/**
 * Month names as exports write them, in English, German, French, Spanish, Italian and Dutch, full
 * or shortened (with or without a dot): `Mar`, `March`, `Mär`, `März`, `mars`, `marzo`, `Sept.`,
 * `maart`.
 */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  [
    ['jan january januar janv janvier ene enero jän jänner gen gennaio januari', 1],
    ['feb february februar févr fevr février fevrier febrero febbraio februari', 2],
    ['mar march mär märz maerz mrz mars marzo maart mrt', 3],
    ['apr april avr avril abr abril aprile', 4],
    ['may mai mayo mag maggio mei', 5],
    ['jun june juni juin junio giu giugno', 6],
    ['jul july juli juil juillet julio lug luglio', 7],
    ['aug august août aout ago agosto augustus', 8],
    ['sep sept september septembre septiembre setiembre set settembre', 9],
    ['oct october okt oktober octobre octubre ott ottobre', 10],
    ['nov november novembre noviembre', 11],
    ['dec december dez dezember déc decembre décembre dic diciembre dicembre', 12],
  ].flatMap(([names, month]) => (names as string).split(' ').map((name) => [name, month as number] as const)),
);

/** The month (1..12) a name alone stands for (`MÄRZ`, `Sept.`, `juin`), or null. */
export function monthOfName(text: string): number | null {
  return MONTH_NAMES.get(text.trim().replace(/\.$/, '').toLowerCase()) ?? null;
}
const WEEKDAY_NAMES = new Set('mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday sun sunday'.split(' '));

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index) | 0x20;
  return (code >= LOWER_A && code <= LOWER_Z) || text.charCodeAt(index) > 0x7f;
}

/** Reads a word (letters, then an optional dot); lower case, or '' when none. */
function readWord(text: string, end: number): string {
  const start = at;
  while (at < end && isLetterAt(text, at)) at++;
  const word = text.slice(start, at).toLowerCase();
  skip(text, end, DOT);
  return word;
}

function skipSeparators(text: string, end: number): number {
  const start = at;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code !== SPACE && code !== MINUS && code !== SLASH && code !== DOT && code !== COMMA) break;
    at++;
  }
  return at - start;
}

/** A year of four digits, or two read as spreadsheets read them (00..69 is 2000..2069); -1 otherwise. */
function readYear(text: string, end: number): number {
  const start = at;
  const written = readDigits(text, end, 2, 4);
  const digits = at - start;
  if (written < 0 || digits === 3) return -1;
  return digits === 2 ? (written < 70 ? 2000 + written : 1900 + written) : written;
}

/**
 * A date with the month by name, day first or month first, optionally after a weekday:
 * `14-Mar-2025`, `14-Mar-25`, `14 March 2025`, `Mar 14, 2025`, `Fri, 14 Mar 2025`,
 * `November 01, 2019 05:00:00 PM`; then an optional time and zone as after any date.
 */
function parseNamedMonth(text: string): number | null {
  const end = begin(text);
  let day = -1;
  let month: number | undefined;
  if (isLetterAt(text, at)) {
    let word = readWord(text, end);
    if (WEEKDAY_NAMES.has(word)) {
      if (skipSeparators(text, end) === 0) return null;
      if (isLetterAt(text, at)) word = readWord(text, end);
      else word = '';
    }
    if (word !== '') {
      month = MONTH_NAMES.get(word);
      if (month === undefined || skipSeparators(text, end) === 0) return null;
      day = readDigits(text, end, 1, 2);
      if (day < 0 || skipSeparators(text, end) === 0) return null;
    }
  }
  if (month === undefined) {
    day = readDigits(text, end, 1, 2);
    if (day < 0 || skipSeparators(text, end) === 0) return null;
    month = MONTH_NAMES.get(readWord(text, end));
    if (month === undefined || skipSeparators(text, end) === 0) return null;
  }
  const year = readYear(text, end);
  if (year < 0) return null;
  return finishDate(text, end, year, month, day);
}

/** A date written as one number, YYYYMMDD (`20250314`), as US agencies' count files do. */
function parseYmdCompact(text: string): number | null {
  const end = begin(text);
  const digits = end - at;
  // 20261001, or with the time of day as well: 202610010815, 20261001081500 (SCATS exports' End_Time).
  if (digits !== 8 && digits !== 12 && digits !== 14) return null;
  const year = readDigits(text, end, 4, 4);
  const month = readDigits(text, end, 2, 2);
  const day = readDigits(text, end, 2, 2);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const hour = digits > 8 ? readDigits(text, end, 2, 2) : 0;
  const minute = digits > 8 ? readDigits(text, end, 2, 2) : 0;
  const second = digits > 12 ? readDigits(text, end, 2, 2) : 0;
  // 24:00 closes a day, as in the other formats.
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) return null;
  return daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000;
}

/**
 * The same with a two-digit year (`180101`, as Germany's federal road counts write `Datum`): years
 * 00–69 are 2000–2069, 70–99 the 1900s. Read only under a column named as a date (see detection).
 */
function parseYmdCompactShort(text: string): number | null {
  const end = begin(text);
  if (end - at !== 6) return null;
  const yy = readDigits(text, end, 2, 2);
  const month = readDigits(text, end, 2, 2);
  const day = readDigits(text, end, 2, 2);
  const year = yy < 70 ? 2000 + yy : 1900 + yy;
  if (yy < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/** Excel's day numbers (1899-12-30 is day 0, the fraction is the time of day), limited to 1954–2119. */
const EXCEL_DAY_MIN = 20_000;
const EXCEL_DAY_MAX = 80_000;
const EXCEL_EPOCH_DAYS = daysFromCivil(1899, 12, 30);

function parseExcelSerial(text: string): number | null {
  const days = parsePlainDecimal(text);
  if (!(days >= EXCEL_DAY_MIN && days <= EXCEL_DAY_MAX)) return null;
  // Rounded to the second: a spreadsheet's 08:15 is 0.34375 of a day, stored with float noise.
  return Math.round((EXCEL_EPOCH_DAYS + days) * 86_400) * 1000;
}

/**
 * An interval written as a cell (`11/04/2024 14:00 - 14:59`, PicoCount's and many counters'
 * exports; `2024-01-01 00:00-00:15`; `08:00 to 08:15`): the reading belongs to its start, as a
 * count over the interval is filed under it elsewhere. Both ends must hold a clock, so a date
 * written with dashes (`01-10-2026 08:15`) is never cut.
 */
const INTERVAL = /^(.*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)\s*(?:-|–|—|\s(?:to|bis|à|a|au)\s)\s*(?=.*\d{1,2}[:.]\d{2})(.+)$/;

/** `parse`, reading an interval by its start when the text as a whole is no time. */
function orIntervalStart(parse: (text: string) => number | null): (text: string) => number | null {
  return (text) => {
    const whole = parse(text);
    if (whole !== null) return whole;
    const interval = INTERVAL.exec(text.trim());
    if (interval === null) return null;
    const start = parse(interval[1] as string);
    if (start === null) return null;
    const endText = interval[2] as string;
    const end = parse(endText);
    // The end is a time too: in the same form, not before the start, or a clock alone (`14:59`).
    if (end !== null) return end >= start ? start : null;
    return parseClock(endText) !== null ? start : null;
  };
}

const WHOLE_FORMATS: Readonly<Record<TimeFormatId, TimeFormat>> = {
  iso: { id: 'iso', label: TIME_FORMAT_LABELS.iso, parse: parseIso },
  mdy: { id: 'mdy', label: TIME_FORMAT_LABELS.mdy, parse: (text) => parseNumericDate(text, SLASH, false) },
  dmy: { id: 'dmy', label: TIME_FORMAT_LABELS.dmy, parse: (text) => parseNumericDate(text, SLASH, true) },
  'dmy-dot': { id: 'dmy-dot', label: TIME_FORMAT_LABELS['dmy-dot'], parse: (text) => parseNumericDate(text, DOT, true) },
  'dmy-dash': { id: 'dmy-dash', label: TIME_FORMAT_LABELS['dmy-dash'], parse: (text) => parseNumericDate(text, MINUS, true) },
  'mdy-dash': { id: 'mdy-dash', label: TIME_FORMAT_LABELS['mdy-dash'], parse: (text) => parseNumericDate(text, MINUS, false) },
  'ymd-slash': { id: 'ymd-slash', label: TIME_FORMAT_LABELS['ymd-slash'], parse: parseYmdSlash },
  'named-month': { id: 'named-month', label: TIME_FORMAT_LABELS['named-month'], parse: parseNamedMonth },
  'ymd-compact': { id: 'ymd-compact', label: TIME_FORMAT_LABELS['ymd-compact'], parse: parseYmdCompact },
  'ymd-compact-short': { id: 'ymd-compact-short', label: TIME_FORMAT_LABELS['ymd-compact-short'], parse: parseYmdCompactShort },
  'excel-serial': { id: 'excel-serial', label: TIME_FORMAT_LABELS['excel-serial'], parse: parseExcelSerial },
  'epoch-s': { id: 'epoch-s', label: TIME_FORMAT_LABELS['epoch-s'], parse: parseEpochSeconds },
  'epoch-ms': { id: 'epoch-ms', label: TIME_FORMAT_LABELS['epoch-ms'], parse: parseEpochMillis },
  'epoch-us': { id: 'epoch-us', label: TIME_FORMAT_LABELS['epoch-us'], parse: (text) => parseEpochFraction(text, 1e3) },
  'epoch-ns': { id: 'epoch-ns', label: TIME_FORMAT_LABELS['epoch-ns'], parse: (text) => parseEpochFraction(text, 1e6) },
  clock: { id: 'clock', label: TIME_FORMAT_LABELS.clock, parse: parseClock },
};

export const TIME_FORMATS: Readonly<Record<TimeFormatId, TimeFormat>> = Object.fromEntries(
  Object.entries(WHOLE_FORMATS).map(([id, format]) => [id, { ...format, parse: orIntervalStart(format.parse) }]),
) as Record<TimeFormatId, TimeFormat>;

/** How a time wrote its zone: not at all, as UTC (`Z`, `UTC`, `GMT`), or as an offset or local abbreviation (`+01:00`, `CEST`). */
export interface WrittenZone {
  kind: 'none' | 'utc' | 'offset';
  /** What the zone adds to UTC, in ms (`+01:00`: 3,600,000). */
  offsetMs: number;
}

/** The zone `text` writes when read in `format`; null when it is no time in that format. */
export function writtenZone(format: TimeFormat, text: string): WrittenZone | null {
  if (format.parse(text) === null) return null;
  return { kind: zoneWritten, offsetMs: zoneOffset };
}

/**
 * `format`'s parser reading the clock as written: a zone or offset beside the time is not applied
 * (`2024-01-04T22:00:00+01:00` is 22:00), as zone-less times are read.
 */
export function asWrittenParser(format: TimeFormat): (text: string) => number | null {
  return (text) => {
    const ms = format.parse(text);
    return ms === null ? null : ms + zoneOffset;
  };
}

// ---------------------------------------------------------------------------------------------
// Detection.

/** Tried in this order; on equal counts the earlier wins (so ambiguous slashes read month-first). */
const DETECTION_ORDER: readonly TimeFormatId[] = [
  'iso',
  'ymd-slash',
  'dmy-dot',
  'dmy-dash',
  // After day first: dashes that could be either are read day first (Europe's and India's way), and
  // a date such as 03-13-2023, in the first block or later (settleDayFirst), makes them month first.
  'mdy-dash',
  'mdy',
  'dmy',
  'named-month',
  'clock',
  'epoch-s',
  'epoch-ms',
  'epoch-us',
  'epoch-ns',
  'ymd-compact',
  'ymd-compact-short',
  'excel-serial',
];

/** Plain numbers that are times only when the column says so (or, for some, when they run in order). */
export const NUMERIC_TIME_FORMATS: ReadonlySet<TimeFormatId> = new Set(['epoch-s', 'epoch-ms', 'epoch-us', 'epoch-ns', 'ymd-compact', 'ymd-compact-short', 'excel-serial']);

/**
 * A column name that says "time". `ts` only as a whole word or camel-case suffix (`ts`, `event_ts`,
 * `eventTs`), so plural names such as `Counts` or `Events` do not count.
 */
function namesTime(columnName: string): boolean {
  const name = columnName.trim();
  return /time|epoch|date|datum|fecha|^ts$|[\s_.-]ts$|^t$/i.test(name) || /[a-z0-9](Ts|TS)$/.test(name);
}

/** A date column's name, for formats read only under one: in English, German and Spanish. */
function namesDate(columnName: string): boolean {
  return /date|datum|fecha/i.test(columnName.trim());
}

/**
 * Six-digit dates are year first (YYMMDD) only when the sample shows it: one year (the first two
 * digits) over every sampled row. A day-first `DDMMYY` column changes its first two digits daily.
 */
function oneLeadingPair(samples: readonly string[]): boolean {
  const first = samples[0]?.trim().slice(0, 2);
  return samples.every((sample) => sample.trim().slice(0, 2) === first);
}

/** True when every sample parses and no value is below the one before. */
function allParseInOrder(format: TimeFormat, samples: readonly string[]): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (const sample of samples) {
    const value = format.parse(sample);
    if (value === null || value < previous) return false;
    previous = value;
  }
  return true;
}

/**
 * Picks the format that parses (nearly) all non-empty samples (see `mostlyMatches`); null when none
 * does. Slash dates are read day-first only when the data shows it (more samples parse that way,
 * i.e. some first component is above 12); ambiguous ones read month-first. Dotted dates are always
 * day-first. Epoch numbers are accepted only when `columnName` hints at time, or when every sample
 * is in range and they never decrease, so a count column is never mistaken for time.
 */
export function detectTimeFormat(samples: readonly string[], columnName?: string): TimeFormat | null {
  const present = samples.filter((sample) => sample.trim() !== '');
  if (present.length === 0) return null;
  let best: TimeFormat | null = null;
  let bestCount = 0;
  for (const id of DETECTION_ORDER) {
    const format = TIME_FORMATS[id];
    let count = 0;
    for (const sample of present) if (format.parse(sample) !== null) count++;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  if (best === null || !mostlyMatches(bestCount, present.length)) return null;
  if (best.id === 'ymd-compact-short') return columnName !== undefined && namesDate(columnName) && oneLeadingPair(present) ? best : null;
  if (NUMERIC_TIME_FORMATS.has(best.id)) {
    if (columnName !== undefined && namesTime(columnName)) return best;
    // Excel's day numbers overlap daily counts (25,000 vehicles): only a column named as time.
    if (best.id === 'excel-serial') return null;
    return present.length >= 2 && allParseInOrder(best, present) ? best : null;
  }
  return best;
}

/** The format's name with the file's own first value as its example (`ISO 8601, as 2025-03-03 00:00:00`). */
export function ownFormatLabel(label: string, example: string | null): string {
  if (example === null) return label;
  const name = label.replace(/\s*\([^)]*\)$/, '');
  return `${name}, as ${example.length > 40 ? `${example.slice(0, 40)}…` : example}`;
}
