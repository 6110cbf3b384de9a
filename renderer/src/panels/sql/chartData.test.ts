import { describe, expect, it } from 'vitest';
import { chartData, chartNote, downsampleEvenly, numericColumns, resolveAxes } from './chartData';

const columns = ['hour', 'Traffic Situation', 'total', 'cars'];
const rows = [
  [0, 'low', 120, null],
  [1, 'normal', 340, 200],
  [2, null, null, 180],
];

describe('chart columns', () => {
  it('finds columns whose values are all numbers, nulls aside', () => {
    expect(numericColumns(columns, rows)).toEqual(['hour', 'total', 'cars']);
    expect(numericColumns(['a'], [[null], [null]])).toEqual([]);
    expect(numericColumns(['a'], [])).toEqual([]);
  });

  it('defaults to the first column as x and the first other numeric column as y', () => {
    expect(resolveAxes({ kind: 'bar', x: null, y: null }, columns, rows)).toEqual({ x: 'hour', y: ['total'] });
    expect(resolveAxes({ kind: 'bar', x: 'Traffic Situation', y: null }, columns, rows)).toEqual({ x: 'Traffic Situation', y: ['hour'] });
  });

  it('keeps the user choice while the result still has those columns', () => {
    expect(resolveAxes({ kind: 'line', x: 'hour', y: ['cars', 'total'] }, columns, rows)).toEqual({ x: 'hour', y: ['cars', 'total'] });
    expect(resolveAxes({ kind: 'line', x: 'gone', y: ['gone', 'Traffic Situation'] }, columns, rows)).toEqual({ x: 'hour', y: ['total'] });
  });

  it('has no y when nothing numeric is left', () => {
    expect(resolveAxes({ kind: 'bar', x: null, y: null }, ['n'], [[1]])).toEqual({ x: 'n', y: [] });
    expect(resolveAxes({ kind: 'bar', x: null, y: null }, [], [])).toEqual({ x: null, y: [] });
  });
});

describe('downsampling', () => {
  it('keeps short lists whole', () => {
    expect(downsampleEvenly([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });

  it('spreads picks evenly, first and last included', () => {
    const items = Array.from({ length: 10_001 }, (_, i) => i);
    const picked = downsampleEvenly(items, 1000);
    expect(picked).toHaveLength(1000);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(10_000);
    const gaps = picked.slice(1).map((value, i) => value - (picked[i] ?? 0));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('copes with tiny limits', () => {
    expect(downsampleEvenly([1, 2, 3], 1)).toEqual([1]);
    expect(downsampleEvenly([1, 2, 3], 0)).toEqual([]);
  });
});

describe('chart points', () => {
  it('keys series by position so names with dots or spaces cannot break lookups', () => {
    const data = chartData(columns, rows, 'hour', ['total', 'cars']);
    expect(data.points[1]).toEqual({ x: 1, y0: 340, y1: 200 });
    expect(data.points[0]).toEqual({ x: 0, y0: 120, y1: null });
    expect(data.sampled).toBe(false);
    expect(data.sourceRows).toBe(3);
  });

  it('says when it thinned the rows', () => {
    const many = Array.from({ length: 2500 }, (_, i) => [i, i * 2]);
    const data = chartData(['a', 'b'], many, 'a', ['b']);
    expect(data.points).toHaveLength(1000);
    expect(data.sampled).toBe(true);
    expect(data.sourceRows).toBe(2500);
  });
});

describe('chart note', () => {
  it('says nothing when every row is drawn', () => {
    expect(chartNote(chartData(['a', 'b'], [[1, 2]], 'a', ['b']), 1)).toBeNull();
  });

  it('says when only the first rows are charted and when they were thinned', () => {
    const many = Array.from({ length: 5000 }, (_, i) => [i, i]);
    expect(chartNote(chartData(['a', 'b'], many, 'a', ['b']), 1_000_000)).toBe(
      'Chart of first 5,000 of 1,000,000 rows; 1,000 points evenly sampled from 5,000 rows',
    );
    expect(chartNote(chartData(['a', 'b'], many.slice(0, 10), 'a', ['b']), 20)).toBe('Chart of first 10 of 20 rows');
  });
});
