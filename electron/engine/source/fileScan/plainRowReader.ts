/**
 * The whole-file scan's fast path for a plain row: one line of a block with no quote and no invalid
 * UTF-8 anywhere. It reads the row's fields in place, without splitting the row into strings: a
 * number written plainly (an optional minus, digits, an optional decimal point with digits after
 * it, at most 15 digits in all) is read directly from its characters, a text field is only checked
 * for being empty, and only the time columns' text is cut out, for the time parser.
 *
 * Whatever it cannot judge alone exactly as decodeRow would (any other number form, whitespace
 * round a number, a wrong field count, a row with no values) it declines, and the caller decodes
 * that row the regular way. So both paths give the same values, rejections and reasons; splitting
 * every row into strings was half the scan's time.
 */
import type { CellValue } from '../../../../shared/records';
import type { ColumnInfo } from '../../../../shared/schema';

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const POINT = 46;
/** 15 decimal digits always fit a double exactly, so digits ÷ 10^k is rounded once, as Number() rounds. */
const MAX_DIGITS = 15;
/** Written out rather than computed, so each is the exact power. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export class PlainRowReader {
  /** The last row read: numbers in the number columns, null elsewhere (a scan sums numbers only). */
  readonly values: CellValue[];
  /** The last row's time columns' text, at their column index (other entries unset). */
  readonly timeFields: string[];
  private readonly isNumber: boolean[];
  private readonly isTime: boolean[];

  constructor(
    columns: readonly ColumnInfo[],
    timeColumns: readonly number[],
    private readonly delimiter: string,
  ) {
    this.values = new Array<CellValue>(columns.length).fill(null);
    this.timeFields = new Array<string>(columns.length);
    this.isNumber = columns.map((column) => column.type === 'number');
    this.isTime = columns.map((_, index) => timeColumns.includes(index));
  }

  /** Only blocks in one-character-delimiter files qualify (see scanSegment). */
  static suits(delimiter: string, decimalComma: boolean): boolean {
    return delimiter.length === 1 && !decimalComma;
  }

  /**
   * Reads the row `text[start, end)`. True when it holds a value per column and its values and time
   * text are in `values` and `timeFields`; false when the regular decoder must judge it.
   */
  read(text: string, start: number, end: number): boolean {
    const { values, isNumber, isTime, delimiter } = this;
    const last = values.length - 1;
    let present = 0;
    let from = start;
    for (let column = 0; column <= last; column++) {
      let to = text.indexOf(delimiter, from);
      if (column === last) {
        if (to !== -1 && to < end) return false; // more fields than columns
        to = end;
      } else if (to === -1 || to >= end) {
        return false; // fewer fields than columns
      }
      if (isNumber[column]) {
        if (to === from) values[column] = null;
        else {
          const number = plainNumber(text, from, to);
          if (Number.isNaN(number)) return false;
          values[column] = number;
          present++;
        }
      } else if (to > from) {
        present++;
      }
      if (isTime[column]) this.timeFields[column] = text.slice(from, to);
      from = to + 1;
    }
    return present > 0;
  }
}

/** The number `text[from, to)` spells when written plainly (see the header), else NaN. */
export function plainNumber(text: string, from: number, to: number): number {
  let at = from;
  const negative = text.charCodeAt(at) === MINUS;
  if (negative) at++;
  let digits = 0;
  let wholeDigits = -1; // digits before the point; -1 while no point was seen
  let mantissa = 0;
  for (; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code >= ZERO && code <= NINE) {
      mantissa = mantissa * 10 + (code - ZERO);
      digits++;
    } else if (code === POINT && wholeDigits === -1) {
      wholeDigits = digits;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > MAX_DIGITS || wholeDigits === 0 || wholeDigits === digits) return Number.NaN;
  const value = wholeDigits === -1 ? mantissa : mantissa / (POWERS_OF_TEN[digits - wholeDigits] as number);
  return negative ? -value : value;
}
