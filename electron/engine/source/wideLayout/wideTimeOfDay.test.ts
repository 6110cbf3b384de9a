import { describe, expect, it } from 'vitest';
import { detectWideLayout, wideIntervals } from './wideTimeOfDay';

const HOUR = 3_600_000;
/** NYC DOT's "Traffic Volume Counts" headers: AM/PM written only at the end of each interval. */
const NYC_HOURS = ['12:00-1:00 AM', '1:00-2:00AM', '2:00-3:00AM', '3:00-4:00AM', '4:00-5:00AM', '5:00-6:00AM', '6:00-7:00AM', '7:00-8:00AM', '8:00-9:00AM', '9:00-10:00AM', '10:00-11:00AM', '11:00-12:00PM', '12:00-1:00PM', '1:00-2:00PM', '2:00-3:00PM', '3:00-4:00PM', '4:00-5:00PM', '5:00-6:00PM', '6:00-7:00PM', '7:00-8:00PM', '8:00-9:00PM', '9:00-10:00PM', '10:00-11:00PM', '11:00-12:00AM'];
const QUARTERS = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

describe('a column per time of day', () => {
  it('places each column by its order through the day, where its own clock agrees up to AM/PM', () => {
    const nyc = wideIntervals(['ID', 'Segment ID', 'Date', ...NYC_HOURS]);
    expect(nyc?.stepMs).toBe(HOUR);
    expect(nyc?.intervals.map((interval) => interval.startMs / HOUR)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(nyc?.intervals[0]).toEqual({ column: '12:00-1:00 AM', index: 3, startMs: 0 });
    expect(wideIntervals(['Date', 'Site', ...QUARTERS])?.intervals.map((interval) => interval.startMs)).toEqual(QUARTERS.map((_, i) => i * 15 * 60_000));
  });

  it('reads HHMM column names and hour ranges as the hours they start, and refuses ranges that are not one hour', () => {
    const hhmm = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}00`);
    expect(wideIntervals(['Date', 'Station', ...hhmm])?.intervals.map((interval) => interval.startMs / HOUR)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    const ranges = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}-${String(h + 1).padStart(2, '0')}`);
    expect(wideIntervals(['Datum', 'Zählstelle', ...ranges])?.intervals.map((interval) => interval.startMs / HOUR)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(wideIntervals(['Date', ...Array.from({ length: 24 }, (_, h) => `${h}h–${h + 1}h`)])?.stepMs).toBe(HOUR);
    const named = Array.from({ length: 24 }, (_, h) => `traffic_volume_counted_after_${String(h).padStart(2, '0')}00_to_${String(h + 1).padStart(2, '0')}00`);
    expect(wideIntervals(['date', 'station_id', ...named])?.intervals.map((interval) => interval.startMs / HOUR)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    // Age bands or vehicle lengths as ranges are no hours of the day.
    expect(wideIntervals(['Date', ...Array.from({ length: 24 }, (_, i) => `${i * 2}-${i * 2 + 2}`)])).toBeNull();
  });

  it('places numbered columns by their number, counted from 0 or from 1 (hour-ending: H01 is 00:00 to 01:00)', () => {
    const ending = wideIntervals(['Date', 'Station', ...Array.from({ length: 24 }, (_, i) => `H${String(i + 1).padStart(2, '0')}`)]);
    expect(ending?.intervals.map((interval) => interval.startMs / HOUR)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(ending?.intervals[0]).toEqual({ column: 'H01', index: 2, startMs: 0 });
    const starting = wideIntervals(['Date', ...Array.from({ length: 24 }, (_, i) => `hour_${i}`)]);
    expect(starting?.intervals[23]?.startMs).toBe(23 * HOUR);
    expect(wideIntervals(['Date', ...Array.from({ length: 96 }, (_, i) => `V${i + 1}`)])?.stepMs).toBe(15 * 60_000);
    // Numbered out of order, from 7, or with gaps: not a day of intervals.
    expect(wideIntervals(['Date', ...Array.from({ length: 24 }, (_, i) => `H${24 - i}`)])).toBeNull();
    expect(wideIntervals(['Date', ...Array.from({ length: 24 }, (_, i) => `H${i + 7}`)])).toBeNull();
    expect(wideIntervals(['Date', ...Array.from({ length: 24 }, (_, i) => `H${i * 2}`)])).toBeNull();
    // Twelve numbered columns are as likely vehicle classes or months as two-hour blocks.
    expect(wideIntervals(['Date', ...Array.from({ length: 12 }, (_, i) => `V${i + 1}`)])).toBeNull();
  });

  it('reads half hours written with dots as ranges (0.00 - 0.30 … 23.30 - 24.00)', () => {
    const halves = Array.from({ length: 48 }, (_, i) => `${Math.floor(i / 2)}.${i % 2 ? '30' : '00'} - ${Math.floor((i + 1) / 2)}.${(i + 1) % 2 ? '30' : '00'}`);
    expect(halves[47]).toBe('23.30 - 24.00');
    expect(wideIntervals(['data', 'Codice', ...halves, 'tot'])).toMatchObject({ stepMs: 30 * 60_000, intervals: expect.arrayContaining([expect.objectContaining({ column: '7.30 - 8.00', startMs: 7.5 * 3_600_000 })]) });
  });

  it('leaves alone what does not cover the day in even steps from midnight', () => {
    // Twelve daytime hours: even, but not the whole day.
    expect(wideIntervals(['Date', ...Array.from({ length: 12 }, (_, i) => `${7 + i}:00`)])).toBeNull();
    // Out of order.
    expect(wideIntervals(['Date', ...[...QUARTERS].reverse()])).toBeNull();
    expect(wideIntervals(['Date', 'Site', '07:00', '08:00'])).toBeNull();
  });

  it('unfolds only a date column of whole days that still reads as a time with a clock after it', () => {
    const names = ['Date', 'Site', ...QUARTERS];
    const rows = [['09/01/2012', 'A', ...QUARTERS.map(() => '1')]];
    const time = { kind: 'column', column: 'Date', format: 'mdy', label: '' } as const;
    expect(detectWideLayout(names, time, rows)).toMatchObject({ dateColumn: 'Date', stepMs: 15 * 60_000 });
    expect(detectWideLayout(names, time, [['09/01/2012 06:00', 'A', ...QUARTERS.map(() => '1')]])).toBeNull();
    expect(detectWideLayout(names, { kind: 'column', column: 'Date', format: 'ymd-compact', label: '' }, [['20120901', 'A']])).toBeNull();
    expect(detectWideLayout(names, null, rows)).toBeNull();
  });

  it('unfolds a file with no time column onto the one day its title lines or header name', () => {
    const hours = Array.from({ length: 24 }, (_, h) => `${h}:00`);
    const rows = [['MQ_01', ...hours.map(() => '5')]];
    expect(detectWideLayout(['Name  /  Date: 2015_01_01', ...hours], null, rows)).toMatchObject({ dateColumn: null, titleDate: { iso: '2015-01-01' }, stepMs: 60 * 60_000 });
    expect(detectWideLayout(['Site', ...hours], null, rows, ['Hourly counts', 'Date: 14.03.2025'])).toMatchObject({ dateColumn: null, titleDate: { iso: '2025-03-14' } });
    // No day named, or two: nothing to put the hours on.
    expect(detectWideLayout(['Site', ...hours], null, rows)).toBeNull();
    expect(detectWideLayout(['Site', ...hours], null, rows, ['From 2025-03-14 to 2025-03-15'])).toBeNull();
  });
});
