import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedEntry } from '../stages/feedWindow';
import { JunctionLoads } from './junctionLoads';
import { ALL_ROWS_NODE, countedColumns, countRows } from './rowCounting';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 9, 5, 8, 0);
const COLUMNS: ColumnInfo[] = [
  { name: 'Time', type: 'time', role: 'timestamp' },
  { name: 'Junction', type: 'text', role: 'location' },
  { name: 'Cars', type: 'number', role: 'measure' },
  { name: 'Total', type: 'number', role: 'measure' },
];

function entry(values: CellValue[], time: number | null = T0): FeedEntry {
  return { offset: 0, partition: 0, record: { line: 2, time, values } };
}

function counts(): JunctionLoads {
  return new JunctionLoads(HOUR, 8);
}

describe('counted columns', () => {
  it('counts the location column and Total unless another measure is asked for', () => {
    expect(countedColumns(COLUMNS, null)).toEqual({ locationIndex: 1, measure: 'Total', measureIndex: 3 });
    expect(countedColumns(COLUMNS, 'Cars')).toEqual({ locationIndex: 1, measure: 'Cars', measureIndex: 2 });
    expect(countedColumns(COLUMNS, 'Bikes')).toEqual({ locationIndex: 1, measure: 'Total', measureIndex: 3 });
  });

  it("counts the file's main measure when none is asked for (or the one asked for is gone)", () => {
    expect(countedColumns(COLUMNS, null, 'Cars').measure).toBe('Cars');
    expect(countedColumns(COLUMNS, 'Bikes', 'Cars').measure).toBe('Cars');
    expect(countedColumns(COLUMNS, 'Total', 'Cars').measure).toBe('Total');
  });

  it('has no location or measure index when the data has no such column', () => {
    expect(countedColumns([{ name: 'Junction', type: 'text', role: 'category' }], null)).toEqual({ locationIndex: -1, measure: null, measureIndex: -1 });
  });
});

describe('counting rows', () => {
  it('adds each row’s measure to its location', () => {
    const loads = counts();
    countRows([entry([null, 'J1', 3, 10]), entry([null, 'J2', 1, 4]), entry([null, 'J1', 2, 5])], countedColumns(COLUMNS, null), loads, T0);
    expect(loads.ids()).toEqual(['J1', 'J2']);
    expect([loads.load('J1'), loads.load('J2')]).toEqual([15, 4]);
  });

  it('skips rows without a location and names a numeric location by its digits', () => {
    const loads = counts();
    countRows([entry([null, null, 1, 10]), entry([null, '', 1, 10]), entry([null, 7, 1, 10])], countedColumns(COLUMNS, null), loads, T0);
    expect(loads.ids()).toEqual(['7']);
  });

  it('puts the location of a row without a numeric measure on the graph, adding nothing to its load', () => {
    const loads = counts();
    countRows([entry([null, 'J1', 1, 'n/a']), entry([null, 'J2', 1, 4])], countedColumns(COLUMNS, null), loads, T0);
    expect(loads.ids()).toEqual(['J1', 'J2']);
    expect(loads.load('J1')).toBe(0);
  });

  it('counts every row for one node when the data has no location column', () => {
    const loads = counts();
    const noLocation = COLUMNS.map((column) => (column.role === 'location' ? { ...column, role: 'category' as const } : column));
    countRows([entry([null, 'J1', 1, 10]), entry([null, 'J2', 1, 4])], countedColumns(noLocation, null), loads, T0);
    expect(loads.ids()).toEqual([ALL_ROWS_NODE]);
    expect(loads.load(ALL_ROWS_NODE)).toBe(14);
  });

  it('counts a row without a time at its arrival', () => {
    const loads = counts();
    countRows([entry([null, 'J1', 1, 10], null)], countedColumns(COLUMNS, null), loads, T0 + 5 * HOUR);
    expect(loads.state('J1')?.latestTime).toBe(T0 + 5 * HOUR);
  });
});
