import { describe, expect, it } from 'vitest';
import { TRAFFIC_COLUMNS, TRAFFIC_SCHEMA, rowFields, trafficRows } from '../testing/trafficFixture';
import { inferSchema, isNumericText, isTimeText, pickLocationColumn } from './inferSchema';

describe('inferSchema', () => {
  it('types the original Traffic.csv columns: Time is time, counts are numbers, names of days are text', () => {
    const sample = trafficRows(50).map(rowFields);
    const columns = inferSchema([...TRAFFIC_COLUMNS], sample);
    expect(columns).toEqual(TRAFFIC_SCHEMA);
  });

  it('keeps a column numeric when one value among many is not a number', () => {
    const sample = Array.from({ length: 40 }, (_, i) => [String(i * 3)]);
    sample[21] = ['oops'];
    expect(inferSchema(['Total'], sample)).toEqual([{ name: 'Total', type: 'number' }]);
  });

  it('demotes a column to text when many values are not numbers', () => {
    const sample = Array.from({ length: 40 }, (_, i) => [i % 4 === 0 ? 'many' : String(i)]);
    expect(inferSchema(['Total'], sample)[0]?.type).toBe('text');
  });

  it('ignores empty cells when deciding, and calls an all-empty column text', () => {
    const sample = [['5', ''], ['', ''], ['7', ' '], ['9', '']];
    expect(inferSchema(['Total', 'Notes'], sample).map((c) => c.type)).toEqual(['number', 'text']);
  });

  it('treats short rows as empty cells rather than failing', () => {
    const sample = [['1', '2'], ['3'], ['5', '6']];
    expect(inferSchema(['A', 'B'], sample).map((c) => c.type)).toEqual(['number', 'number']);
  });

  it('recognises common time and date spellings, and not numbers or words', () => {
    for (const text of ['12:15:00 AM', '1:45:00 PM', '08:30', '23:59:59', '2026-03-14', '2026-03-14T07:15:00Z', '3/14/2026 7:15', '14.03.2026']) {
      expect(isTimeText(text), text).toBe(true);
    }
    for (const text of ['Tuesday', '42', '', 'normal', '12:15 noon']) {
      expect(isTimeText(text), text).toBe(false);
    }
  });

  it('accepts numbers with spaces, signs, decimals and exponents, not words or blanks', () => {
    for (const text of ['0', ' 12 ', '-3.5', '1e3']) expect(isNumericText(text), text).toBe(true);
    for (const text of ['', '  ', 'abc', '12:15:00 AM', 'Infinity', '1,5']) expect(isNumericText(text), text).toBe(false);
  });

  it('picks a text column named like a place as the location key, and none otherwise', () => {
    const withJunction = inferSchema([...TRAFFIC_COLUMNS, 'Junction'], [[...rowFields(trafficRows(1)[0]!), 'J01']]);
    expect(pickLocationColumn(withJunction)).toBe(TRAFFIC_COLUMNS.length);
    expect(pickLocationColumn(inferSchema([...TRAFFIC_COLUMNS], trafficRows(3).map(rowFields)))).toBe(-1);
    // A numeric "Sensor" column is a measurement, not a place name.
    expect(pickLocationColumn([{ name: 'Sensor', type: 'number' }])).toBe(-1);
  });
});
