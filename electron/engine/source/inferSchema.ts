/**
 * Guesses each column's type from a sample of rows. A column is numeric or temporal when nearly
 * all of its non-empty sample values are; the few that are not will be rejected row by row with
 * a reason, which is more useful to a user than silently demoting the whole column to text.
 */
import type { ColumnInfo, ColumnType } from '../../../shared/records';

const AGREEMENT = 0.95;

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
  const share = (test: (value: string) => boolean) => present.filter(test).length / present.length;
  if (share(isNumericText) >= AGREEMENT) return 'number';
  if (share(isTimeText) >= AGREEMENT) return 'time';
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
