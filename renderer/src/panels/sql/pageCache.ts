/**
 * The rows of one result that the renderer holds, in fixed blocks fetched on demand as the grid
 * scrolls. A result can keep 100,000 rows in the engine; only the blocks the user looked at
 * cross the process boundary. Immutable, so the store can hand it to React as is.
 *
 * A live re-run starts a new cache that may fall back on the previous result's blocks ("stale")
 * until its own arrive, so a refreshed grid never blanks out while it reloads.
 */
import type { SqlCell } from '../../../../shared/sql/sqlContract';

export type ResultRow = readonly SqlCell[];

/** Rows per block; also the first page's size, so the first page is block 0. */
export const PAGE_ROWS = 200;

export interface PageCache {
  readonly queryId: number;
  readonly blocks: ReadonlyMap<number, readonly ResultRow[]>;
  readonly stale: ReadonlyMap<number, readonly ResultRow[]> | null;
}

export function createCache(queryId: number, firstRows: readonly ResultRow[], previous: PageCache | null = null): PageCache {
  const empty: PageCache = { queryId, blocks: new Map(), stale: previous ? previous.blocks : null };
  return withRows(empty, 0, firstRows);
}

/** Adds rows fetched at an offset (a multiple of PAGE_ROWS); a long fetch fills several blocks. */
export function withRows(cache: PageCache, offset: number, rows: readonly ResultRow[]): PageCache {
  if (offset % PAGE_ROWS !== 0) throw new Error(`offset ${offset} is not on a block boundary`);
  if (rows.length === 0) return cache;
  const blocks = new Map(cache.blocks);
  for (let start = 0; start < rows.length; start += PAGE_ROWS) blocks.set((offset + start) / PAGE_ROWS, rows.slice(start, start + PAGE_ROWS));
  return { ...cache, blocks };
}

export interface CachedRow {
  row: ResultRow;
  /** From the previous live result, shown until this result's block arrives. */
  stale: boolean;
}

export function rowAt(cache: PageCache, index: number): CachedRow | undefined {
  const block = Math.floor(index / PAGE_ROWS);
  const within = index % PAGE_ROWS;
  const fresh = cache.blocks.get(block)?.[within];
  if (fresh) return { row: fresh, stale: false };
  const stale = cache.stale?.get(block)?.[within];
  return stale ? { row: stale, stale: true } : undefined;
}

/** Blocks overlapping rows first..last (inclusive, clipped to total) that are neither held nor already asked for. */
export function missingBlocks(cache: PageCache, first: number, last: number, total: number, inFlight: ReadonlySet<number>): number[] {
  const end = Math.min(last, total - 1);
  if (end < 0 || first > end) return [];
  const missing: number[] = [];
  for (let block = Math.floor(Math.max(0, first) / PAGE_ROWS); block <= Math.floor(end / PAGE_ROWS); block++) {
    if (!isBlockComplete(cache, block, total) && !inFlight.has(block)) missing.push(block);
  }
  return missing;
}

/** A block counts as held once it has every row the result has there (the last block may be short). */
function isBlockComplete(cache: PageCache, block: number, total: number): boolean {
  const rows = cache.blocks.get(block);
  if (!rows) return false;
  return rows.length >= Math.min(PAGE_ROWS, total - block * PAGE_ROWS);
}

/** Rows 0..n-1 held without a gap (stale rows fill gaps), at most `limit`: what a chart can draw. */
export function heldPrefix(cache: PageCache, total: number, limit: number): ResultRow[] {
  const rows: ResultRow[] = [];
  const end = Math.min(total, limit);
  for (let index = 0; index < end; index++) {
    const cached = rowAt(cache, index);
    if (!cached) break;
    rows.push(cached.row);
  }
  return rows;
}

export interface RowRequest {
  offset: number;
  limit: number;
}

/** Neighbouring blocks go in one sql:page request, up to the most rows a page may carry. */
export function blockRequests(blocks: readonly number[], maxRows: number): RowRequest[] {
  const perRequest = Math.max(1, Math.floor(maxRows / PAGE_ROWS));
  const sorted = [...new Set(blocks)].sort((a, b) => a - b);
  const requests: RowRequest[] = [];
  let start: number | null = null;
  let count = 0;
  const flush = (): void => {
    if (start !== null) requests.push({ offset: start * PAGE_ROWS, limit: count * PAGE_ROWS });
  };
  for (const block of sorted) {
    if (start !== null && block === start + count && count < perRequest) {
      count++;
    } else {
      flush();
      start = block;
      count = 1;
    }
  }
  flush();
  return requests;
}
