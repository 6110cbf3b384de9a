/**
 * Time written over several columns with the whole date in them (unlike the split form, which
 * only has a day of month): a date column and a time-of-day column (`Date` = 2025-03-14, `Time` =
 * 08:15), a date and an hour (`date`, `hour` = 0..23), a date and a time written HHMM (`20250314`,
 * `815`, as US agencies' count files do), or one column per field (`Yr, M, D, HH, MM` as New
 * York's counts are published). Read as UTC wall clock like every zone-less time.
 *
 * Files of monthly or yearly figures (average daily traffic per station and month, AADT per year)
 * carry only a year and a month, the month maybe by name (`2024;MÄRZ`), or a year alone: their
 * time is the period's first day, found only when the file has no finer time.
 */
import type { TimeFormatId } from '../../../../shared/schema';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, daysFromCivil, daysInMonth } from './civil';
import { TIME_FORMATS, detectTimeFormat, monthOfName } from './timeFormats';
import { mostlyMatches } from './tolerance';
import { locationNameTier } from '../roles/locationColumn';
import { namesTrafficCount } from '../mainMeasure';

/** Column indexes of each part; null where the file has no such column. */
export interface PartsColumns {
  date: number | null;
  dateFormat: TimeFormatId | null;
  year: number | null;
  month: number | null;
  day: number | null;
  clock: number | null;
  hhmm: number | null;
  hour: number | null;
  minute: number | null;
  second: number | null;
}

const FIELD_NAMES = {
  // `any` is Catalan, `anyo` a Spanish year written without the ñ.
  year: /^(yr|yy|yyyy|year|jahr|a(ñ|n)o|anyo|any|ann(é|e)e|anno|jaar|år|vuosi|rok)$/i,
  month: /^(m|mo|mon|mth|month|monat|mes|mois|mese|maand)$/i,
  day: /^(d|dd|day|tag|d(í|i)a|jour|giorno|dag|mdate|mday|day.?of.?month)$/i,
  // `time` holding whole numbers 0..24 beside a date is the hour (Melbourne's pedestrian counts):
  // a travel time or a clock would not fit the range, and a clock is read as one first.
  // Also Polish (godzina), Czech and Slovak (hodina), Slovenian (ura), Croatian (sat), Hungarian
  // (óra), Finnish (tunti), Swedish (timme), Turkish (saat); Danish and Norwegian write `time`.
  hour: /^(h|hh|hr|hrs|hour|hours|stunde|std|hora|heure|ora|uur|time|zeit|tid|godzina|godz|hodina|hod|ura|sat|(ó|o)ra|tunti|timme|saat|hour.?of.?day|hour.?(beginning|ending|start|end)|time.?of.?day)$/i,
  minute: /^(mm|mi|min|minute|minutes|minuto|minuut)$/i,
  second: /^(s|ss|sec|second|seconds|sekunde|segundo|seconde)$/i,
} as const;

const RANGES = { year: [1900, 2200], month: [1, 12], day: [1, 31], hour: [0, 24], minute: [0, 59], second: [0, 59] } as const;

type Field = keyof typeof FIELD_NAMES;

/**
 * A whole number, also when written with a zero fraction (`2021.0`, `7.00`): pandas writes an
 * integer column that has an empty cell as floats, so a year or hour column reads `2021.0`.
 */
function wholeNumberIn(text: string, [low, high]: readonly [number, number]): boolean {
  const trimmed = text.trim();
  if (!/^\d{1,4}(\.0+)?$/.test(trimmed)) return false;
  const value = Number(trimmed);
  return value >= low && value <= high;
}

function mostly(values: readonly string[], test: (value: string) => boolean): boolean {
  const present = values.filter((value) => value.trim() !== '');
  return present.length > 0 && mostlyMatches(present.filter(test).length, present.length);
}

/** The first column named for `field` whose values fit its range (`fits`, else its whole numbers). */
function findField(
  field: Field,
  names: readonly string[],
  samples: readonly (readonly string[])[],
  taken: ReadonlySet<number>,
  fits: (value: string) => boolean = (value) => wholeNumberIn(value, RANGES[field]),
): number | null {
  for (let index = 0; index < names.length; index++) {
    if (taken.has(index) || !FIELD_NAMES[field].test((names[index] as string).trim())) continue;
    if (mostly(samples[index] ?? [], fits)) return index;
  }
  return null;
}

/** A month as a number 1..12 or by name (`3`, `MÄRZ`, `Sept.`), or null. */
function monthValue(text: string): number | null {
  return wholeNumberIn(text, RANGES.month) ? Number(text.trim()) : monthOfName(text);
}

/** True when every dated sample of a date column falls on midnight: the column holds dates only. */
function datesOnly(values: readonly string[], format: TimeFormatId): boolean {
  return atMidnight(values, format) && values.every((value) => !value.includes(':'));
}

/**
 * True when every sample of a date column, written with a clock or not, falls on midnight: a date
 * the way pandas and databases write one (`2019-06-12 00:00:00`), or a timestamp whose sampled rows
 * all happen to lie at midnight (one moment over many sensors); the other columns tell them apart.
 */
function atMidnight(values: readonly string[], format: TimeFormatId): boolean {
  const parse = TIME_FORMATS[format].parse;
  const present = values.filter((value) => value.trim() !== '');
  return present.length > 0 && present.every((value) => (parse(value) ?? 1) % MS_PER_DAY === 0);
}

/** True when the sampled times of a time column fall at more than one time of day. */
export function timesOfDayVary(values: readonly string[], format: TimeFormatId): boolean {
  const parse = TIME_FORMATS[format].parse;
  let first: number | null = null;
  for (const value of values) {
    const time = value.trim() === '' ? null : parse(value);
    if (time === null) continue;
    const ofDay = ((time % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    if (first === null) first = ofDay;
    else if (ofDay !== first) return true;
  }
  return false;
}

/** True when the sampled values of the columns, read together, are not all the same. */
function varies(samples: readonly (readonly string[])[], indexes: readonly number[]): boolean {
  const seen = new Set<string>();
  const rows = Math.max(0, ...indexes.map((index) => samples[index]?.length ?? 0));
  for (let row = 0; row < rows; row++) seen.add(indexes.map((index) => (samples[index]?.[row] ?? '').trim()).join('\u0001'));
  return seen.size > 1;
}

const EMPTY: PartsColumns = { date: null, dateFormat: null, year: null, month: null, day: null, clock: null, hhmm: null, hour: null, minute: null, second: null };

/** `815` → 08:15 as ms since midnight, `2400` the day's end; -1 when not a time written HHMM. */
function hhmmOfDay(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return -1;
  const value = Number(trimmed);
  const hours = Math.floor(value / 100);
  const minutes = value % 100;
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return -1;
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE;
}

/**
 * A time of day written as one whole number HHMM (`0`, `815`, `1430`), named like a time or an
 * hour: some value must reach 100, or it would be an hour column.
 */
function findHhmm(names: readonly string[], samples: readonly (readonly string[])[], taken: ReadonlySet<number>): number | null {
  for (let index = 0; index < names.length; index++) {
    const name = (names[index] as string).trim();
    if (taken.has(index) || !(FIELD_NAMES.hour.test(name) || /^(hhmm|hh:?mm|time.?hhmm|uhrzeit)$/i.test(name))) continue;
    const values = samples[index] ?? [];
    if (mostly(values, (value) => hhmmOfDay(value) >= 0) && values.some((value) => Number(value.trim()) >= 100)) return index;
  }
  return null;
}

/** Distinct hours an unnamed hour column must show in the sample: half a day. */
const UNNAMED_HOUR_MIN_DISTINCT = 12;

/**
 * An hour column whose name is in no language listed here, known by its values: whole numbers
 * 0..23 with 0 among them, at least half of the day's hours within one day of the sample (a
 * daily file's small counts vary from day to day, not within one), each about as often as the
 * others (every hour holds a row per place). A count is never that even, and ids start at 1; a
 * column named as a place or a count is never taken. `taken` holds the date's columns.
 */
function unnamedHour(names: readonly string[], samples: readonly (readonly string[])[], taken: ReadonlySet<number>): number | null {
  const dateColumns = [...taken];
  const rows = Math.max(0, ...samples.map((column) => column.length));
  const dayOf = (row: number): string => dateColumns.map((index) => samples[index]?.[row] ?? '').join('\u0001');
  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    if (taken.has(index) || locationNameTier(name) > 0 || namesTrafficCount(name)) continue;
    const values = (samples[index] ?? []).map((value) => value.trim()).filter((value) => value !== '');
    if (values.length === 0 || !values.every((value) => /^\d{1,2}$/.test(value) && Number(value) <= 23)) continue;
    const hoursByDay = new Map<string, Set<string>>();
    for (let row = 0; row < rows; row++) {
      const day = dayOf(row);
      const hours = hoursByDay.get(day) ?? new Set<string>();
      hours.add((samples[index]?.[row] ?? '').trim());
      hoursByDay.set(day, hours);
    }
    if (![...hoursByDay.values()].some((hours) => hours.size >= UNNAMED_HOUR_MIN_DISTINCT)) continue;
    const tally = new Map<number, number>();
    for (const value of values) tally.set(Number(value), (tally.get(Number(value)) ?? 0) + 1);
    if (!tally.has(0) || tally.size < UNNAMED_HOUR_MIN_DISTINCT) continue;
    const counts = [...tally.values()];
    const most = Math.max(...counts);
    // The sample may end inside an hour: its last hour may hold fewer rows.
    if (counts.filter((n) => n < most - Math.max(1, most >> 2)).length <= 1) return index;
  }
  return null;
}

/** `13.30`, `0.15`: a time of day written with a dot, as Nordic, German and Italian exports write one. */
const DOTTED_CLOCK = /^(\d{1,2})\.([0-5]\d)$/;

/** A time of day written `13.30` as ms since midnight (`24.00` the day's end), or -1. */
function dottedClockOfDay(text: string): number {
  const match = DOTTED_CLOCK.exec(text.trim());
  if (!match) return -1;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || (hours === 24 && minutes > 0)) return -1;
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE;
}

/**
 * A column named as a time of day (`Time`, `Uhrzeit`, `klo`, `kellonaika`…) whose values are
 * clocks written with a dot (`00.15`, `13.30`): read as numbers they would be 0.15 and 13.3.
 */
function findDottedClock(names: readonly string[], samples: readonly (readonly string[])[], taken: ReadonlySet<number>): number | null {
  for (let index = 0; index < names.length; index++) {
    const name = (names[index] as string).trim();
    if (taken.has(index) || !(FIELD_NAMES.hour.test(name) || /^(uhrzeit|klo|kello|kellonaika|klokkeslett|klockslag|tidspunkt|godzina|ora|orario)$/i.test(name))) continue;
    const values = samples[index] ?? [];
    if (mostly(values, (value) => dottedClockOfDay(value) >= 0)) return index;
  }
  return null;
}

/**
 * The time-of-day part beside a date: a clock column (`08:15`), else an hour column (with maybe a
 * minute). Null when there is none.
 */
function timeOfDayColumns(names: readonly string[], samples: readonly (readonly string[])[], taken: Set<number>): Partial<PartsColumns> | null {
  for (let index = 0; index < names.length; index++) {
    if (taken.has(index)) continue;
    if (detectTimeFormat(samples[index] ?? [], names[index])?.id === 'clock') return { clock: index };
  }
  const dotted = findDottedClock(names, samples, taken);
  if (dotted !== null) {
    taken.add(dotted);
    return { clock: dotted };
  }
  const hour = findField('hour', names, samples, taken) ?? unnamedHour(names, samples, taken);
  if (hour === null) {
    const hhmm = findHhmm(names, samples, taken);
    if (hhmm === null) return null;
    taken.add(hhmm);
    return { hhmm };
  }
  taken.add(hour);
  const minute = findField('minute', names, samples, taken);
  if (minute !== null) taken.add(minute);
  const second = minute === null ? null : findField('second', names, samples, taken);
  return { hour, minute, second };
}

/**
 * Finds a date column beside a time of day (`dateColumn` is the column already taken for the time,
 * when it holds dates only), or year/month/day columns (with an hour, minute and second when
 * present). Null when the time is not written over several columns.
 */
export function detectPartsTime(
  names: readonly string[],
  samples: readonly (readonly string[])[],
  dateColumn: { index: number; format: TimeFormatId } | null,
): PartsColumns | null {
  if (dateColumn && atMidnight(samples[dateColumn.index] ?? [], dateColumn.format)) {
    const taken = new Set([dateColumn.index]);
    const time = timeOfDayColumns(names, samples, taken);
    // A date written with a midnight clock (UK DfT's `count_date` = 2019-06-12 00:00:00 beside
    // `hour` = 7..18) takes its time of day from the hour column only where that column moves
    // while the date stands still; a timestamp sampled at one moment beside an hour column that
    // repeats it stays a timestamp.
    const timeIndexes = time === null ? [] : partsColumnIndexes({ ...EMPTY, ...time });
    if (time && (datesOnly(samples[dateColumn.index] ?? [], dateColumn.format) || varies(samples, timeIndexes))) {
      return { ...EMPTY, date: dateColumn.index, dateFormat: dateColumn.format, ...time };
    }
  }
  const taken = new Set<number>();
  const year = findField('year', names, samples, taken);
  if (year === null) return null;
  taken.add(year);
  const month = findField('month', names, samples, taken);
  if (month === null) return null;
  taken.add(month);
  const day = findField('day', names, samples, taken);
  if (day === null) return null;
  taken.add(day);
  const time = timeOfDayColumns(names, samples, taken) ?? {};
  return { ...EMPTY, year, month, day, ...time };
}

/**
 * A year column, with a month column when there is one (numbers or names), and no day column: the
 * time of a table of monthly or yearly figures. Only for files with no finer time (a date, the
 * split form), which are looked for first: there a year column repeats what the date says.
 */
export function detectPeriodTime(names: readonly string[], samples: readonly (readonly string[])[]): PartsColumns | null {
  const taken = new Set<number>();
  const year = findField('year', names, samples, taken);
  if (year === null) return null;
  taken.add(year);
  if (findField('day', names, samples, taken) !== null) return null;
  const month = findField('month', names, samples, taken, (value) => monthValue(value) !== null);
  return { ...EMPTY, year, month };
}

/** Every column the parts are read from, in header order. */
export function partsColumnIndexes(parts: PartsColumns): number[] {
  return [parts.date, parts.year, parts.month, parts.day, parts.clock, parts.hhmm, parts.hour, parts.minute, parts.second]
    .filter((index): index is number => index !== null)
    .sort((a, b) => a - b);
}

/** Reads one row's parts (by column name) to epoch ms, or says which part is wrong. */
export interface PartsNames {
  date: string | null;
  dateFormat: TimeFormatId | null;
  year: string | null;
  month: string | null;
  day: string | null;
  clock: string | null;
  /** Absent in schemas saved before it existed. */
  hhmm?: string | null;
  hour: string | null;
  minute: string | null;
  second: string | null;
}

export type PartsReader = (fields: readonly string[]) => number | string;

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export function partsReader(names: PartsNames, indexOf: (name: string) => number): PartsReader {
  const at = (name: string | null): number => (name === null ? -1 : indexOf(name));
  const date = at(names.date);
  const year = at(names.year);
  const month = at(names.month);
  const day = at(names.day);
  const clock = at(names.clock);
  const hhmm = at(names.hhmm ?? null);
  const hour = at(names.hour);
  const minute = at(names.minute);
  const second = at(names.second);
  const dateFormat = names.dateFormat === null ? null : TIME_FORMATS[names.dateFormat];
  const number = (fields: readonly string[], index: number, field: Field, name: string | null): number | string => {
    // A period with no day (or no month) starts on its first.
    if (index < 0) return field === 'month' || field === 'day' ? 1 : 0;
    const text = (fields[index] as string).trim();
    if (!wholeNumberIn(text, RANGES[field])) return `column ${JSON.stringify(name)} expects a ${field} (${RANGES[field][0]} to ${RANGES[field][1]}), found ${quote(text)}`;
    return Number(text);
  };
  return (fields) => {
    let dayStart: number;
    if (dateFormat !== null) {
      const text = (fields[date] as string).trim();
      const parsed = dateFormat.parse(text);
      if (parsed === null) return `column ${JSON.stringify(names.date)} expects ${dateFormat.label}, found ${quote(text)}`;
      // The day only: a date written with a clock (`2019-06-12 00:00:00`) gets its time of day from the other columns.
      dayStart = Math.floor(parsed / MS_PER_DAY) * MS_PER_DAY;
    } else {
      const y = number(fields, year, 'year', names.year);
      const m = month < 0 ? 1 : (monthValue(fields[month] as string) ?? `column ${JSON.stringify(names.month)} expects a month (1 to 12 or its name), found ${quote((fields[month] as string).trim())}`);
      const d = number(fields, day, 'day', names.day);
      if (typeof y === 'string') return y;
      if (typeof m === 'string') return m;
      if (typeof d === 'string') return d;
      if (d > daysInMonth(y, m)) return `no such date: ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      dayStart = daysFromCivil(y, m, d) * MS_PER_DAY;
    }
    if (clock >= 0) {
      const text = (fields[clock] as string).trim();
      const dotted = dottedClockOfDay(text);
      const timeOfDay = dotted >= 0 ? dotted : TIME_FORMATS.clock.parse(text);
      if (timeOfDay === null) return `column ${JSON.stringify(names.clock)} expects a time of day like 08:15, found ${quote(text)}`;
      return dayStart + timeOfDay;
    }
    if (hhmm >= 0) {
      const text = (fields[hhmm] as string).trim();
      const timeOfDay = hhmmOfDay(text);
      if (timeOfDay < 0) return `column ${JSON.stringify(names.hhmm)} expects a time of day written HHMM like 815 or 1430, found ${quote(text)}`;
      return dayStart + timeOfDay;
    }
    const h = number(fields, hour, 'hour', names.hour);
    const mi = number(fields, minute, 'minute', names.minute);
    const s = number(fields, second, 'second', names.second);
    if (typeof h === 'string') return h;
    if (typeof mi === 'string') return mi;
    if (typeof s === 'string') return s;
    return dayStart + h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * 1000;
  };
}
