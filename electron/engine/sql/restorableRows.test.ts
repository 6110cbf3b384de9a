/**
 * The engine's copy of the SQL worker's rows: it follows evictions from the oldest end, keeps to its
 * byte cap, and gives back exactly the newest rows (checked by decoding their offsets).
 */
import { describe, expect, it } from 'vitest';
import { batchOf, cityEntries } from '../testing/liveTableRows';
import { RestorableRows } from './restorableRows';
import { META_OFFSET, ROW_META_STRIDE } from './rowBatch';
import { decodeRowBatch, encodeRowBatch } from './rowBatchCodec';

function offsetsOf(batches: Uint8Array[]): number[] {
  const offsets: number[] = [];
  for (const bytes of batches) {
    const batch = decodeRowBatch(bytes);
    expect(batch.meta.length).toBe(batch.values.length * ROW_META_STRIDE);
    for (let row = 0; row < batch.values.length; row++) offsets.push(batch.meta[row * ROW_META_STRIDE + META_OFFSET] as number);
  }
  return offsets;
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

function addBatches(rows: RestorableRows, sizes: number[]): void {
  let offset = 0;
  for (const size of sizes) {
    rows.add(encodeRowBatch(batchOf(cityEntries(offset, size))), size);
    offset += size;
  }
}

describe('RestorableRows', () => {
  it('gives back every row posted while nothing was evicted', () => {
    const rows = new RestorableRows();
    addBatches(rows, [100, 250, 7]);
    expect(rows.rows).toBe(357);
    expect(offsetsOf(rows.batches())).toEqual(range(0, 357));
  });

  it('keeps the newest rows when the worker evicts, cutting into a batch where it must', () => {
    const rows = new RestorableRows();
    addBatches(rows, [100, 250, 7]);
    rows.keepNewest(300);
    expect(rows.rows).toBe(300);
    expect(offsetsOf(rows.batches())).toEqual(range(57, 300));
    rows.keepNewest(5);
    expect(offsetsOf(rows.batches())).toEqual(range(352, 5));
    // Asking to keep more than it has changes nothing.
    rows.keepNewest(1000);
    expect(rows.rows).toBe(5);
  });

  it('drops its oldest whole batches past the byte cap, never the one just added', () => {
    const one = encodeRowBatch(batchOf(cityEntries(0, 100))).byteLength;
    const rows = new RestorableRows(Math.floor(one * 2.5));
    addBatches(rows, [100, 100, 100, 100]);
    expect(rows.rows).toBe(200);
    expect(offsetsOf(rows.batches())).toEqual(range(200, 200));

    const tiny = new RestorableRows(10);
    addBatches(tiny, [100]);
    expect(tiny.rows).toBe(100);
  });

  it('forgets everything on clear', () => {
    const rows = new RestorableRows();
    addBatches(rows, [10]);
    rows.clear();
    expect(rows.rows).toBe(0);
    expect(rows.batches()).toEqual([]);
  });
});
