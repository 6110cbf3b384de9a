import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { ALL_LOCATIONS, BatchPacker, packLayoutFor } from './batchPacker';

const COLUMNS: ColumnInfo[] = [
  { name: 'time', type: 'time', role: 'timestamp' },
  { name: 'Junction', type: 'text', role: 'location' },
  { name: 'Cars', type: 'number', role: 'measure' },
  { name: 'Situation', type: 'text', role: 'category' },
  { name: 'Total', type: 'number', role: 'measure' },
];

describe('packing rows for the prediction worker', () => {
  it('takes the numeric measures in column order and knows where the location is', () => {
    const layout = packLayoutFor(COLUMNS);
    expect(layout.input).toEqual({ numericColumns: ['Cars', 'Total'], hasTime: true });
    expect(layout.locationIndex).toBe(1);
    expect(layout.numericIndexes).toEqual([2, 4]);
  });

  it('codes locations in order of first sight, reports new names once, and keeps missing values as NaN', () => {
    const packer = new BatchPacker(packLayoutFor(COLUMNS), 10);
    packer.add({ line: 2, time: 1000, values: [1000, 'J2', 5, 'low', 9] });
    packer.add({ line: 3, time: 1000, values: [1000, 'J1', null, 'low', 4] });
    packer.add({ line: 4, time: 2000, values: [2000, 'J2', 6, 'low', 'n/a'] });
    const first = packer.take();
    expect(first?.newLocations).toEqual(['J2', 'J1']);
    expect(Array.from(first?.batch.location ?? [])).toEqual([0, 1, 0]);
    expect(Array.from(first?.batch.time ?? [])).toEqual([1000, 1000, 2000]);
    expect(Array.from(first?.batch.values ?? [])).toEqual([5, 9, Number.NaN, 4, 6, Number.NaN]);
    expect(packer.size).toBe(0);

    packer.add({ line: 5, time: 3000, values: [3000, 'J3', 1, 'low', 2] });
    packer.add({ line: 6, time: 3000, values: [3000, 'J1', 1, 'low', 2] });
    const second = packer.take();
    expect(second?.newLocations).toEqual(['J3']);
    expect(Array.from(second?.batch.location ?? [])).toEqual([2, 1]);
    expect(packer.take()).toBeNull();
  });

  it('files rows under one name when the data has no location column, and time as NaN when it has no time', () => {
    const packer = new BatchPacker(packLayoutFor([{ name: 'Total', type: 'number', role: 'measure' }]), 4);
    packer.add({ line: 2, time: null, values: [3] });
    const taken = packer.take();
    expect(taken?.newLocations).toEqual([ALL_LOCATIONS]);
    expect(Number.isNaN(taken?.batch.time[0])).toBe(true);
  });

  it('says when it is full', () => {
    const packer = new BatchPacker(packLayoutFor(COLUMNS), 2);
    packer.add({ line: 2, time: 1, values: [1, 'J1', 1, 'x', 1] });
    expect(packer.full).toBe(false);
    packer.add({ line: 3, time: 2, values: [2, 'J1', 1, 'x', 1] });
    expect(packer.full).toBe(true);
  });
});
