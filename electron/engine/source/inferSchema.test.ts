import { describe, expect, it } from 'vitest';
import { TRAFFIC_COLUMNS, rowFields, trafficRows } from '../testing/trafficFixture';
import { columnSamples, isNumericColumn, isNumericText, mostlyMatch, pickLocationColumn } from './inferSchema';

const numericFlags = (names: readonly string[], rows: readonly (readonly string[])[]): boolean[] =>
  names.map((_, index) => isNumericColumn(columnSamples(rows, index)));

describe('isNumericColumn', () => {
  it('calls the counts of the original Traffic.csv numbers, and times, weekdays and situations not', () => {
    const sample = trafficRows(50).map(rowFields);
    const flags = Object.fromEntries(TRAFFIC_COLUMNS.map((name, index) => [name, isNumericColumn(columnSamples(sample, index))]));
    expect(flags).toEqual({
      Time: false,
      Date: true, // a plain number on its own; the split-time detection makes it part of the time
      'Day of the week': false,
      CarCount: true,
      BikeCount: true,
      BusCount: true,
      TruckCount: true,
      Total: true,
      'Traffic Situation': false,
    });
  });

  it('keeps a column numeric when one value among many is not a number', () => {
    const values = Array.from({ length: 40 }, (_, i) => String(i * 3));
    values[21] = 'oops';
    expect(isNumericColumn(values)).toBe(true);
  });

  it('demotes a column to text when many values are not numbers', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 'many' : String(i)));
    expect(isNumericColumn(values)).toBe(false);
  });

  it('ignores empty cells when deciding, and calls an all-empty column not numeric', () => {
    const rows = [['5', ''], ['', ''], ['7', ' '], ['9', '']];
    expect(numericFlags(['Total', 'Notes'], rows)).toEqual([true, false]);
  });

  it('treats short rows as empty cells rather than failing', () => {
    const rows = [['1', '2'], ['3'], ['5', '6']];
    expect(columnSamples(rows, 1)).toEqual(['2', '', '6']);
    expect(numericFlags(['A', 'B'], rows)).toEqual([true, true]);
  });

  it('reads decimal-comma numbers only when asked to', () => {
    const values = ['12,5', '3', '1.234,75', '-0,5'];
    expect(isNumericColumn(values, true)).toBe(true);
    expect(isNumericColumn(values, false)).toBe(false);
  });
});

describe('isNumericText', () => {
  it('accepts numbers with spaces, signs, decimals and exponents, not words or blanks', () => {
    for (const text of ['0', ' 12 ', '-3.5', '1e3']) expect(isNumericText(text), text).toBe(true);
    for (const text of ['', '  ', 'abc', '12:15:00 AM', 'Infinity', '1,5']) expect(isNumericText(text), text).toBe(false);
  });

  it('with a decimal comma, accepts 1,5 and grouped thousands but not a decimal point', () => {
    for (const text of ['1,5', '1.234,5', '42', ' -7,25 ']) expect(isNumericText(text, true), text).toBe(true);
    for (const text of ['1.5', 'abc', '', '1,2,3']) expect(isNumericText(text, true), text).toBe(false);
  });
});

describe('mostlyMatch', () => {
  it('tolerates at most 5% (or one in a small sample) of exceptions, and never a majority', () => {
    const isX = (value: string): boolean => value === 'x';
    expect(mostlyMatch(['x', 'x', 'y'], isX)).toBe(true);
    expect(mostlyMatch(['x', 'y'], isX)).toBe(false);
    expect(mostlyMatch([...Array<string>(40).fill('x'), 'y', 'y'], isX)).toBe(true);
    expect(mostlyMatch([...Array<string>(40).fill('x'), 'y', 'y', 'y'], isX)).toBe(false);
    expect(mostlyMatch(['', ' '], isX)).toBe(false);
  });
});

describe('pickLocationColumn', () => {
  it('picks a text column named like a place as the location key, and none otherwise', () => {
    const names = [...TRAFFIC_COLUMNS, 'Junction'];
    const rows = trafficRows(3).map((row) => [...rowFields(row), 'J01']);
    expect(pickLocationColumn(names, numericFlags(names, rows))).toBe(TRAFFIC_COLUMNS.length);
    const plain = trafficRows(3).map(rowFields);
    expect(pickLocationColumn([...TRAFFIC_COLUMNS], numericFlags(TRAFFIC_COLUMNS, plain))).toBe(-1);
  });

  it('takes a numeric column only when it is named as an identifier', () => {
    // A numeric "Sensor" column is a reading, not a place name; "Sensor ID" names the place.
    expect(pickLocationColumn(['Sensor'], [true])).toBe(-1);
    expect(pickLocationColumn(['Sensor ID'], [true])).toBe(0);
    expect(pickLocationColumn(['station_id'], [true])).toBe(0);
    expect(pickLocationColumn(['Sensor'], [false])).toBe(0);
  });
});
