/**
 * Decides what each column means (timestamp, location, measure, category) and how the time is
 * written, from the header and a sample of rows; then applies the user's corrections. Invalid
 * corrections are refused with a message that names the column and an offending value. What the
 * engine chose on the user's behalf, or was unsure of, is said in `notes`.
 */
import { CommandError } from '../../../shared/envelope';
import type { ColumnRole, ColumnInfo, SchemaOverrides, TimeFormatId, TimeSource } from '../../../shared/schema';
import type { ColumnType } from '../../../shared/records';
import { columnSamples, isNumericColumn, isNumericText } from './inferSchema';
import { mainMeasure, mayNameCount, measureReason } from './mainMeasure';
import { isCoordinateName, isIdentifierColumn } from './roles/identifierColumns';
import { coordinateColumns, placeNamedByCoordinates } from './roles/coordinatePlaces';
import { pickLocationColumn } from './roles/locationColumn';
import { findMeasureTotal } from './roles/totalColumn';
import { usesDecimalComma } from './time/decimalComma';
import { settleDateOrderByLocale } from './time/localeDateOrder';
import { dotGroupedThousandsExample } from './dotGroupedThousands';
import { detectPartsTime, timesOfDayVary, detectPeriodTime, partsColumnIndexes, type PartsColumns } from './time/partsTime';
import { chooseSplitAnchor, type SplitAnchor, type SplitSampleRow } from './time/splitAnchor';
import { splitRowsRunNewestFirst } from './time/splitDirection';
import { detectSplitTime, parseDayOfMonth, parseWeekday, type SplitTimeColumns } from './time/splitTimeline';
import { NUMERIC_TIME_FORMATS, TIME_FORMATS, detectTimeFormat, ownFormatLabel } from './time/timeFormats';
import { wideTimeOfDayNote } from './wideLayout/wideTimeOfDay';
import { chooseZoneReading } from './time/zoneReading';

export interface TableSchema {
  columns: ColumnInfo[];
  time: TimeSource | null;
  /** Name of the location column, or null. */
  location: string | null;
  decimalComma: boolean;
  /** The main measure (threshold, forecasts, graph load); null when no column holds numbers. */
  measure: string | null;
  /** What was chosen on the user's behalf or is uncertain, in plain words. */
  notes: string[];
  /**
   * Trailing columns that hold nothing in any sampled row: a row that leaves them out (as some
   * writers drop empty fields at the end of a line) is read with them empty rather than rejected.
   */
  emptyTrailingColumns?: number;
}

/** How many columns at the end are empty in every sampled row. */
export function emptyTrailingColumns(columnCount: number, sampleRows: readonly (readonly string[])[]): number {
  if (sampleRows.length === 0) return 0;
  let count = 0;
  while (count < columnCount - 1 && sampleRows.every((row) => (row[columnCount - 1 - count] ?? '').trim() === '')) count++;
  return count;
}

const TYPE_OF_ROLE: Record<ColumnRole, ColumnType> = {
  timestamp: 'time',
  location: 'text',
  measure: 'number',
  category: 'text',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function quoteSample(values: readonly string[], test: (value: string) => boolean): string {
  const bad = values.find((value) => value.trim() !== '' && !test(value));
  return bad === undefined ? '' : ` (e.g. ${JSON.stringify(bad.length > 40 ? `${bad.slice(0, 40)}…` : bad)})`;
}

const quoted = (name: string): string => JSON.stringify(name);

interface Detected {
  roles: ColumnRole[];
  numeric: boolean[];
  decimalComma: boolean;
  notes: string[];
}

const TIME_NAME = /time|date|stamp|epoch|datetime|zeit|datum|fecha|hora|heure|^ts$|^t$|時刻|時間|时间|日時|日期|시간|일시/i;

/** Columns that read as a timeline on their own (not a bare clock), best first: named like a time. */
function timeColumnCandidates(
  names: readonly string[],
  samples: readonly string[][],
  numeric: readonly boolean[],
): { index: number; format: TimeFormatId }[] {
  const candidates: { index: number; format: TimeFormatId }[] = [];
  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    const format = detectTimeFormat(samples[index] ?? [], name);
    if (!format) continue;
    // A bare clock time ("08:30") is no timeline on its own; only with a date does it become one.
    if (format.id === 'clock') continue;
    if (numeric[index] && !NUMERIC_TIME_FORMATS.has(format.id)) continue;
    candidates.push({ index, format: format.id });
  }
  const namedTime = (index: number): number => Number(TIME_NAME.test(names[index] as string));
  // A column whose times of day vary before one of dates (Toronto's `time_start` before its
  // `count_date`): a date alone puts every row of a day at one hour, unless a column beside it
  // holds the hour (detectPartsTime), which a full timestamp does not need. A period's bounds
  // (00:00:00 and 23:59:59 every month) are both dates: the first stays first.
  // Each candidate's samples parsed once, not at every comparison of the sort.
  const withClock = new Map(candidates.map((candidate) => [candidate.index, Number(timesOfDayVary(samples[candidate.index] ?? [], candidate.format))]));
  const clockOf = (index: number): number => withClock.get(index) ?? 0;
  return candidates.sort((a, b) => namedTime(b.index) - namedTime(a.index) || clockOf(b.index) - clockOf(a.index) || a.index - b.index);
}

/** The timestamp columns, found in order of how much of the time they carry. */
function detectTimeColumns(names: readonly string[], samples: readonly string[][], sampleRows: readonly (readonly string[])[], numeric: readonly boolean[], notes: string[]): number[] {
  // A whole date (one column, or spread over several) before the split form, whose month is a guess.
  const [best, ...others] = timeColumnCandidates(names, samples, numeric);
  const parts = detectPartsTime(names, samples, best ?? null);
  if (parts && (best === undefined || partsColumnIndexes(parts).includes(best.index))) return partsColumnIndexes(parts);
  if (best === undefined) {
    const split = detectSplitTime(names, sampleRows);
    if (split) return [split.timeColumn, split.dayColumn, split.weekdayColumn].filter((index): index is number => index !== null);
    // Monthly or yearly figures: the year (and month) is the only time the file has.
    const period = detectPeriodTime(names, samples);
    return period ? partsColumnIndexes(period) : [];
  }
  if (others.length > 0) {
    notes.push(`Unsure of the time: ${others.map((other) => quoted(names[other.index] as string)).join(', ')} also read as time; ${quoted(names[best.index] as string)} is used.`);
  }
  return [best.index];
}

function detectRoles(names: readonly string[], sampleRows: readonly (readonly string[])[], delimiter: string): Detected {
  const samples = names.map((_, index) => columnSamples(sampleRows, index));
  const notes: string[] = [];
  // Dots between thousands are read as a decimal comma file reads them (`1.234,5`, `25.877`).
  const commaDecimals = samples.some((values) => usesDecimalComma(values, delimiter));
  const grouped = commaDecimals ? null : dotGroupedThousandsExample(samples, delimiter);
  if (grouped !== null) notes.push(`Numbers are written with a dot between thousands (${quoted(grouped)} is ${Number(grouped.replaceAll('.', '')).toLocaleString('en-US')}), and read so.`);
  const decimalComma = commaDecimals || grouped !== null;
  const numeric = samples.map((values) => isNumericColumn(values, decimalComma));
  const roles: ColumnRole[] = numeric.map((isNumber) => (isNumber ? 'measure' : 'category'));

  const timeColumns = detectTimeColumns(names, samples, sampleRows, numeric, notes);
  for (const index of timeColumns) roles[index] = 'timestamp';
  if (timeColumns.length === 0) {
    // A table of clock times whose date is only in its title (`Date: 2023-03-01` above the header): say so.
    const clock = names.findIndex((name, index) => detectTimeFormat(samples[index] ?? [], name)?.id === 'clock');
    if (clock >= 0) {
      notes.push(
        `${quoted(names[clock] as string)} holds times of day only, and no column holds the date: rows replay in file order without an event time. If a column holds the day, mark it and ${quoted(names[clock] as string)} as the timestamp in Edit roles.`,
      );
    }
  }
  const slots = timeColumns.length > 0 ? sampleRows.map((row) => timeColumns.map((index) => row[index] ?? '').join('\u0001')) : null;
  const candidates = names.map((_, index) => index).filter((index) => roles[index] !== 'timestamp');
  const location = pickLocationColumn(names, samples, numeric, candidates, slots);
  if (location) {
    roles[location.index] = 'location';
    if (location.basis === 'data') {
      const times = location.rowsPerSlot ?? 1;
      notes.push(
        times === 1
          ? `Location: ${quoted(names[location.index] as string)}, because its values repeat once per time slot.`
          : `Location: ${quoted(names[location.index] as string)}, because its values repeat ${times} times in every time slot (a row per direction or lane).`,
      );
    }
  }
  const identifiers: string[] = [];
  const coordinates: string[] = [];
  for (const index of candidates) {
    const name = names[index] as string;
    if (roles[index] !== 'measure' || !isIdentifierColumn(name, samples[index] ?? [])) continue;
    roles[index] = 'category';
    (isCoordinateName(name) ? coordinates : identifiers).push(name);
  }
  if (identifiers.length > 0) notes.push(`${identifiers.map(quoted).join(', ')} read as identifiers, not measures.`);
  if (coordinates.length > 0) notes.push(`${coordinates.map(quoted).join(', ')} read as coordinates, not measures.`);
  return { roles, numeric, decimalComma, notes };
}

/** A sample row as the month search reads it, with its time of day for the direction (null when unreadable). */
type SampledSplitRow = SplitSampleRow & { timeOfDay: number | null };

function splitSampleRows(pickedRows: readonly (readonly string[])[], split: SplitTimeColumns): SampledSplitRow[] {
  const rows: SampledSplitRow[] = [];
  for (const row of pickedRows) {
    const day = parseDayOfMonth(row[split.dayColumn] ?? '');
    if (day === null) continue;
    rows.push({
      day,
      weekday: split.weekdayColumn === null ? null : parseWeekday(row[split.weekdayColumn] ?? ''),
      timeOfDay: TIME_FORMATS.clock.parse((row[split.timeColumn] ?? '').trim()),
    });
  }
  return rows;
}

function anchorNote(anchor: SplitAnchor, weekday: string | null, month: string, newestFirst: boolean): { label: string; note: string | null } {
  switch (anchor.basis) {
    case 'weekdays':
      return { label: newestFirst ? `weekday-checked, newest first from ${month}` : `weekday-checked, ${month}`, note: null };
    case 'most-weekdays':
      return {
        label: newestFirst ? `weekday-checked, newest first from ${month}` : `weekday-checked, ${month}`,
        note: `Unsure of the month: the weekday in ${quoted(weekday ?? '')} of ${anchor.disagreeing} rows falls on no date that fits the rest; ${month} fits all the others.`,
      };
    case 'days':
      return {
        label: newestFirst ? `newest first from ${month}` : `starting in ${month}`,
        note: `The file gives only days of the month: it is placed in ${month}, the latest month in which its days exist; choose the month in Edit roles.`,
      };
    case 'no-fit':
      return {
        label: `${newestFirst ? `newest first from ${month}` : `starting in ${month}`}, weekdays not checked`,
        note: `Unsure of the month: the weekdays in ${quoted(weekday ?? '')} fit no month, so the days are placed from ${month} without them; choose the month in Edit roles.`,
      };
  }
}


function splitSource(
  picked: readonly string[],
  pickedRows: readonly (readonly string[])[],
  split: SplitTimeColumns,
  overrides: SchemaOverrides | null,
  reference: Date,
  notes: string[],
): TimeSource {
  const weekday = split.weekdayColumn === null ? null : (picked[split.weekdayColumn] as string);
  const time = picked[split.timeColumn] as string;
  const day = picked[split.dayColumn] as string;
  const chosen = overrides?.anchor ?? null;
  const samples = splitSampleRows(pickedRows, split);
  const newestFirst = splitRowsRunNewestFirst(samples.flatMap(({ day, timeOfDay }) => (timeOfDay === null ? [] : [{ day, timeOfDay }])));
  const anchor: SplitAnchor = chosen ? { ...chosen, basis: 'weekdays', disagreeing: 0 } : chooseSplitAnchor(samples, reference, newestFirst);
  const month = `${MONTHS[anchor.month - 1]} ${anchor.year}`;
  const chosenLabel = `${newestFirst ? `newest first from ${month}` : `starting in ${month}`} (chosen)`;
  const described = chosen ? { label: chosenLabel, note: null } : anchorNote(anchor, weekday, month, newestFirst);
  if (described.note) notes.push(described.note);
  return {
    kind: 'split',
    time,
    day,
    weekday,
    anchorYear: anchor.year,
    anchorMonth: anchor.month,
    ...(newestFirst ? { newestFirst } : {}),
    label: `${[time, day, weekday].filter((part) => part !== null).join(' + ')}, ${described.label}`,
  };
}

function partsSource(names: readonly string[], parts: PartsColumns): TimeSource {
  const name = (index: number | null): string | null => (index === null ? null : (names[index] as string));
  return {
    kind: 'parts',
    date: name(parts.date),
    dateFormat: parts.dateFormat,
    year: name(parts.year),
    month: name(parts.month),
    day: name(parts.day),
    clock: name(parts.clock),
    hhmm: name(parts.hhmm),
    hour: name(parts.hour),
    minute: name(parts.minute),
    second: name(parts.second),
    label: partsColumnIndexes(parts).map((index) => names[index] as string).join(' + '),
  };
}

function resolveTime(
  names: readonly string[],
  sampleRows: readonly (readonly string[])[],
  roles: readonly ColumnRole[],
  overrides: SchemaOverrides | null,
  reference: Date,
  notes: string[],
): TimeSource | null {
  const indexes = roles.flatMap((role, index) => (role === 'timestamp' ? [index] : []));
  if (indexes.length === 0) return null;
  if (indexes.length === 1) {
    const index = indexes[0] as number;
    const name = names[index] as string;
    const values = columnSamples(sampleRows, index);
    const forced = overrides?.timeFormat ?? null;
    const format = forced ? TIME_FORMATS[forced] : detectTimeFormat(values, name);
    // A year alone (a table of yearly figures): each row's time is its year's first day.
    const year = format ? null : detectPeriodTime([name], [values]);
    if (year) return partsSource([name], year);
    if (!format || format.id === 'clock') {
      throw new CommandError(
        'INVALID_SCHEMA',
        format
          ? `Column "${name}" holds only a time of day; mark the date (or day-of-month) column (and the weekday) as timestamp too.`
          : `Column "${name}" does not look like a time${quoteSample(values, () => false)}. Pick its format or choose another timestamp column.`,
      );
    }
    if (forced && !values.some((value) => value.trim() !== '' && format.parse(value.trim()) !== null)) {
      throw new CommandError('INVALID_SCHEMA', `Column "${name}" cannot be read as ${format.label}${quoteSample(values, () => false)}.`);
    }
    const example = values.map((value) => value.trim()).find((value) => value !== '' && format.parse(value) !== null) ?? null;
    const zones = chooseZoneReading(format, values);
    const label = ownFormatLabel(format.label, example);
    if (zones === null) return { kind: 'column', column: name, format: format.id, label };
    const offsets = zones.offsets.join(', ');
    const reading = overrides?.zones ?? zones.reading;
    notes.push(
      reading === 'as-written'
        ? `${quoted(name)} writes its times with their zone (${offsets}, as in ${quoted(example ?? '')}): they are read as the clock written, so the feed, SQL's _time, profiles and windows show the file's own hours (22:00+01:00 is 22:00).`
        : zones.reading === 'utc'
          ? `${quoted(name)} mixes UTC times with local offsets (${offsets}): every time is converted to UTC so rows of one moment meet, and the feed, SQL's _time and the charts show UTC.`
          : `${quoted(name)} writes its times with their zone (${offsets}): as chosen in Edit roles, every time is converted to UTC, and the feed, SQL's _time and the charts show UTC.`,
    );
    return { kind: 'column', column: name, format: format.id, label, zones: reading };
  }
  const picked = indexes.map((index) => names[index] as string);
  const pickedRows = sampleRows.map((row) => indexes.map((index) => row[index] ?? ''));
  const split = indexes.length <= 3 ? detectSplitTime(picked, pickedRows) : null;
  if (split) return splitSource(picked, pickedRows, split, overrides, reference, notes);
  const pickedSamples = picked.map((_, i) => pickedRows.map((row) => row[i] ?? ''));
  const dates = picked.flatMap((name, i) => {
    const format = detectTimeFormat(pickedSamples[i] ?? [], name);
    return format && format.id !== 'clock' && !format.id.startsWith('epoch-') ? [{ index: i, format: format.id }] : [];
  });
  const parts = detectPartsTime(picked, pickedSamples, dates[0] ?? null);
  if (parts && partsColumnIndexes(parts).length === picked.length) return partsSource(picked, parts);
  const period = detectPeriodTime(picked, pickedSamples);
  if (period && partsColumnIndexes(period).length === picked.length) return partsSource(picked, period);
  throw new CommandError(
    'INVALID_SCHEMA',
    `Columns ${picked.map((name) => `"${name}"`).join(', ')} do not form one time. Mark a single timestamp column; a date and a time of day; year, month and day columns (with hour and minute); or a time of day with a day of month (and a weekday).`,
  );
}

/** Formats that read the same digits in the other order: the first block may not tell them apart. */
const OTHER_ORDER: Partial<Record<TimeFormatId, TimeFormatId>> = { mdy: 'dmy', dmy: 'mdy', 'dmy-dash': 'mdy-dash', 'mdy-dash': 'dmy-dash' };

/**
 * Numeric dates the first block left open (every day and month 12 or less: slashes read month
 * first, as an American file would be, dashes day first) settled by rows from later in the file
 * (`laterRows`, see sniffCsv): when a later date exists only in the other order (`13/03/2023`) and
 * none only in the order chosen, the column is read the other way, and the notes say why. A
 * fortnight of 15-minute counts from many sites fills the first block with the 1st to the 9th; read
 * month first, every later day was rejected and the rest moved to other months. A format the user
 * chose stays.
 */
export function settleDayFirst(
  schema: TableSchema,
  names: readonly string[],
  sampleRows: readonly (readonly string[])[],
  laterRows: readonly (readonly string[])[],
  overrides: SchemaOverrides | null = null,
): TableSchema {
  const time = schema.time;
  if (time === null || overrides?.timeFormat || laterRows.length === 0) return schema;
  const read = time.kind === 'column' ? { column: time.column, format: time.format } : time.kind === 'parts' && time.dateFormat !== null ? { column: time.date, format: time.dateFormat } : null;
  const other = read === null ? undefined : OTHER_ORDER[read.format];
  if (read === null || read.column === null || other === undefined) return schema;
  const index = names.indexOf(read.column);
  // Only a first block that could be read either way is open: a 13 there decided it already.
  const either = (value: string): boolean => value === '' || TIME_FORMATS[other].parse(value) !== null;
  if (!sampleRows.every((row) => either((row[index] ?? '').trim()))) return schema;
  let onlyOther: string | null = null;
  for (const row of laterRows) {
    const value = (row[index] ?? '').trim();
    if (value === '') continue;
    const asRead = TIME_FORMATS[read.format].parse(value) !== null;
    const asOther = TIME_FORMATS[other].parse(value) !== null;
    if (asRead && !asOther) return schema;
    if (asOther && !asRead) onlyOther ??= value;
  }
  if (onlyOther === null) return schema;
  const dayFirst = other === 'dmy' || other === 'dmy-dash';
  const note = `${quoted(read.column)} is read ${dayFirst ? 'day' : 'month'} first: its first rows could be either (every day 12 or less), and later rows such as ${quoted(onlyOther)} are ${dayFirst ? 'day' : 'month'} first only.`;
  let settled: TimeSource = time;
  if (time.kind === 'column') settled = { ...time, format: other, label: ownFormatLabel(TIME_FORMATS[other].label, onlyOther) };
  else if (time.kind === 'parts') settled = { ...time, dateFormat: other };
  return { ...schema, time: settled, notes: [...schema.notes, note] };
}

/** A number written with a decimal point (`52.5`): a file that has one does not write decimals with commas. */
const DOT_DECIMAL = /^[+-]?\d*\.\d+$/;

/**
 * A decimal comma the first block did not show (its speeds whole, `52`; later `52,5`), settled by
 * rows from later in the file: when a measure's later values are numbers written with a decimal
 * comma and no number anywhere sampled is written with a decimal point, every number is read with
 * a decimal comma, and the notes say so. Read as before, each such row was rejected.
 */
export function settleDecimalComma(schema: TableSchema, sampleRows: readonly (readonly string[])[], laterRows: readonly (readonly string[])[], delimiter: string): TableSchema {
  if (schema.decimalComma || delimiter === ',' || laterRows.length === 0) return schema;
  const measures = schema.columns.flatMap((column, index) => (column.role === 'measure' ? [index] : []));
  const values = (rows: readonly (readonly string[])[], index: number): string[] => rows.map((row) => (row[index] ?? '').trim());
  if (measures.some((index) => [...values(sampleRows, index), ...values(laterRows, index)].some((value) => DOT_DECIMAL.test(value)))) return schema;
  const shown = measures.find((index) => usesDecimalComma(values(laterRows, index), delimiter));
  if (shown === undefined) return schema;
  const example = values(laterRows, shown).find((value) => value.includes(',')) ?? '';
  const name = schema.columns[shown]?.name ?? '';
  return { ...schema, decimalComma: true, notes: [...schema.notes, `Numbers are read with a decimal comma: the first rows hold whole numbers only, and later rows write ${quoted(name)} as ${quoted(example)}.`] };
}

/** Later values a column empty in the first block must show, all numbers, before it is read as a measure. */
const LATER_NUMBERS_MIN = 5;

/**
 * A column empty in every row of the first block (a truck count a site starts later, a lane opened
 * in the second week) was read as text; when rows from further into the file hold numbers there,
 * and nothing else, it is a measure like its neighbours, and the notes say so. A choice the user
 * made for the column stays.
 */
export function settleEmptyColumns(schema: TableSchema, sampleRows: readonly (readonly string[])[], laterRows: readonly (readonly string[])[], overrides: SchemaOverrides | null = null): TableSchema {
  if (laterRows.length === 0) return schema;
  const settled: string[] = [];
  const columns = schema.columns.map((column, index) => {
    if (column.role !== 'category' || overrides?.roles[column.name] !== undefined) return column;
    if (!sampleRows.every((row) => (row[index] ?? '').trim() === '')) return column;
    const later = laterRows.map((row) => (row[index] ?? '').trim()).filter((value) => value !== '');
    if (later.length < LATER_NUMBERS_MIN || !later.every((value) => isNumericText(value, schema.decimalComma))) return column;
    settled.push(column.name);
    return { ...column, role: 'measure' as const, type: TYPE_OF_ROLE.measure };
  });
  if (settled.length === 0) return schema;
  const names = settled.map(quoted).join(', ');
  return {
    ...schema,
    columns,
    measure: schema.measure ?? settled[0] ?? null,
    notes: [...schema.notes, `${names} ${settled.length === 1 ? 'is' : 'are'} empty in the first rows and hold${settled.length === 1 ? 's' : ''} numbers further into the file: read as ${settled.length === 1 ? 'a measure' : 'measures'}.`],
  };
}

/** What rows from further into the file settle that the first block left open (see sniffCsv's laterRows). */
export function settleByLaterRows(
  schema: TableSchema,
  names: readonly string[],
  sampleRows: readonly (readonly string[])[],
  laterRows: readonly (readonly string[])[],
  delimiter: string,
  overrides: SchemaOverrides | null = null,
): TableSchema {
  const settled = settleDecimalComma(settleDayFirst(schema, names, sampleRows, laterRows, overrides), sampleRows, laterRows, delimiter);
  const ordered = settleDateOrderByLocale(settled, names, [...sampleRows, ...laterRows], delimiter, overrides);
  return settleEmptyColumns(settleLocationByCoordinates(ordered, sampleRows, laterRows, overrides), sampleRows, laterRows, overrides);
}

/** A file with no location yet whose rows carry each place's coordinates: the column naming those places is the location (coordinatePlaces.ts). */
function settleLocationByCoordinates(schema: TableSchema, sampleRows: readonly (readonly string[])[], laterRows: readonly (readonly string[])[], overrides: SchemaOverrides | null): TableSchema {
  if (schema.location !== null || Object.keys(overrides?.roles ?? {}).length > 0) return schema;
  const found = placeNamedByCoordinates(schema.columns, [...sampleRows, ...laterRows]);
  if (found === null) return schema;
  const name = (schema.columns[found.index] as ColumnInfo).name;
  return {
    ...schema,
    location: name,
    columns: schema.columns.map((column, index) => (index === found.index ? { ...column, role: 'location' } : column)),
    notes: [...schema.notes, `Location: ${quoted(name)}, one name for each of the ${found.places} places its coordinates (${coordinateColumns(schema.columns).map((at) => quoted((schema.columns[at] as ColumnInfo).name)).join(', ')}) mark.`],
  };
}

/** Sample rows needed before a column whose values never change is called constant. */
const CONSTANT_MIN_SAMPLES = 5;

/** Column `name`'s sampled values that are not empty, trimmed. */
function filledValues(names: readonly string[], sampleRows: readonly (readonly string[])[], name: string): string[] {
  return columnSamples(sampleRows, names.indexOf(name))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** The columns among `candidates` whose filled sampled values pass `test`. */
function columnsWhose(names: readonly string[], sampleRows: readonly (readonly string[])[], candidates: readonly string[], test: (values: string[]) => boolean): Set<string> {
  return new Set(candidates.filter((name) => test(filledValues(names, sampleRows, name))));
}

/** At least CONSTANT_MIN_SAMPLES values, all the same. */
const isConstant = (values: readonly string[]): boolean => values.length >= CONSTANT_MIN_SAMPLES && values.every((value) => value === values[0]);

/** Consecutive sampled rows looked at before a column may be called stepwise. */
const STEPWISE_MIN_PAIRS = 30;
/** A stepwise column changes between fewer than this share of consecutive rows. */
const STEPWISE_MAX_CHANGES = 0.1;

/**
 * Values that hold for long runs of rows, yet not all the same: a grouping key written as a number
 * (Magdeburg's movement `verkehrsstrom` 1…9, 56 rows each) or a figure repeated on each row of its
 * group, rather than a count taken on every row.
 */
function isStepwise(values: readonly string[]): boolean {
  if (values.length <= STEPWISE_MIN_PAIRS || values.every((value) => value === values[0])) return false;
  let changes = 0;
  for (let i = 1; i < values.length; i++) if (values[i] !== values[i - 1]) changes++;
  return changes < (values.length - 1) * STEPWISE_MAX_CHANGES;
}

/** Infers the schema, then applies `overrides` (roles by column name; unknown names are ignored). */
export function resolveTableSchema(
  names: readonly string[],
  sampleRows: readonly (readonly string[])[],
  delimiter: string,
  overrides: SchemaOverrides | null = null,
  reference: Date = new Date(),
): TableSchema {
  const detected = detectRoles(names, sampleRows, delimiter);
  const roles = [...detected.roles];
  const notes = overrides ? [] : [...detected.notes];
  const wide = wideTimeOfDayNote(names);
  if (wide) notes.push(wide);
  if (overrides) {
    names.forEach((name, index) => {
      const role = overrides.roles[name];
      if (role) roles[index] = role;
    });
  }
  const locations = roles.flatMap((role, index) => (role === 'location' ? [names[index] as string] : []));
  if (locations.length > 1) {
    throw new CommandError('INVALID_SCHEMA', `Only one column can identify the location; ${locations.map((n) => `"${n}"`).join(' and ')} both do.`);
  }
  roles.forEach((role, index) => {
    if (role !== 'measure' || detected.numeric[index]) return;
    const values = columnSamples(sampleRows, index);
    throw new CommandError(
      'INVALID_SCHEMA',
      `Column "${names[index]}" cannot be a measure: its values are not numbers${quoteSample(values, (v) => isNumericText(v, detected.decimalComma))}.`,
    );
  });
  const time = resolveTime(names, sampleRows, roles, overrides, reference, notes);
  const columns = names.map((name, index) => {
    const role = roles[index] as ColumnRole;
    return { name, role, type: TYPE_OF_ROLE[role] };
  });
  const measures = columns.filter((column) => column.type === 'number').map((column) => column.name);
  const countColumns = columns.flatMap((column, index) => (column.role === 'measure' && detected.numeric[index] && mayNameCount(column.name) ? [index] : []));
  const total = findMeasureTotal(names, sampleRows, countColumns, detected.decimalComma);
  const measure = mainMeasure(measures, overrides?.measure ?? null, total, columnsWhose(names, sampleRows, measures, isConstant), columnsWhose(names, sampleRows, measures, isStepwise));
  if (measure === null) notes.push('No column holds numbers to measure: the threshold, forecasts and graph load have nothing to count.');
  else if (!overrides?.measure && measures.length > 1) notes.push(`Measure: ${quoted(measure)}, ${measureReason(measure, total, measures)}.`);
  return {
    columns,
    time,
    location: locations[0] ?? null,
    decimalComma: detected.decimalComma,
    measure,
    notes,
    emptyTrailingColumns: emptyTrailingColumns(names.length, sampleRows),
  };
}
