/**
 * Column widths for the result grid, guessed from the header and the first rows so most values
 * fit without a measuring pass (the grid is virtualized: rows further down are never measured).
 */
import { cellText } from './cellText';
import type { ResultRow } from './pageCache';

const MIN_CH = 6;
const MAX_CH = 40;
const PADDING_CH = 2;

export function columnWidthsCh(columns: readonly string[], sample: readonly ResultRow[]): number[] {
  return columns.map((name, index) => {
    let longest = name.length;
    for (const row of sample) longest = Math.max(longest, cellText(row[index]).length);
    return Math.min(MAX_CH, Math.max(MIN_CH, longest + PADDING_CH));
  });
}

/** Width of the row-number column: enough digits for the last row. */
export function rowNumberCh(rows: number): number {
  return Math.max(4, String(rows).length + PADDING_CH);
}
