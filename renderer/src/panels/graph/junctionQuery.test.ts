import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../../shared/schema';
import { junctionQuery, liveLocationColumn } from './junctionQuery';

const column = (name: string): ColumnInfo => ({ name, type: 'text', role: 'category' });

describe('junction query', () => {
  it('selects the junction’s newest rows', () => {
    expect(junctionQuery('traffic', 'Junction', 'J03')).toBe(`SELECT * FROM "traffic" WHERE "Junction" = 'J03' ORDER BY _offset DESC LIMIT 100`);
  });

  it('quotes names and doubles quotes inside them and inside the id', () => {
    expect(junctionQuery('traffic', 'Site "north"', "O'Connell St")).toBe(
      `SELECT * FROM "traffic" WHERE "Site ""north""" = 'O''Connell St' ORDER BY _offset DESC LIMIT 100`,
    );
  });

  it('has no condition when the data has no location column (every row is one place)', () => {
    expect(junctionQuery('traffic', null, 'all')).toBe('SELECT * FROM "traffic" ORDER BY _offset DESC LIMIT 100');
  });

  it('uses the live table’s name for a location column whose name clashes', () => {
    const columns = [column('junction'), column('Junction')];
    expect(liveLocationColumn(columns, 'Junction')).toBe('Junction_2');
    expect(liveLocationColumn(columns, 'junction')).toBe('junction');
    expect(liveLocationColumn(columns, 'Missing')).toBe('Missing');
  });
});
