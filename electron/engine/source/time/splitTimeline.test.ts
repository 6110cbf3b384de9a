import { describe, expect, it } from 'vitest';
import {
  SplitTimeline,
  detectSplitTime,
  parseDayOfMonth,
  parseWeekday,
} from './splitTimeline';
import { TIME_FORMATS } from './timeFormats';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);
const HOUR = 3_600_000;
const QUARTER = 900_000;

const HEADER = 'Time,Date,Day of the week,CarCount,BikeCount,BusCount,TruckCount,Total,Traffic Situation'.split(',');
const ROWS = [
  '12:00:00 AM,10,Tuesday,31,0,4,4,39,low',
  '12:15:00 AM,10,Tuesday,49,0,3,3,55,low',
  '12:30:00 AM,10,Tuesday,46,0,3,6,55,low',
  '12:45:00 AM,10,Tuesday,51,0,2,5,58,low',
  '1:00:00 AM,10,Tuesday,57,6,15,16,94,normal',
].map((line) => line.split(','));

describe('parseWeekday', () => {
  it.each([
    ['Sunday', 0],
    ['monday', 1],
    ['TUESDAY', 2],
    [' Wednesday ', 3],
    ['Thu', 4],
    ['fri', 5],
    ['SAT', 6],
  ])('%s → %i', (text, expected) => {
    expect(parseWeekday(text)).toBe(expected);
  });

  it.each(['', 'Tues', 'Funday', '2', 'Mondays'])('%s is no weekday', (text) => {
    expect(parseWeekday(text)).toBeNull();
  });
});

describe('parseDayOfMonth', () => {
  it('reads 1..31 only', () => {
    expect(parseDayOfMonth('1')).toBe(1);
    expect(parseDayOfMonth(' 07 ')).toBe(7);
    expect(parseDayOfMonth('31')).toBe(31);
    for (const text of ['0', '32', '1.5', '-1', '', 'x', '100']) expect(parseDayOfMonth(text)).toBeNull();
  });
});

describe('detectSplitTime', () => {
  it('finds the original data set’s columns', () => {
    expect(detectSplitTime(HEADER, ROWS)).toEqual({ timeColumn: 0, dayColumn: 1, weekdayColumn: 2 });
  });

  it('finds them in any order, with any case, and with 3-letter weekdays', () => {
    const names = ['Junction', 'day', 'weekday', 'count', 'time of day'];
    const rows = [
      ['J1', '31', 'sat', '12', '11:45 PM'],
      ['J2', '31', 'sat', '15', '11:45 PM'],
      ['J1', '1', 'SUN', '3', '12:00 AM'],
    ];
    expect(detectSplitTime(names, rows)).toEqual({ timeColumn: 4, dayColumn: 1, weekdayColumn: 2 });
  });

  it('works without a weekday column', () => {
    expect(
      detectSplitTime(
        ['Time', 'Date', 'Total'],
        ROWS.map((row) => [row[0]!, row[1]!, row[7]!]),
      ),
    ).toEqual({ timeColumn: 0, dayColumn: 1, weekdayColumn: null });
  });

  it('does not take "Day of the week" or a count for the day of month', () => {
    expect(
      detectSplitTime(
        ['Time', 'Day of the week', 'Count'],
        [
          ['12:00:00 AM', '3', '10'],
          ['12:15:00 AM', '3', '12'],
        ],
      ),
    ).toBeNull();
  });

  it('needs both a time of day and a day of month', () => {
    expect(detectSplitTime(['Date', 'Total'], [['10', '39']])).toBeNull();
    expect(detectSplitTime(['Time', 'Total'], [['12:00:00 AM', '39']])).toBeNull();
    expect(detectSplitTime(['Time', 'Date'], [['2026-10-01 08:15', '10']])).toBeNull();
    expect(detectSplitTime(['Time', 'Date'], [['12:00 AM', '45']])).toBeNull();
    expect(detectSplitTime(['Time', 'Date'], [])).toBeNull();
  });
});

describe('SplitTimeline', () => {
  it('places the original data set’s rows from their clock time and day of month', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 11 });
    const times = ROWS.map((row) => timeline.toEpoch(TIME_FORMATS.clock.parse(row[0]!)!, parseDayOfMonth(row[1]!)!));
    expect(times).toEqual([0, 1, 2, 3, 4].map((quarter) => utc(2026, 11, 10) + quarter * QUARTER));
  });

  it('advances days and rolls the month over (Oct 31 → Nov 1)', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 10 });
    expect(timeline.toEpoch(23 * HOUR, 30)).toBe(utc(2026, 10, 30, 23));
    expect(timeline.toEpoch(23 * HOUR + 3 * QUARTER, 31)).toBe(utc(2026, 10, 31, 23, 45));
    expect(timeline.toEpoch(0, 1)).toBe(utc(2026, 11, 1));
    expect(timeline.toEpoch(QUARTER, 1)).toBe(utc(2026, 11, 1, 0, 15));
    expect(timeline.toEpoch(0, 2)).toBe(utc(2026, 11, 2));
  });

  it('rolls a 30-day month (Nov 30 → Dec 1) and the year (Dec 31 → Jan 1)', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 11 });
    expect(timeline.toEpoch(0, 30)).toBe(utc(2026, 11, 30));
    expect(timeline.toEpoch(0, 1)).toBe(utc(2026, 12, 1));
    expect(timeline.toEpoch(0, 31)).toBe(utc(2026, 12, 31));
    expect(timeline.toEpoch(HOUR, 1)).toBe(utc(2027, 1, 1, 1));
  });

  it('handles February in common and leap years', () => {
    const common = new SplitTimeline({ year: 2026, month: 2 });
    expect(common.toEpoch(0, 28)).toBe(utc(2026, 2, 28));
    expect(common.toEpoch(0, 29)).toBeNull();
    expect(common.toEpoch(0, 1)).toBe(utc(2026, 3, 1));
    const leap = new SplitTimeline({ year: 2028, month: 2 });
    expect(leap.toEpoch(0, 28)).toBe(utc(2028, 2, 28));
    expect(leap.toEpoch(0, 29)).toBe(utc(2028, 2, 29));
    expect(leap.toEpoch(0, 1)).toBe(utc(2028, 3, 1));
  });

  it('gives rows of several junctions sharing a slot the same time', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 10 });
    const slot = (minutes: number, day: number): (number | null)[] =>
      ['J1', 'J2', 'J3', 'J4'].map(() => timeline.toEpoch(minutes * 60_000, day));
    expect(slot(23 * 60 + 45, 31)).toEqual(Array(4).fill(utc(2026, 10, 31, 23, 45)));
    expect(slot(0, 1)).toEqual(Array(4).fill(utc(2026, 11, 1)));
    expect(slot(15, 1)).toEqual(Array(4).fill(utc(2026, 11, 1, 0, 15)));
  });

  it('does not roll the month on rows slightly out of order', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 10 });
    expect(timeline.toEpoch(0, 11)).toBe(utc(2026, 10, 11));
    expect(timeline.toEpoch(HOUR, 10)).toBe(utc(2026, 10, 10, 1));
    expect(timeline.toEpoch(0, 3)).toBe(utc(2026, 10, 3)); // exactly a week back: still this month
    expect(timeline.toEpoch(0, 11)).toBe(utc(2026, 10, 11));
    expect(timeline.toEpoch(0, 3)).toBe(utc(2026, 11, 3)); // more than a week back: next month
  });

  it('returns null on invalid input and on a day the month lacks, leaving its state alone', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 11 });
    expect(timeline.toEpoch(0, 29)).toBe(utc(2026, 11, 29));
    const before = timeline.snapshot();
    expect(timeline.toEpoch(0, 31)).toBeNull();
    expect(timeline.toEpoch(-1, 29)).toBeNull();
    expect(timeline.toEpoch(24 * HOUR, 29)).toBeNull();
    expect(timeline.toEpoch(Number.NaN, 29)).toBeNull();
    expect(timeline.toEpoch(0, 0)).toBeNull();
    expect(timeline.toEpoch(0, 32)).toBeNull();
    expect(timeline.toEpoch(0, 1.5)).toBeNull();
    expect(timeline.snapshot()).toEqual(before);
    expect(timeline.toEpoch(0, 1)).toBe(utc(2026, 12, 1));
  });

  it('resumes from a snapshot', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 10 });
    expect(timeline.snapshot()).toEqual({ year: 2026, month: 10, lastDay: 0 });
    timeline.toEpoch(0, 30);
    timeline.toEpoch(0, 31);
    const atEndOfOctober = timeline.snapshot();
    expect(atEndOfOctober).toEqual({ year: 2026, month: 10, lastDay: 31 });
    expect(timeline.toEpoch(0, 1)).toBe(utc(2026, 11, 1));
    expect(timeline.toEpoch(0, 2)).toBe(utc(2026, 11, 2));

    timeline.restore(atEndOfOctober);
    expect(timeline.toEpoch(0, 1)).toBe(utc(2026, 11, 1));

    const fresh = new SplitTimeline({ year: 1999, month: 1 });
    fresh.restore(atEndOfOctober);
    expect(fresh.toEpoch(QUARTER, 31)).toBe(utc(2026, 10, 31, 0, 15));
    expect(fresh.toEpoch(0, 1)).toBe(utc(2026, 11, 1));
  });

  it('newest first: goes back a month where the day jumps forward (Apr 1 → Mar 31, Jan 1 → Dec 31)', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 4 }, true);
    expect(timeline.toEpoch(23 * HOUR, 2)).toBe(utc(2026, 4, 2, 23));
    expect(timeline.toEpoch(0, 1)).toBe(utc(2026, 4, 1));
    expect(timeline.toEpoch(23 * HOUR + 3 * QUARTER, 31)).toBe(utc(2026, 3, 31, 23, 45));
    expect(timeline.toEpoch(0, 30)).toBe(utc(2026, 3, 30));
    const january = new SplitTimeline({ year: 2027, month: 1 }, true);
    expect(january.toEpoch(0, 1)).toBe(utc(2027, 1, 1));
    expect(january.toEpoch(HOUR, 31)).toBe(utc(2026, 12, 31, 1));
  });

  it('newest first: a 31st after a 1st goes back past a 30-day month only as far as the day exists', () => {
    // 1 May back to 30 April: April has no 31st, so the row after the 1st cannot be a 31st.
    const timeline = new SplitTimeline({ year: 2026, month: 5 }, true);
    expect(timeline.toEpoch(0, 1)).toBe(utc(2026, 5, 1));
    expect(timeline.toEpoch(0, 31)).toBeNull();
    expect(timeline.toEpoch(0, 30)).toBe(utc(2026, 4, 30));
  });

  it('newest first: rows slightly out of order stay in the month; a day jumping back stays in the month too', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 10 }, true);
    expect(timeline.toEpoch(0, 20)).toBe(utc(2026, 10, 20));
    expect(timeline.toEpoch(0, 21)).toBe(utc(2026, 10, 21)); // a late row: this month
    expect(timeline.toEpoch(0, 10)).toBe(utc(2026, 10, 10)); // going back in time is the file's order
    expect(timeline.toEpoch(0, 17)).toBe(utc(2026, 10, 17)); // exactly a week forward: still this month
    expect(timeline.toEpoch(0, 25)).toBe(utc(2026, 9, 25)); // more than a week forward: the month before
  });

  it('snapshots are copies', () => {
    const timeline = new SplitTimeline({ year: 2026, month: 10 });
    const snapshot = timeline.snapshot();
    timeline.toEpoch(0, 5);
    expect(snapshot.lastDay).toBe(0);
  });
});
