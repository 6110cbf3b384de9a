import { describe, expect, it } from 'vitest';
import { columnWidthsCh, rowNumberCh } from './gridLayout';

describe('grid column widths', () => {
  it('fits the header or the longest sampled value, within bounds', () => {
    expect(columnWidthsCh(['n'], [[1]])).toEqual([6]);
    expect(columnWidthsCh(['Day of the week'], [['Tuesday']])).toEqual([17]);
    expect(columnWidthsCh(['x'], [['a'.repeat(100)]])).toEqual([40]);
    expect(columnWidthsCh(['value'], [[null]])).toEqual([7]);
  });

  it('sizes the row numbers for the last row', () => {
    expect(rowNumberCh(9)).toBe(4);
    expect(rowNumberCh(100_000)).toBe(8);
  });
});
