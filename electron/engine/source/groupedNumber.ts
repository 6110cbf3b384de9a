/**
 * Numbers with their thousands grouped by commas (`"1,234"`, `"12,345.6"`), as spreadsheets write
 * a volume cell formatted with separators; in a comma-delimited file the field is then quoted. Read
 * only where a plain number failed, so the common case costs nothing, and only in files that do not
 * use a decimal comma (there `1,234` is one point two three four; see decimalComma.ts).
 */

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** `"1,234"` → 1234, `"-12,345.5"` → -12345.5; NaN for anything else (`"1,23"`, `"1234,567"`, `",123"`). */
export function parseCommaGroupedNumber(text: string): number {
  const trimmed = text.trim();
  return GROUPED.test(trimmed) ? Number(trimmed.replaceAll(',', '')) : Number.NaN;
}
