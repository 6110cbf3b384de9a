import { describe, expect, it } from 'vitest';
import { errorLocation } from './errorLocation';

describe('error location', () => {
  it('counts lines and columns from 1', () => {
    expect(errorLocation('SELEC 1', 0)).toBe('line 1, column 1');
    expect(errorLocation('SELECT *\nFROM trafic', 14)).toBe('line 2, column 6');
  });

  it('clamps offsets outside the text', () => {
    expect(errorLocation('abc', 99)).toBe('line 1, column 4');
    expect(errorLocation('abc', -5)).toBe('line 1, column 1');
  });
});
