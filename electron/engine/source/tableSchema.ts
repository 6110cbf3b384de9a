/**
 * Decides what each column means (timestamp, location, measure, category) and how the time is
 * written, from the header and a sample of rows; then applies the user's corrections. Invalid
 * corrections are refused with a message that names the column and an offending value.
 */
import { CommandError } from '../../../shared/envelope';
import type { ColumnRole, ColumnInfo, SchemaOverrides, TimeSource } from '../../../shared/schema';
import type { ColumnType } from '../../../shared/records';
import { columnSamples, isNumericColumn, isNumericText, pickLocationColumn } from './inferSchema';
import { usesDecimalComma } from './time/decimalComma';
import { chooseAnchorMonth, detectSplitTime, parseDayOfMonth, parseWeekday } from './time/splitTimeline';
import { TIME_FORMATS, detectTimeFormat } from './time/timeFormats';

export interface TableSchema {
  columns: ColumnInfo[];
  time: TimeSource | null;
  /** Name of the location column, or null. */
  location: string | null;
  decimalComma: boolean;
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

interface Detected {
  roles: ColumnRole[];
  numeric: boolean[];
  decimalComma: boolean;
}

function detectRoles(names: readonly string[], sampleRows: readonly (readonly string[])[], delimiter: string): Detected {
  const samples = names.map((_, index) => columnSamples(sampleRows, index));
  const decimalComma = samples.some((values) => usesDecimalComma(values, delimiter));
  const numeric = samples.map((values) => isNumericColumn(values, decimalComma));
  const roles: ColumnRole[] = numeric.map((isNumber) => (isNumber ? 'measure' : 'category'));

  const split = detectSplitTime(names, sampleRows);
  if (split) {
    for (const index of [split.timeColumn, split.dayColumn, split.weekdayColumn]) if (index !== null) roles[index] = 'timestamp';
  } else {
    const timeIndex = pickTimeColumn(names, samples, numeric);
    if (timeIndex >= 0) roles[timeIndex] = 'timestamp';
  }
  const location = pickLocationColumn(names, numeric);
  if (location >= 0 && roles[location] !== 'timestamp') roles[location] = 'location';
  return { roles, numeric, decimalComma };
}

const TIME_NAME = /time|date|stamp|epoch|datetime|^ts$|^t$/i;

/** Prefers a column named like a time; a numeric column is a time only if it reads as epoch. */
function pickTimeColumn(names: readonly string[], samples: readonly string[][], numeric: readonly boolean[]): number {
  const candidates = names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => Number(TIME_NAME.test(b.name)) - Number(TIME_NAME.test(a.name)));
  for (const { name, index } of candidates) {
    const format = detectTimeFormat(samples[index] ?? [], name);
    if (!format) continue;
    // A bare clock time ("08:30") is no timeline on its own; only the split form makes it one.
    if (format.id === 'clock') continue;
    if (numeric[index] && format.id !== 'epoch-s' && format.id !== 'epoch-ms') continue;
    return index;
  }
  return -1;
}

function resolveTime(
  names: readonly string[],
  sampleRows: readonly (readonly string[])[],
  roles: readonly ColumnRole[],
  overrides: SchemaOverrides | null,
  reference: Date,
): TimeSource | null {
  const indexes = roles.flatMap((role, index) => (role === 'timestamp' ? [index] : []));
  if (indexes.length === 0) return null;
  if (indexes.length === 1) {
    const index = indexes[0] as number;
    const name = names[index] as string;
    const values = columnSamples(sampleRows, index);
    const forced = overrides?.timeFormat ?? null;
    const format = forced ? TIME_FORMATS[forced] : detectTimeFormat(values, name);
    if (!format || format.id === 'clock') {
      throw new CommandError(
        'INVALID_SCHEMA',
        format
          ? `Column "${name}" holds only a time of day; mark the day-of-month column (and the weekday) as timestamp too.`
          : `Column "${name}" does not look like a time${quoteSample(values, () => false)}. Pick its format or choose another timestamp column.`,
      );
    }
    if (forced && !values.some((value) => value.trim() !== '' && format.parse(value.trim()) !== null)) {
      throw new CommandError('INVALID_SCHEMA', `Column "${name}" cannot be read as ${format.label}${quoteSample(values, () => false)}.`);
    }
    return { kind: 'column', column: name, format: format.id, label: format.label };
  }
  const picked = indexes.map((index) => names[index] as string);
  const pickedRows = sampleRows.map((row) => indexes.map((index) => row[index] ?? ''));
  const split = indexes.length <= 3 ? detectSplitTime(picked, pickedRows) : null;
  if (!split) {
    throw new CommandError(
      'INVALID_SCHEMA',
      `Columns ${picked.map((name) => `"${name}"`).join(', ')} do not form one time. Mark a single timestamp column, or a time of day with a day of month (and a weekday).`,
    );
  }
  // Number('') is 0, an integer: a blank day would anchor to the reference month, not the weekday's.
  const first = pickedRows.find((row) => parseDayOfMonth(row[split.dayColumn] ?? '') !== null);
  const firstDay = first ? (parseDayOfMonth(first[split.dayColumn] ?? '') ?? 1) : 1;
  const firstWeekday = first && split.weekdayColumn !== null ? parseWeekday(first[split.weekdayColumn] ?? '') : null;
  const anchor = overrides?.anchor ?? chooseAnchorMonth(firstDay, firstWeekday, reference);
  const weekday = split.weekdayColumn === null ? null : (picked[split.weekdayColumn] as string);
  const time = picked[split.timeColumn] as string;
  const day = picked[split.dayColumn] as string;
  return {
    kind: 'split',
    time,
    day,
    weekday,
    anchorYear: anchor.year,
    anchorMonth: anchor.month,
    label: `${[time, day, weekday].filter((part) => part !== null).join(' + ')}, starting in ${MONTHS[anchor.month - 1]} ${anchor.year}`,
  };
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
  const time = resolveTime(names, sampleRows, roles, overrides, reference);
  return {
    columns: names.map((name, index) => {
      const role = roles[index] as ColumnRole;
      return { name, role, type: TYPE_OF_ROLE[role] };
    }),
    time,
    location: locations[0] ?? null,
    decimalComma: detected.decimalComma,
  };
}
