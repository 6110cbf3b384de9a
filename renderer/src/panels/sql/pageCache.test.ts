import { describe, expect, it } from 'vitest';
import { PAGE_ROWS, blockRequests, createCache, heldPrefix, missingBlocks, rowAt, withRows, type ResultRow } from './pageCache';

const rows = (from: number, count: number): ResultRow[] => Array.from({ length: count }, (_, i) => [from + i, `r${from + i}`]);

describe('page cache', () => {
  it('holds the first page as block 0 and finds rows by index', () => {
    const cache = createCache(7, rows(0, PAGE_ROWS));
    expect(rowAt(cache, 0)).toEqual({ row: [0, 'r0'], stale: false });
    expect(rowAt(cache, PAGE_ROWS - 1)?.row[0]).toBe(PAGE_ROWS - 1);
    expect(rowAt(cache, PAGE_ROWS)).toBeUndefined();
  });

  it('splits a long fetch into blocks and leaves the old cache untouched', () => {
    const first = createCache(1, rows(0, PAGE_ROWS));
    const more = withRows(first, 1000, rows(1000, 1000));
    expect(more.blocks.size).toBe(6);
    expect(rowAt(more, 1999)?.row[0]).toBe(1999);
    expect(rowAt(first, 1999)).toBeUndefined();
    expect(() => withRows(first, 150, rows(150, 10))).toThrow(/block boundary/);
  });

  it('lists the blocks a visible range still needs, skipping held and requested ones', () => {
    const cache = createCache(1, rows(0, PAGE_ROWS));
    expect(missingBlocks(cache, 0, 150, 10_000, new Set())).toEqual([]);
    expect(missingBlocks(cache, 150, 650, 10_000, new Set())).toEqual([1, 2, 3]);
    expect(missingBlocks(cache, 150, 650, 10_000, new Set([2]))).toEqual([1, 3]);
    // Clipped to the rows the result has.
    expect(missingBlocks(cache, 150, 650, 450, new Set())).toEqual([1, 2]);
    expect(missingBlocks(cache, 0, 10, 0, new Set())).toEqual([]);
  });

  it('asks again for a block that was short while the engine was still counting', () => {
    const cache = withRows(createCache(1, rows(0, PAGE_ROWS)), PAGE_ROWS, rows(PAGE_ROWS, 50));
    expect(missingBlocks(cache, 0, 1000, PAGE_ROWS + 50, new Set())).toEqual([]);
    expect(missingBlocks(cache, 0, 1000, PAGE_ROWS + 120, new Set())).toEqual([1]);
  });

  it('falls back on the previous result until its own block arrives', () => {
    const previous = withRows(createCache(1, rows(0, PAGE_ROWS)), PAGE_ROWS, rows(PAGE_ROWS, PAGE_ROWS));
    const next = createCache(2, rows(1000, PAGE_ROWS), previous);
    expect(rowAt(next, 0)).toEqual({ row: [1000, 'r1000'], stale: false });
    expect(rowAt(next, PAGE_ROWS)).toEqual({ row: [PAGE_ROWS, `r${PAGE_ROWS}`], stale: true });
    // Stale rows do not count as held: the fresh block is still fetched.
    expect(missingBlocks(next, PAGE_ROWS, PAGE_ROWS, 1000, new Set())).toEqual([1]);
    const filled = withRows(next, PAGE_ROWS, rows(5000, PAGE_ROWS));
    expect(rowAt(filled, PAGE_ROWS)?.stale).toBe(false);
  });

  it('gives the rows held from the start without a gap, up to a limit', () => {
    const cache = withRows(createCache(1, rows(0, PAGE_ROWS)), 2 * PAGE_ROWS, rows(2 * PAGE_ROWS, PAGE_ROWS));
    expect(heldPrefix(cache, 10_000, 5000)).toHaveLength(PAGE_ROWS);
    expect(heldPrefix(cache, 50, 5000)).toHaveLength(50);
    expect(heldPrefix(cache, 10_000, 10)).toHaveLength(10);
  });
});

describe('block requests', () => {
  it('joins neighbouring blocks up to the page limit', () => {
    expect(blockRequests([], 1000)).toEqual([]);
    expect(blockRequests([3], 1000)).toEqual([{ offset: 600, limit: 200 }]);
    expect(blockRequests([1, 2, 3, 7, 8], 1000)).toEqual([
      { offset: 200, limit: 600 },
      { offset: 1400, limit: 400 },
    ]);
    expect(blockRequests([6, 0, 1, 2, 3, 4, 5, 5], 1000)).toEqual([
      { offset: 0, limit: 1000 },
      { offset: 1000, limit: 400 },
    ]);
  });
});
