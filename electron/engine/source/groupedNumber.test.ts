import { describe, expect, it } from 'vitest';
import { decodeRow } from './decodeRow';
import { parseCommaGroupedNumber } from './groupedNumber';
import { isNumericColumn } from './inferSchema';

describe('numbers with thousands grouped by commas', () => {
  it.each([
    ['1,234', 1234],
    ['12,345.5', 12345.5],
    ['-1,234,567', -1234567],
    [' 1,000 ', 1000],
  ])('%s reads as %d', (text, expected) => expect(parseCommaGroupedNumber(text)).toBe(expected));

  it.each(['1,23', '1234,567', ',123', '1,,234', '1,234,56', '12.5', 'abc', ''])('%s is no grouped number', (text) => {
    expect(parseCommaGroupedNumber(text)).toBeNaN();
  });

  it('a volume column where only the busy hours reach a thousand is numeric, and those rows are accepted with their value', () => {
    const volumes = [...Array.from({ length: 60 }, (_, i) => String(200 + i * 10)), '1,210', '1,340'];
    expect(isNumericColumn(volumes)).toBe(true);
    const columns = [
      { name: 'site', type: 'text', role: 'location' },
      { name: 'volume', type: 'number', role: 'measure' },
    ] as const;
    expect(decodeRow(['A', '1,210'], columns)).toEqual({ ok: true, values: ['A', 1210] });
    // With a decimal comma, the same text is one point two one.
    expect(decodeRow(['A', '1,210'], columns, true)).toEqual({ ok: true, values: ['A', 1.21] });
  });
});
