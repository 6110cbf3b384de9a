import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { recordLayout } from './recordLayout';
import { SAMPLE_COLUMNS } from '../testing/sampleCity';
import { windowTableCells, windowTableColumns } from './windowTable';

describe('the window table', () => {
  it("has the sample city's columns: bounds, junction, count, four aggregates per measure, closed", () => {
    const columns = windowTableColumns(SAMPLE_COLUMNS, recordLayout(SAMPLE_COLUMNS, ['Total', 'CarCount']));
    expect(columns.map((column) => `${column.name} ${column.type}`)).toEqual([
      'window_start TEXT',
      'window_end TEXT',
      'Junction TEXT',
      'row_count INTEGER',
      'Total_sum NUMERIC',
      'Total_mean NUMERIC',
      'Total_min NUMERIC',
      'Total_max NUMERIC',
      'CarCount_sum NUMERIC',
      'CarCount_mean NUMERIC',
      'CarCount_min NUMERIC',
      'CarCount_max NUMERIC',
      'closed INTEGER',
    ]);
  });

  it('makes measure names bare and every name unique without regard to case', () => {
    const columns: ColumnInfo[] = [
      { name: 'window_start', type: 'text', role: 'location' },
      { name: 'Cars (per 15 min)', type: 'number', role: 'measure' },
      { name: '2 wheels', type: 'number', role: 'measure' },
      { name: 'row_COUNT', type: 'number', role: 'location' },
    ];
    const names = windowTableColumns(columns, recordLayout(columns)).map((column) => column.name);
    expect(names.slice(0, 5)).toEqual(['window_start', 'window_end', 'window_start_2', 'row_COUNT', 'row_count_2']);
    expect(names).toContain('Cars_per_15_min_mean');
    expect(names).toContain('m_2_wheels_max');
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('gives a row its cells in column order, bounds as the live table writes _time', () => {
    const start = Date.UTC(2026, 9, 1, 8, 0);
    const cells = windowTableCells({
      windowStart: start,
      windowEnd: start + 3_600_000,
      location: ['J01'],
      rowCount: 4,
      measures: [{ count: 4, sum: 40, mean: 10, min: 5, max: 20 }, { count: 0, sum: null, mean: null, min: null, max: null }],
      closed: true,
    });
    expect(cells).toEqual(['2026-10-01 08:00:00', '2026-10-01 09:00:00', 'J01', 4, 40, 10, 5, 20, null, null, null, null, 1]);
  });

  it('refuses a chosen measure that is not one', () => {
    expect(() => recordLayout(SAMPLE_COLUMNS, ['Junction'])).toThrow('"Junction" is not a measure');
    expect(() => recordLayout(SAMPLE_COLUMNS, ['Speed'])).toThrow('No column is called "Speed"');
  });
});
