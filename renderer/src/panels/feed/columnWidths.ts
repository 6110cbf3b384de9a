/**
 * Column widths from what the columns hold: the header or the longest of the sampled values,
 * whichever is wider, in `ch`, within bounds. Widths only grow while a file is open, so a replay
 * never makes the table jump as values get shorter again.
 */

export const MIN_COLUMN_CH = 4;
export const MAX_COLUMN_CH = 28;
/** Room for the cell's padding and, in the header, the sort of marks numbers get. */
const PADDING_CH = 2;

export function columnWidthCh(header: string, values: readonly string[]): number {
  let longest = header.length;
  for (const value of values) longest = Math.max(longest, value.length);
  return Math.min(MAX_COLUMN_CH, Math.max(MIN_COLUMN_CH, longest + PADDING_CH));
}

/** Each key's width, never narrower than it was. */
export function grownWidths(previous: ReadonlyMap<string, number>, next: ReadonlyMap<string, number>): Map<string, number> {
  const widths = new Map(previous);
  for (const [key, width] of next) widths.set(key, Math.max(width, previous.get(key) ?? 0));
  return widths;
}
