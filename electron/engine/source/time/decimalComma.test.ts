import { describe, expect, it } from 'vitest';
import { parseDecimalCommaNumber, usesDecimalComma } from './decimalComma';

describe('parseDecimalCommaNumber', () => {
  it.each([
    ['12,5', 12.5],
    ['-3,25', -3.25],
    ['+3,25', 3.25],
    ['1.234,5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234\u202f567', 1234567],
    ['1.234', 1234],
    ['42', 42],
    ['0', 0],
    ['0,1', 0.1],
    [',5', 0.5],
    ['  7,25  ', 7.25],
    ['0,30000000000000004', 0.30000000000000004],
    ['12345678901234567,5', Number('12345678901234567.5')],
  ])('%s → %d', (text, expected) => {
    expect(parseDecimalCommaNumber(text)).toBe(expected);
  });

  it('reads like Number reads the dot-decimal text', () => {
    for (let i = 0; i < 2000; i++) {
      const text = (i * 7.31 - 5000).toFixed(i % 5);
      expect(parseDecimalCommaNumber(text.replace('.', ','))).toBe(Number(text));
    }
  });

  it.each(['', ' ', 'abc', '12,', '1,2,3', '1.5', '12.34', '1.23,4', '1.234.56', '1234.567', '.234', '1.234 567', '1,234.5', '-', '12,5a', '1e3', 'NaN'])(
    '%s is not a number',
    (text) => {
      expect(parseDecimalCommaNumber(text)).toBeNaN();
    },
  );
});

describe('usesDecimalComma', () => {
  const european = ['12,5', '3', '-0,75', '1.234,5', '', '7,0'];

  it('sees a decimal comma with ";" and tab delimiters', () => {
    expect(usesDecimalComma(european, ';')).toBe(true);
    expect(usesDecimalComma(european, '\t')).toBe(true);
    expect(usesDecimalComma(['0,5', '1,25', '2,75'], '|')).toBe(true);
  });

  it('never does when the delimiter is a comma', () => {
    expect(usesDecimalComma(european, ',')).toBe(false);
  });

  it('needs at least one decimal comma', () => {
    expect(usesDecimalComma(['12', '3', '1.234'], ';')).toBe(false);
    expect(usesDecimalComma(['', ''], ';')).toBe(false);
    expect(usesDecimalComma([], ';')).toBe(false);
  });

  it('rejects dot-decimal and text columns', () => {
    expect(usesDecimalComma(['12.5', '3.25', '0.75'], ';')).toBe(false);
    expect(usesDecimalComma(['12,5', '3.25', '0.75', '1.5'], ';')).toBe(false);
    expect(usesDecimalComma(['low, busy', 'high, calm'], ';')).toBe(false);
    expect(usesDecimalComma(['Smith, J', '12,5'], ';')).toBe(false);
  });

  it('tolerates a few values that are not numbers', () => {
    const mostly = [...Array.from({ length: 95 }, (_, i) => `${i},5`), ...Array.from({ length: 5 }, () => 'n/a')];
    expect(usesDecimalComma(mostly, ';')).toBe(true);
    expect(usesDecimalComma([...mostly, 'n/a'], ';')).toBe(false);
  });
});
