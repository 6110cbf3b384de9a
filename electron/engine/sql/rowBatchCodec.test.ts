/**
 * The bytes rows travel to the SQL worker as: every cell comes back exactly as it went (checked
 * against V8's own structured clone, which the worker boundary used before), texts shared within a
 * batch are written once, and a cell the compact form does not carry still arrives intact.
 */
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/records';
import { batchOf, cityEntries } from '../testing/liveTableRows';
import { ROW_META_STRIDE, type RowBatch } from './rowBatch';
import { decodeRowBatch, encodeRowBatch } from './rowBatchCodec';

const structuredCopy = (batch: RowBatch): RowBatch => deserialize(serialize(batch)) as RowBatch;

function metaOf(rows: number): Float64Array<ArrayBuffer> {
  return Float64Array.from({ length: rows * ROW_META_STRIDE }, (_, i) => (i % 7 === 3 ? Number.NaN : i * 1.5));
}

describe('encodeRowBatch / decodeRowBatch', () => {
  it('gives back every kind of cell exactly, -0, NaN, the infinities, numbers past 32 bits and any text included', () => {
    const rows: CellValue[][] = [
      [0, -0, 1, -1, 2147483647, -2147483648, 2147483648, -2147483649, 2 ** 53, 0.1, -1e-300, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      ['', 'J01', 'Zürich Hbf', '東京', '🚗 lane 1', 'a\u0000b', '\ud800 alone', 'J01', null],
      [],
      [null, null, 'J01'],
    ];
    const batch: RowBatch = { values: rows, meta: metaOf(rows.length) };
    const decoded = decodeRowBatch(encodeRowBatch(batch));
    const expected = structuredCopy(batch);
    expect(decoded.values.length).toBe(expected.values.length);
    decoded.values.forEach((row, r) => {
      const want = expected.values[r] as CellValue[];
      expect(row.length).toBe(want.length);
      // Object.is tells -0 from 0 and NaN from NaN-less values, which toEqual would let pass.
      row.forEach((cell, c) => expect(Object.is(cell, want[c]), `row ${r} cell ${c}: ${String(cell)} vs ${String(want[c])}`).toBe(true));
    });
    expect(Array.from(decoded.meta)).toEqual(Array.from(expected.meta));
  });

  it('carries the sample city rows as they are, and writes a batch’s repeated texts once (smaller than V8’s own form)', () => {
    const batch = batchOf(cityEntries(0, 1000));
    const bytes = encodeRowBatch(batch);
    const decoded = decodeRowBatch(bytes);
    expect(decoded.values).toEqual(structuredCopy(batch).values);
    expect(Array.from(decoded.meta)).toEqual(Array.from(batch.meta));
    // Equal texts in different rows are one string after decoding.
    const junction = batch.values[0]?.findIndex((cell) => typeof cell === 'string') ?? -1;
    const sameText = decoded.values.findIndex((row, r) => r > 0 && row[junction] === decoded.values[0]?.[junction]);
    expect(sameText).toBeGreaterThan(0);
    expect(bytes.byteLength).toBeLessThan(serialize(batch).byteLength);
  });

  it('sends a row holding a cell of another kind as V8 serializes it, so nothing is lost', () => {
    const odd = { note: 'from a JSON message' } as unknown as CellValue;
    const batch: RowBatch = { values: [[1, 'a', odd], [2, 'b', null]], meta: metaOf(2) };
    const decoded = decodeRowBatch(encodeRowBatch(batch));
    expect(decoded.values).toEqual([[1, 'a', { note: 'from a JSON message' }], [2, 'b', null]]);
  });

  it('keeps an undefined cell undefined, as structured cloning does', () => {
    const batch: RowBatch = { values: [[1, undefined as unknown as CellValue, 'x']], meta: metaOf(1) };
    const decoded = decodeRowBatch(encodeRowBatch(batch));
    expect(decoded.values[0]).toHaveLength(3);
    expect(decoded.values[0]?.[1]).toBeUndefined();
  });
});
