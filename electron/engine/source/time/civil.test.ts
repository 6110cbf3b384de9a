import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, daysFromCivil, daysInMonth, isLeapYear, weekdayOf } from './civil';

describe('civil calendar', () => {
  it('agrees with Date day by day from 1899 to 2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += MS_PER_DAY) {
      const date = new Date(t);
      const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      expect(daysFromCivil(year, month, day) * MS_PER_DAY).toBe(t);
      expect(weekdayOf(year, month, day)).toBe(date.getUTCDay());
    }
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2026, i + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 0)).toBe(0);
    expect(daysInMonth(2026, 13)).toBe(0);
  });

  it('handles years before 100 and before 0', () => {
    expect(daysFromCivil(50, 6, 1) * MS_PER_DAY).toBe(new Date(0).setUTCFullYear(50, 5, 1));
    expect(daysFromCivil(-1, 3, 1) * MS_PER_DAY).toBe(new Date(0).setUTCFullYear(-1, 2, 1));
  });
});
