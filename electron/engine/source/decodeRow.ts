/** Turns a row of CSV text fields into typed cell values, or says exactly why it cannot. */
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { parseCommaGroupedNumber } from './groupedNumber';
import { isMissingValue } from './missingValue';
import { parseDecimalCommaNumber } from './time/decimalComma';

export type DecodedRow = { ok: true; values: CellValue[] } | { ok: false; reason: string };

const MAX_QUOTED_VALUE = 40;

function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED_VALUE ? `${text.slice(0, MAX_QUOTED_VALUE)}…` : text);
}

/** `Number()` also reads 0x1F, 0b101 and 0o17; in a traffic count those are typos, not numbers. */
function isPrefixedInteger(text: string): boolean {
  if (text.length < 3 || text.charCodeAt(0) !== 48 /* 0 */) return false;
  const marker = text.charCodeAt(1) | 0x20; // lower-case
  return marker === 120 /* x */ || marker === 98 /* b */ || marker === 111 /* o */;
}

/**
 * A text cell as a user means it: without the spaces around it (`1, 11/6/2023, 10:59:45 AM, 1, 3`
 * as a tube counter writes its log, or padding from a fixed-width export), so ` 1` and `1` are one
 * channel and a cell of spaces is empty. Most cells have none, so the ends are looked at first.
 */
function trimmedText(field: string): string {
  const last = field.length - 1;
  return last >= 0 && (field.charCodeAt(0) <= 32 || field.charCodeAt(last) <= 32) ? field.trim() : field;
}

export function decodeRow(fields: readonly string[], columns: readonly ColumnInfo[], decimalComma = false): DecodedRow {
  if (fields.length !== columns.length) {
    return { ok: false, reason: `expected ${columns.length} fields, found ${fields.length}` };
  }
  const values: CellValue[] = new Array<CellValue>(columns.length);
  let present = 0;
  for (let i = 0; i < columns.length; i++) {
    const field = fields[i] as string;
    const column = columns[i] as ColumnInfo;
    if (column.type !== 'number') {
      const text = trimmedText(field);
      values[i] = text === '' ? null : text;
      if (text !== '') present++;
      continue;
    }
    const trimmed = field.trim();
    if (trimmed === '') {
      values[i] = null;
      continue;
    }
    let number = decimalComma ? parseDecimalCommaNumber(trimmed) : Number(trimmed);
    if (!decimalComma && Number.isNaN(number)) number = parseCommaGroupedNumber(trimmed);
    if (Number.isNaN(number) && isMissingValue(trimmed)) {
      values[i] = null;
      continue;
    }
    if (!Number.isFinite(number) || isPrefixedInteger(trimmed)) {
      return { ok: false, reason: `column "${column.name}" expects a number, found ${quote(field)}` };
    }
    values[i] = number;
    present++;
  }
  if (present === 0) return { ok: false, reason: 'the row has no values (every field is empty)' };
  return { ok: true, values };
}
