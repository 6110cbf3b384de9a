import { describe, expect, it } from 'vitest';
import { binMinutesFor, binOfDay, dayNumber, weekdayMondayFirst } from './calendarBins';

const MIN = 60_000;

describe('calendar bins on the UTC wall clock', () => {
  it('weekdays, Monday first, checked against Date', () => {
    // 2026-10-01 is a Thursday; 1969-12-31 a Wednesday.
    expect(weekdayMondayFirst(Date.UTC(2026, 9, 1, 23, 59))).toBe(3);
    expect(weekdayMondayFirst(Date.UTC(2026, 9, 4, 12))).toBe(6);
    expect(weekdayMondayFirst(Date.UTC(2026, 9, 5))).toBe(0);
    expect(weekdayMondayFirst(-1)).toBe(2);
    for (let day = 0; day < 30; day++) {
      const time = Date.UTC(2026, 9, 1 + day, 7);
      expect(weekdayMondayFirst(time)).toBe((new Date(time).getUTCDay() + 6) % 7);
    }
  });

  it('bins of the day', () => {
    expect(binOfDay(Date.UTC(2026, 9, 1, 8, 14, 59), 15 * MIN)).toBe(32);
    expect(binOfDay(Date.UTC(2026, 9, 1, 8, 15), 60 * MIN)).toBe(8);
    expect(binOfDay(-1, 60 * MIN)).toBe(23);
    expect(dayNumber(-1)).toBe(-1);
  });

  it('bin width by cadence', () => {
    expect(binMinutesFor(15 * MIN)).toBe(15);
    expect(binMinutesFor(15 * MIN, 60)).toBe(60);
    expect(binMinutesFor(7 * MIN)).toBe(10);
    expect(binMinutesFor(90 * MIN)).toBe(120);
    expect(binMinutesFor(null)).toBe(60);
    expect(binMinutesFor(3 * 86_400_000)).toBe(1440);
  });
});
