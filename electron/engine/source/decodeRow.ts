/** Turns a row of CSV text fields into typed cell values, or says exactly why it cannot. */
import type { CellValue, ColumnInfo } from '../../../shared/records';

export type DecodedRow = { ok: true; values: CellValue[] } | { ok: false; reason: string };

const MAX_QUOTED_VALUE = 40;

function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED_VALUE ? `${text.slice(0, MAX_QUOTED_VALUE)}…` : text);
}

export function decodeRow(fields: readonly string[], columns: readonly ColumnInfo[]): DecodedRow {
  if (fields.length !== columns.length) {
    return { ok: false, reason: `expected ${columns.length} fields, found ${fields.length}` };
  }
  const values: CellValue[] = new Array<CellValue>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const field = fields[i] as string;
    const column = columns[i] as ColumnInfo;
    if (column.type !== 'number') {
      values[i] = field === '' ? null : field;
      continue;
    }
    const trimmed = field.trim();
    if (trimmed === '') {
      values[i] = null;
      continue;
    }
    const number = Number(trimmed);
    if (!Number.isFinite(number)) {
      return { ok: false, reason: `column "${column.name}" expects a number, found ${quote(field)}` };
    }
    values[i] = number;
  }
  return { ok: true, values };
}
