import { describe, expect, it } from 'vitest';
import { MINUTE_MS, MONDAY } from './testing/testRows';
import { DAY_MS, utcDayOfWeek, writeDayOfWeek, writeTimeOfDay } from './timeFeatures';

const timeOfDay = (time: number): number[] => {
  const out = new Float64Array(4);
  writeTimeOfDay(time, out, 0);
  return Array.from(out);
};
const dayOfWeek = (time: number): number[] => {
  const out = new Float64Array(3);
  writeDayOfWeek(time, out, 0);
  return Array.from(out);
};
const distance = (a: number[], b: number[]): number => Math.hypot(...a.map((v, i) => v - (b[i] as number)));

describe('calendar features', () => {
  it('puts 23:45 next to 00:00 of the next day, and noon opposite midnight', () => {
    const lateEvening = MONDAY + DAY_MS - 15 * MINUTE_MS;
    const midnight = MONDAY + DAY_MS;
    const noon = MONDAY + DAY_MS / 2;
    expect(distance(timeOfDay(lateEvening), timeOfDay(midnight))).toBeLessThan(0.2);
    expect(distance(timeOfDay(noon), timeOfDay(midnight))).toBeGreaterThan(1.9);
    expect(timeOfDay(midnight)).toEqual([0, 1, 0, 1]);
    // The second harmonic repeats every 12 hours: morning and evening peaks share its phase.
    const sixAm = timeOfDay(MONDAY + 6 * 60 * MINUTE_MS);
    const sixPm = timeOfDay(MONDAY + 18 * 60 * MINUTE_MS);
    expect(sixAm[2]).toBeCloseTo(sixPm[2] as number, 12);
    expect(sixAm[3]).toBeCloseTo(sixPm[3] as number, 12);
  });

  it('reads the day as UTC wall clock, the same for every day at that time', () => {
    expect(timeOfDay(MONDAY + 3 * DAY_MS + 7 * 60 * MINUTE_MS)).toEqual(timeOfDay(MONDAY + 7 * 60 * MINUTE_MS));
  });

  it('flags Saturday and Sunday as weekend, and Sunday 23:45 → Monday 00:00 leaves it', () => {
    const saturday = MONDAY + 5 * DAY_MS;
    const sunday = MONDAY + 6 * DAY_MS;
    expect(dayOfWeek(MONDAY + 4 * DAY_MS + DAY_MS - MINUTE_MS)[2]).toBe(0); // Friday 23:59
    expect(dayOfWeek(saturday)[2]).toBe(1);
    expect(dayOfWeek(saturday + DAY_MS - 15 * MINUTE_MS)[2]).toBe(1); // Saturday 23:45
    expect(dayOfWeek(sunday)[2]).toBe(1); // Saturday → Sunday: still weekend
    expect(dayOfWeek(sunday + DAY_MS - 15 * MINUTE_MS)[2]).toBe(1);
    expect(dayOfWeek(sunday + DAY_MS)[2]).toBe(0); // Monday 00:00
    // Sunday and Monday are neighbours on the week's circle too.
    expect(distance(dayOfWeek(sunday).slice(0, 2), dayOfWeek(MONDAY).slice(0, 2))).toBeCloseTo(2 * Math.sin(Math.PI / 7), 12);
  });

  it('matches Date’s UTC day of week, before 1970 as well', () => {
    for (const time of [0, MONDAY, MONDAY + 123_456_789, -1, -DAY_MS * 3.5, Date.UTC(1969, 11, 31, 23, 59), Date.UTC(2100, 0, 1)]) {
      expect(utcDayOfWeek(time)).toBe(new Date(time).getUTCDay());
    }
  });
});
