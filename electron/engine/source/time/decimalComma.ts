/**
 * Numbers written with a decimal comma (`12,5`), as spreadsheets in much of Europe export them,
 * usually with `;` or tab as the delimiter. Thousands may be grouped with dots or spaces
 * (`1.234,5`, `1 234,5`).
 */
import { mostlyMatches } from './tolerance';

const ZERO = 48;
const PLUS = 43;
const MINUS = 45;
const COMMA = 44;
const DOT = 46;
const SPACE = 32;
const NO_BREAK_SPACE = 0xa0;
const NARROW_NO_BREAK_SPACE = 0x202f;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

function isGroupSeparator(code: number): boolean {
  return code === DOT || code === SPACE || code === NO_BREAK_SPACE || code === NARROW_NO_BREAK_SPACE;
}

/** Up to 15 significant digits are exact in a double, so `digits / 10^k` is then correctly rounded. */
const EXACT_DIGITS = 15;

/**
 * A number written with a decimal comma: `"12,5"` → 12.5, `"-3,25"` → -3.25, `"1.234,5"` → 1234.5
 * (thousands grouped by dots or spaces, in groups of three, one kind per number), `"42"` → 42,
 * `",5"` → 0.5. NaN when not such a number (including `"1.5"`, whose dot is no thousands group).
 */
export function parseDecimalCommaNumber(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) <= SPACE) end--;
  let i = start;
  let negative = false;
  const sign = text.charCodeAt(i);
  if (sign === PLUS || sign === MINUS) {
    negative = sign === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let intDigits = 0;
  let groupRun = 0; // digits since the last group separator
  let separator = 0; // the group separator in use, 0 before the first
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      mantissa = mantissa * 10 + (code - ZERO);
      digits++;
      intDigits++;
      groupRun++;
    } else if (isGroupSeparator(code)) {
      if (separator === 0 ? intDigits === 0 || intDigits > 3 : code !== separator || groupRun !== 3) return Number.NaN;
      separator = code;
      groupRun = 0;
    } else {
      break;
    }
    i++;
  }
  if (separator !== 0 && groupRun !== 3) return Number.NaN;
  let fractionDigits = 0;
  if (i < end) {
    if (text.charCodeAt(i) !== COMMA) return Number.NaN;
    i++;
    while (i < end && isDigit(text.charCodeAt(i))) {
      mantissa = mantissa * 10 + (text.charCodeAt(i) - ZERO);
      digits++;
      fractionDigits++;
      i++;
    }
    if (fractionDigits === 0 || i !== end) return Number.NaN;
  }
  if (intDigits === 0 && fractionDigits === 0) return Number.NaN;
  let value: number;
  if (digits <= EXACT_DIGITS) {
    value = fractionDigits === 0 ? mantissa : mantissa / 10 ** fractionDigits;
  } else {
    // Too many digits to combine exactly: let the engine round the cleaned-up text.
    let cleaned = '';
    for (let j = start; j < end; j++) {
      const code = text.charCodeAt(j);
      if (isDigit(code)) cleaned += text[j];
      else if (code === COMMA) cleaned += '.';
    }
    value = Number(cleaned);
  }
  return negative ? -value : value;
}

/**
 * True when a column's number-like samples use a decimal comma: at least one sample has one, and
 * (nearly) all non-empty samples read as decimal-comma numbers (see `mostlyMatches`). Always false
 * when the delimiter is a comma, since an unquoted field could then hold none.
 */
export function usesDecimalComma(samples: readonly string[], delimiter: string): boolean {
  if (delimiter === ',') return false;
  let present = 0;
  let readable = 0;
  let withComma = 0;
  for (const sample of samples) {
    if (sample.trim() === '') continue;
    present++;
    if (Number.isNaN(parseDecimalCommaNumber(sample))) continue;
    readable++;
    if (sample.includes(',')) withComma++;
  }
  return withComma > 0 && mostlyMatches(readable, present);
}
