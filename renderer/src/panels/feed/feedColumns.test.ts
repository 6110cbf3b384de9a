import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../../shared/schema';
import { columnWidthCh, grownWidths, MAX_COLUMN_CH } from './columnWidths';
import { dataKey, defaultOrder, headerKey, moveColumn, orderedColumns, shownColumns } from './feedColumns';

const column = (name: string, role: ColumnInfo['role'], type: ColumnInfo['type'] = 'number'): ColumnInfo => ({ name, role, type }) as ColumnInfo;
const traffic = {
  columns: [
    column('Time', 'timestamp', 'time'),
    column('Date', 'timestamp', 'time'),
    column('CarCount', 'measure'),
    column('Total', 'measure'),
    column('Situation', 'category', 'text'),
    column('Junction', 'location', 'text'),
  ],
  time: {} as never,
  location: 'Junction',
  measure: 'Total',
};

describe('feed columns', () => {
  it('puts the event time, location and main measure first, the time sources and the bus position last', () => {
    expect(defaultOrder(traffic)).toEqual(['time', 'c:Junction', 'c:Total', 'c:CarCount', 'c:Situation', 'c:Time', 'c:Date', 'line', 'offset']);
    expect(defaultOrder({ ...traffic, time: null, location: null, measure: null })[0]).toBe('c:CarCount');
  });

  it('keeps the saved order and hidden columns, and adds columns it does not know', () => {
    const defaults = defaultOrder(traffic);
    const prefs = { order: ['c:Total', 'time', 'c:Gone'], hidden: ['line', 'offset'] };
    expect(orderedColumns(defaults, prefs).slice(0, 3)).toEqual(['c:Total', 'time', 'c:Junction']);
    expect(shownColumns(defaults, prefs)).not.toContain('line');
    expect(shownColumns(defaults, prefs)).toHaveLength(defaults.length - 2);
    // Never nothing at all.
    expect(shownColumns(defaults, { order: [], hidden: defaults })).toHaveLength(1);
  });

  it('moves a column one place, not past the ends', () => {
    expect(moveColumn(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveColumn(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
  });

  it('names a header by its columns in order', () => {
    expect(headerKey(traffic)).not.toBe(headerKey({ columns: [...traffic.columns].reverse() }));
    expect(dataKey('Total')).toBe('c:Total');
  });

  it('sizes a column to its header or longest value, within bounds, never shrinking', () => {
    expect(columnWidthCh('Total', ['12', '1,234'])).toBe(7);
    expect(columnWidthCh('Id', ['1'])).toBe(4);
    expect(columnWidthCh('x', ['a'.repeat(100)])).toBe(MAX_COLUMN_CH);
    const widths = grownWidths(new Map([['a', 10]]), new Map([['a', 6], ['b', 5]]));
    expect([...widths]).toEqual([['a', 10], ['b', 5]]);
  });
});
