/**
 * Guesses each column's type from a sample of rows. A column is numeric or temporal when nearly
 * all of its non-empty sample values are (at most 5%, or a single value in a small sample, may
 * disagree); those few will be rejected row by row with a reason, which is more useful to a user
 * than silently demoting the whole column to text.
 */
import type { ColumnInfo, ColumnType } from '../../../shared/records';

const TOLERATED_SHARE = 0.05;

const TIME_PATTERNS: readonly RegExp[] = [
  /^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s?[AaPp][Mm])?$/, // 12:15:00 AM, 08:30
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, // ISO 8601
  /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}( \d{1,2}:\d{2}(:\d{2})?(\s?[AaPp][Mm])?)?$/, // 3/14/2026 7:15, 14.03.2026
];

export function isNumericText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed));
}

export function isTimeText(text: string): boolean {
  const trimmed = text.trim();
  return TIME_PATTERNS.some((pattern) => pattern.test(trimmed));
}

function inferColumnType(values: readonly string[]): ColumnType {
  const present = values.filter((value) => value.trim() !== '');
  if (present.length === 0) return 'text';
  const mostly = (test: (value: string) => boolean): boolean => {
    const matching = present.filter(test).length;
    const others = present.length - matching;
    return matching > others && others <= Math.max(1, Math.floor(present.length * TOLERATED_SHARE));
  };
  if (mostly(isNumericText)) return 'number';
  if (mostly(isTimeText)) return 'time';
  return 'text';
}

export function inferSchema(names: readonly string[], sampleRows: readonly (readonly string[])[]): ColumnInfo[] {
  return names.map((name, index) => ({
    name,
    type: inferColumnType(sampleRows.map((row) => row[index] ?? '')),
  }));
}

/** The column whose values name a place; its values key bus messages so per-place order holds. */
export function pickLocationColumn(columns: readonly ColumnInfo[]): number {
  return columns.findIndex(
    (column) => column.type === 'text' && /junction|sensor|location|detector|site|station/i.test(column.name),
  );
}
