/**
 * Guesses whether each column holds numbers. A column is numeric when nearly all of its non-empty
 * sample values are (at most 5%, or a single value in a small sample, may disagree); those few will
 * be rejected row by row with a reason, which is more useful to a user than silently demoting the
 * whole column to text.
 */
import { parseCommaGroupedNumber } from './groupedNumber';
import { isMissingValue } from './missingValue';
import { parseDecimalCommaNumber } from './time/decimalComma';

const TOLERATED_SHARE = 0.05;

export function isNumericText(text: string, decimalComma = false): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  return decimalComma ? Number.isFinite(parseDecimalCommaNumber(trimmed)) : Number.isFinite(Number(trimmed)) || Number.isFinite(parseCommaGroupedNumber(trimmed));
}

/** True when the non-empty values pass `test` with at most the tolerated share of exceptions. */
export function mostlyMatch(values: readonly string[], test: (value: string) => boolean): boolean {
  const present = values.filter((value) => value.trim() !== '');
  if (present.length === 0) return false;
  const matching = present.filter(test).length;
  const others = present.length - matching;
  return matching > others && others <= Math.max(1, Math.floor(present.length * TOLERATED_SHARE));
}

/** Cells that say "no value" (`nan`, `NULL`, `-`: see missingValue.ts) count as empty here. */
export function isNumericColumn(values: readonly string[], decimalComma = false): boolean {
  return mostlyMatch(
    values.filter((value) => !isMissingValue(value)),
    (value) => isNumericText(value, decimalComma),
  );
}

export function columnSamples(sampleRows: readonly (readonly string[])[], index: number): string[] {
  return sampleRows.map((row) => row[index] ?? '');
}

const LOCATION_NAME = /junction|sensor|location|detector|site|station|camera|counter|segment|intersection/i;
const ID_NAME = /(^|[\s_-])id$|_id$|ID$/;

/**
 * The column whose values name a place; its values key bus messages so per-place order holds. A
 * numeric column qualifies only when named as an identifier ("Sensor ID"): a plain numeric
 * "Sensor" column is more likely a reading.
 */
export function pickLocationColumn(names: readonly string[], numeric: readonly boolean[]): number {
  return names.findIndex((name, index) => LOCATION_NAME.test(name) && (!numeric[index] || ID_NAME.test(name)));
}
