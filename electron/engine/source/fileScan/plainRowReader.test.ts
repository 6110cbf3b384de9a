import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../../shared/schema';
import { mulberry32 } from '../../../../sample-data/generator/random';
import { PlainRowReader, plainNumber } from './plainRowReader';

const read = (text: string): number => plainNumber(text, 0, text.length);

describe('plainNumber', () => {
  it('reads plain numbers exactly as Number() does, minus zero included', () => {
    for (const text of ['0', '7', '007', '-0', '-12', '0.1', '0.2', '1.005', '2.675', '-3.14159', '123456789012345', '99999999999999.9', '0.00000000000001']) {
      expect(Object.is(read(text), Number(text)), text).toBe(true);
    }
  });

  it('agrees with Number() on 100,000 random decimals of up to 15 digits', () => {
    const random = mulberry32(42);
    for (let i = 0; i < 100_000; i++) {
      const digits = 1 + Math.floor(random() * 15);
      let text = '';
      for (let d = 0; d < digits; d++) text += String(Math.floor(random() * 10));
      const point = Math.floor(random() * digits);
      if (point > 0) text = `${text.slice(0, point)}.${text.slice(point)}`;
      if (random() < 0.3) text = `-${text}`;
      if (!Object.is(read(text), Number(text))) expect(read(text), text).toBe(Number(text));
    }
  });

  it('declines every other form, for the regular decoder to judge', () => {
    for (const text of ['-', '.5', '5.', '1.2.3', '1e3', '+5', ' 5', '5 ', '0x1F', 'n/a', '1,5', '1234567890123456', '12345678901234.56']) {
      expect(read(text), text).toBeNaN();
    }
  });

  it('reads only its range of the text', () => {
    expect(plainNumber('J01,42,low', 4, 6)).toBe(42);
  });
});

const COLUMNS: ColumnInfo[] = [
  { name: 'Timestamp', type: 'time', role: 'timestamp' },
  { name: 'Junction', type: 'text', role: 'location' },
  { name: 'Count', type: 'number', role: 'measure' },
  { name: 'Speed', type: 'number', role: 'measure' },
];

function reader(): PlainRowReader {
  return new PlainRowReader(COLUMNS, [0], ',');
}

describe('PlainRowReader', () => {
  it('reads a row in place: numbers, empty fields as null, the time text cut out', () => {
    const scanner = reader();
    const text = 'header\n2026-10-01T08:00:00,J01,42,\n';
    const start = text.indexOf('\n') + 1;
    expect(scanner.read(text, start, text.length - 1)).toBe(true);
    expect(scanner.values.slice(2)).toEqual([42, null]);
    expect(scanner.timeFields[0]).toBe('2026-10-01T08:00:00');
  });

  it('declines a row with too few or too many fields, a number it cannot read plainly, or no values', () => {
    for (const row of ['2026-10-01T08:00:00,J01,42', '2026-10-01T08:00:00,J01,42,50,extra', '2026-10-01T08:00:00,J01, 42,50', ',,,']) {
      expect(reader().read(row, 0, row.length), row).toBe(false);
    }
  });

  it('counts a row with only text as having values, as the regular decoder does', () => {
    const row = ',J01,,';
    expect(reader().read(row, 0, row.length)).toBe(true);
  });

  it('is only used where rows split on a single-character delimiter without decimal commas', () => {
    expect(PlainRowReader.suits(',', false)).toBe(true);
    expect(PlainRowReader.suits(';', true)).toBe(false);
    expect(PlainRowReader.suits('::', false)).toBe(false);
  });
});
