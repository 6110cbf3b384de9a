/**
 * What a feed row carries of each cell. A topic's message may hold a value of megabytes (a document,
 * an encoded blob); sent whole it would ride along with every view update that row is in (a reset
 * sends the whole window) for a table cell that shows a line. Text past FEED_CELL_MAX_CHARS is cut,
 * with the whole value's length, as a SQL result page does (the SQL table keeps the full value).
 */
import type { FeedRow } from '../../../shared/contract';
import type { CellValue } from '../../../shared/records';

export const FEED_CELL_MAX_CHARS = 1000;

export type FeedCell = FeedRow['values'][number];

/** The row's cells for the page: the same array when nothing is long (the usual case, no copy). */
export function feedCells(values: readonly CellValue[]): readonly FeedCell[] {
  if (!values.some((value) => typeof value === 'string' && value.length > FEED_CELL_MAX_CHARS)) return values;
  return values.map((value) => (typeof value === 'string' && value.length > FEED_CELL_MAX_CHARS ? { truncated: true as const, text: prefix(value, FEED_CELL_MAX_CHARS), length: codePoints(value) } : value));
}

/** The first `limit` UTF-16 units, one fewer rather than half a surrogate pair. */
function prefix(text: string, limit: number): string {
  const high = text.charCodeAt(limit - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit);
}

/** Characters as people count them (code points), as the SQL pages give a cut cell's length. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) count--;
  }
  return count;
}
