import { describe, expect, it } from 'vitest';
import { NO_VALUE, formatAgo, formatMape, formatPointTime, formatR2, formatValue, formatZ, timeTick } from './predictFormat';

describe('prediction number formats', () => {
  it('writes values of any magnitude readably', () => {
    expect(formatValue(null)).toBe(NO_VALUE);
    expect(formatValue(3.14159)).toBe('3.142');
    expect(formatValue(0.0012345)).toBe('0.001235');
    expect(formatValue(0.00001234)).toBe('1.23E-5');
    expect(formatValue(-12.5)).toBe('-12.5');
    expect(formatValue(123456.7)).toBe('123,457');
    expect(formatValue(0)).toBe('0');
  });

  it('writes R², MAPE and z', () => {
    expect(formatR2(0.91234)).toBe('0.912');
    expect(formatR2(-1.5)).toBe('-1.500');
    expect(formatR2(null)).toBe(NO_VALUE);
    expect(formatMape(0.1234)).toBe('12.3%');
    expect(formatMape(null)).toBe(NO_VALUE);
    expect(formatZ(3.456)).toBe('+3.5');
    expect(formatZ(-4)).toBe('-4.0');
  });

  it('writes times as event times or row numbers', () => {
    const t = Date.UTC(2024, 0, 2, 13, 45, 7);
    expect(formatPointTime(t, true)).toBe('2024-01-02 13:45:07');
    expect(formatPointTime(12345, false)).toBe('row 12,345');
    expect(timeTick(t, t + 3_600_000)(t)).toBe('13:45');
    expect(timeTick(t, t + 3 * 86_400_000)(t)).toBe('01-02 13:45');
    // Months or years on one axis: the year is named.
    expect(timeTick(t, t + 90 * 86_400_000)(t)).toBe('2024-01-02');
    expect(timeTick(t, t + 800 * 86_400_000)(t)).toBe('2024-01-02');
    // A few days across New Year: which year each day is in.
    const eve = Date.UTC(2023, 11, 30, 6, 0);
    expect(timeTick(eve, eve + 4 * 86_400_000)(eve)).toBe('2023-12-30 06:00');
  });

  it('says how long ago', () => {
    expect(formatAgo(10_000, 13_400)).toBe('3 s ago');
    expect(formatAgo(10_000, 9_000)).toBe('0 s ago');
    expect(formatAgo(0, 125_000)).toBe('2 min ago');
    expect(formatAgo(0, 7_300_000)).toBe('2 h ago');
  });
});
