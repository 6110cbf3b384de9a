/*
 * Parse speed (Node 20, one core; 1,000,000 distinct strings, parsed in a loop after a warm-up),
 * measured with a throwaway script of the form
 *
 *   const texts = Array.from({ length: 1e6 }, (_, i) => new Date(Date.UTC(2026, 9, 1) + i * 61_123).toISOString());
 *   for (let r = 0; r < 5; r++) { const t0 = performance.now(); for (const s of texts) TIME_FORMATS.iso.parse(s);
 *     console.log(texts.length / ((performance.now() - t0) / 1000)); }
 *
 * run with `npx tsx`. Best of 5 runs, millions of parses per second:
 *   iso `2026-10-01T08:15:00.123Z` 11.6 · iso `2026-10-01 08:15:00` 11.1 · iso `…+02:00` 8.2
 *   mdy `3/14/2026 7:15 PM` 11.3 · dmy-dot `01.10.2026 08:15` 11.9 · clock `12:15:00 AM` 27.0
 *   epoch-s 35.9 · epoch-ms 31.8 · (for comparison, `new Date(iso).getTime()` 7.3)
 */
import { describe, expect, it } from 'vitest';
import { TIME_FORMATS, detectTimeFormat, type TimeFormatId } from './timeFormats';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s, ms);
const parse = (id: TimeFormatId, text: string): number | null => TIME_FORMATS[id].parse(text);
const clock = (h: number, m: number, s = 0, ms = 0): number => ((h * 60 + m) * 60 + s) * 1000 + ms;

describe('iso', () => {
  it.each([
    ['2026-10-01T08:15:00Z', utc(2026, 10, 1, 8, 15)],
    ['2026-10-01T08:15:00z', utc(2026, 10, 1, 8, 15)],
    ['2026-10-01T08:15:00.123+02:00', utc(2026, 10, 1, 6, 15, 0, 123)],
    ['2026-10-01T08:15:00.1+0200', utc(2026, 10, 1, 6, 15, 0, 100)],
    ['2026-10-01T08:15:00.123456789-05:30', utc(2026, 10, 1, 13, 45, 0, 123)],
    ['2026-10-01T08:15+02', utc(2026, 10, 1, 6, 15)],
    ['2026-10-01 08:15:00+00:00', utc(2026, 10, 1, 8, 15)],
    ['2026-10-01 08:15:00 UTC', utc(2026, 10, 1, 8, 15)],
    ['2026-10-01 08:15', utc(2026, 10, 1, 8, 15)],
    ['2026-10-01 08:15:30', utc(2026, 10, 1, 8, 15, 30)],
    ['2026-10-01T23:59:59.999', utc(2026, 10, 1, 23, 59, 59, 999)],
    ['2026-10-01', utc(2026, 10, 1)],
    ['  2026-10-01 08:15  ', utc(2026, 10, 1, 8, 15)],
    ['2024-02-29', utc(2024, 2, 29)],
    ['2000-02-29', utc(2000, 2, 29)],
    ['1969-12-31T23:59:59Z', utc(1969, 12, 31, 23, 59, 59)],
    ['0050-06-01', new Date(0).setUTCFullYear(50, 5, 1)], // not 1950, as Date.UTC would read it
  ])('%s', (text, expected) => {
    expect(parse('iso', text)).toBe(expected);
  });

  it('agrees with Date for zoned times across many instants', () => {
    for (let t = utc(1999, 12, 25); t < utc(2031, 1, 1); t += 86_400_000 * 13.37) {
      const instant = Math.round(t);
      expect(parse('iso', new Date(instant).toISOString())).toBe(instant);
    }
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-10-00',
    '2026-10-01T24:01',
    '2026-10-01T24:00:30',
    '2026-10-01T25:00',
    '2026-10-01T12:60',
    '2026-10-01T12:30:60',
    '2026-10-01T12',
    '2026-10-01T',
    '2026-10-01T08:15:00+24:00',
    '2026-10-01T08:15:00+02:',
    '2026-10-01T08:15:00Zx',
    '2026-10-01X08:15',
    '26-10-01',
    '2026/10/01',
    '10/01/2026',
    '',
    'hello',
  ])('%s is not ISO', (text) => {
    expect(parse('iso', text)).toBeNull();
  });
});

describe('mdy (US)', () => {
  it.each([
    ['10/1/2026 8:15', utc(2026, 10, 1, 8, 15)],
    ['10/01/2026 08:15', utc(2026, 10, 1, 8, 15)],
    ['3/14/2026 7:15:30', utc(2026, 3, 14, 7, 15, 30)],
    ['3/14/2026 7:15 PM', utc(2026, 3, 14, 19, 15)],
    ['3/14/2026 7:15:09 pm', utc(2026, 3, 14, 19, 15, 9)],
    ['3/14/2026 7:15PM', utc(2026, 3, 14, 19, 15)],
    ['3/14/2026, 7:15:00\u202fPM', utc(2026, 3, 14, 19, 15)],
    ['3/14/2026 12:05 AM', utc(2026, 3, 14, 0, 5)],
    ['3/14/2026 12:05 PM', utc(2026, 3, 14, 12, 5)],
    ['3/14/2026 8:15:00 a.m.', utc(2026, 3, 14, 8, 15)],
    ['3/14/2026 12:30 p.m.', utc(2026, 3, 14, 12, 30)],
    ['3/14/2026 11:45 P.M.', utc(2026, 3, 14, 23, 45)],
    ['3/14/2026', utc(2026, 3, 14)],
    ['12/31/2026 23:59', utc(2026, 12, 31, 23, 59)],
  ])('%s', (text, expected) => {
    expect(parse('mdy', text)).toBe(expected);
  });

  it.each([
    ['3/14/26', Date.UTC(2026, 2, 14)],
    ['10/01/17', Date.UTC(2017, 9, 1)],
    ['12/31/99 11:00 PM', Date.UTC(1999, 11, 31, 23)],
  ])('%s has a two-digit year, read as spreadsheets read it', (text, expected) => {
    expect(parse('mdy', text)).toBe(expected);
  });

  it.each(['13/13/2026', '14/3/2026', '2/30/2026', '3/14/126', '3/14/2', '3/14/2026 13:15 PM', '3/14/2026 0:15 AM', '3/14/2026 8:15 a.m', '3/14/2026 8:15 a.x.', '3/14/2026 24:15', '3/14/2026 12:60', '3-14-2026'])(
    '%s is not month-first',
    (text) => {
      expect(parse('mdy', text)).toBeNull();
    },
  );
});

describe('dmy (slashes, day first)', () => {
  it.each([
    ['14/3/2026 7:15', utc(2026, 3, 14, 7, 15)],
    ['01/10/2026 08:15:30', utc(2026, 10, 1, 8, 15, 30)],
    ['31/12/2026', utc(2026, 12, 31)],
    ['31/12/2026 11:00 PM', utc(2026, 12, 31, 23)],
  ])('%s', (text, expected) => {
    expect(parse('dmy', text)).toBe(expected);
  });

  it.each(['3/14/2026', '30/2/2026', '13/13/2026', '14/3/2026 25:00'])('%s is not day-first', (text) => {
    expect(parse('dmy', text)).toBeNull();
  });
});

describe('dmy-dot', () => {
  it.each([
    ['01.10.2026 08:15', utc(2026, 10, 1, 8, 15)],
    ['1.10.2026 8:15:30', utc(2026, 10, 1, 8, 15, 30)],
    ['14.03.2026', utc(2026, 3, 14)],
    ['29.02.2024 23:00', utc(2024, 2, 29, 23)],
  ])('%s', (text, expected) => {
    expect(parse('dmy-dot', text)).toBe(expected);
  });

  it.each(['29.02.2026', '01.13.2026', '32.01.2026', '01.10.2026 24:30', '01/10/2026'])('%s is not dotted', (text) => {
    expect(parse('dmy-dot', text)).toBeNull();
  });
});

describe('ymd-slash', () => {
  it.each([
    ['2026/10/01 08:15', utc(2026, 10, 1, 8, 15)],
    ['2026/10/01 08:15:30', utc(2026, 10, 1, 8, 15, 30)],
    ['2026/1/5', utc(2026, 1, 5)],
    ['2026.10.01 08:15', utc(2026, 10, 1, 8, 15)],
    ['2026. 10. 01. 8:15', utc(2026, 10, 1, 8, 15)],
    ['2026.1.5', utc(2026, 1, 5)],
  ])('%s', (text, expected) => {
    expect(parse('ymd-slash', text)).toBe(expected);
  });

  it.each(['2026/02/30', '2026/13/01', '2026-10-01', '01/10/2026', '2026/10.01', '2026.10', '2026.5'])('%s is not year-first', (text) => {
    expect(parse('ymd-slash', text)).toBeNull();
  });
});

describe('epoch', () => {
  it('reads seconds, integer or decimal, within 1e9..4e9', () => {
    expect(parse('epoch-s', '1790842500')).toBe(utc(2026, 10, 1, 8, 15));
    expect(parse('epoch-s', '1790842500.123')).toBe(utc(2026, 10, 1, 8, 15, 0, 123));
    expect(parse('epoch-s', ' 1000000000 ')).toBe(1e12);
    expect(parse('epoch-s', '4000000000')).toBe(4e12);
    for (const text of ['999999999', '4000000001', '1790842500000', '-1790842500', '1.79e9', '1790842500.', '0x6ab', ''])
      expect(parse('epoch-s', text)).toBeNull();
  });

  it('reads milliseconds within 1e12..4e12', () => {
    expect(parse('epoch-ms', '1790842500000')).toBe(utc(2026, 10, 1, 8, 15));
    expect(parse('epoch-ms', '1790842500123.4')).toBe(utc(2026, 10, 1, 8, 15, 0, 123));
    for (const text of ['1790842500', '999999999999', '4000000000001', 'abc']) expect(parse('epoch-ms', text)).toBeNull();
  });

  it('reads microseconds and nanoseconds to the millisecond, and only in their own range', () => {
    expect(parse('epoch-us', '1790842500123456')).toBe(utc(2026, 10, 1, 8, 15, 0, 123));
    expect(parse('epoch-ns', '1790842500123456789')).toBe(utc(2026, 10, 1, 8, 15, 0, 123));
    for (const text of ['1790842500000', '1790842500123456789']) expect(parse('epoch-us', text)).toBeNull();
    for (const text of ['1790842500123456', 'abc']) expect(parse('epoch-ns', text)).toBeNull();
    // A column named as time picks the unit its values are in.
    expect(detectTimeFormat(['1790842500123456', '1790842560123456'], 'ts')?.id).toBe('epoch-us');
    expect(detectTimeFormat(['1790842500123456789', '1790842560123456789'], 'event_ts')?.id).toBe('epoch-ns');
  });
});

describe('clock', () => {
  it.each([
    ['12:15:00 AM', clock(0, 15)],
    ['12:00:00 AM', 0],
    ['12:15:00 PM', clock(12, 15)],
    ['8:30 PM', clock(20, 30)],
    ['8:30 am', clock(8, 30)],
    ['11:59:59 PM', clock(23, 59, 59)],
    ['08:30', clock(8, 30)],
    ['0:00', 0],
    ['23:45:10', clock(23, 45, 10)],
    ['23:45:10.250', clock(23, 45, 10, 250)],
    // Hour-ending reports close the day at 24:00.
    ['24:00', clock(24, 0)],
    // An interval of the day is read as its start.
    ['08:00-08:15', clock(8, 0)],
    ['07:00 - 08:00', clock(7, 0)],
    ['23:45\u201300:00', clock(23, 45)],
    ['7:00 AM to 8:00 AM', clock(7, 0)],
  ])('%s', (text, expected) => {
    expect(parse('clock', text)).toBe(expected);
  });

  it('24:00 after a date is the next day’s midnight', () => {
    expect(parse('iso', '2025-03-10 24:00')).toBe(utc(2025, 3, 11));
    expect(parse('mdy', '12/31/2025 24:00')).toBe(utc(2026, 1, 1));
  });

  it.each(['24:01', '08:00-', '08:00-25:00', '08:00 x 09:00', '25:00', '12:60', '12:30:60', '13:00 PM', '0:30 AM', '8', '8:5', '8:30 XM', '2026-10-01 08:30', ''])(
    '%s is not a time of day',
    (text) => {
      expect(parse('clock', text)).toBeNull();
    },
  );
});

describe('a calendar month alone', () => {
  it('2008-07 is the month, read as its first day; other shapes are not', () => {
    expect(parse('iso', '2008-07')).toBe(utc(2008, 7, 1));
    expect(detectTimeFormat(['2008-07', '2008-08', '2008-09'], 'måned')?.id).toBe('iso');
    expect(parse('iso', '2008-7')).toBeNull();
    expect(parse('iso', '2008-13')).toBeNull();
    expect(parse('iso', '2019-20')).toBeNull();
  });
});

describe('an interval written in one cell', () => {
  it('is read by its start, whatever the form of the date', () => {
    expect(parse('mdy', '11/04/2024 14:00 - 14:59')).toBe(utc(2024, 11, 4, 14, 0));
    expect(parse('iso', '2024-01-01 00:00 - 00:15')).toBe(utc(2024, 1, 1, 0, 0));
    expect(parse('iso', '2024-01-01 23:45 - 2024-01-02 00:00')).toBe(utc(2024, 1, 1, 23, 45));
    expect(parse('dmy-dot', '14.03.2025 07:00 bis 08:00')).toBe(utc(2025, 3, 14, 7, 0));
    expect(detectTimeFormat(['11/04/2024 14:00 - 14:59', '11/04/2024 15:00 - 15:59', '11/13/2024 16:00 - 16:59'])?.id).toBe('mdy');
  });

  it('is no time when its end is none or comes before its start, and a dashed date is never cut', () => {
    expect(parse('mdy', '11/04/2024 14:00 - 25:00')).toBeNull();
    expect(parse('iso', '2024-01-02 00:00 - 2024-01-01 23:45')).toBeNull();
    expect(parse('mdy', '11/04/2024 14:00 - later')).toBeNull();
    expect(parse('dmy-dash', '01-10-2026 08:15')).toBe(utc(2026, 10, 1, 8, 15));
  });
});

describe('ymd-compact with the time of day', () => {
  it('reads 12 and 14 digits as the date with hours, minutes and seconds, and refuses other lengths or impossible clocks', () => {
    expect(parse('ymd-compact', '20230101')).toBe(utc(2023, 1, 1));
    expect(parse('ymd-compact', '202301010815')).toBe(utc(2023, 1, 1, 8, 15));
    expect(parse('ymd-compact', '20230101081530')).toBe(utc(2023, 1, 1, 8, 15, 30));
    expect(parse('ymd-compact', '20230101240000')).toBe(utc(2023, 1, 2));
    expect(parse('ymd-compact', '20230101086000')).toBeNull();
    expect(parse('ymd-compact', '2023010108')).toBeNull();
  });

  it('is found under a time name (SCATS End_Time), not under another', () => {
    const ends = ['20230101001500', '20230101003000', '20230101004500'];
    expect(detectTimeFormat(ends, 'End_Time')?.id).toBe('ymd-compact');
    expect(detectTimeFormat([...ends].reverse(), 'Sum_Volume')).toBeNull();
  });
});

describe('ymd-compact-short (YYMMDD)', () => {
  it('reads a six-digit year-first date, two-digit years 00-69 in this century', () => {
    expect(parse('ymd-compact-short', '180305')).toBe(utc(2018, 3, 5));
    expect(parse('ymd-compact-short', '991231')).toBe(utc(1999, 12, 31));
    expect(parse('ymd-compact-short', '180230')).toBeNull();
    expect(parse('ymd-compact-short', '20180305')).toBeNull();
  });

  it('is a time only under a date name, and only while the sample keeps one year in the first two digits', () => {
    const days = ['180305', '180305', '180306', '180307'];
    expect(detectTimeFormat(days, 'Datum')?.id).toBe('ymd-compact-short');
    expect(detectTimeFormat(days, 'count_date')?.id).toBe('ymd-compact-short');
    // The same numbers under another name are ids or counts.
    expect(detectTimeFormat(days, 'Zst')).toBeNull();
    // Day first (DDMMYY, 5, 6, 7 March 2018): the first two digits move every day.
    expect(detectTimeFormat(['050318', '060318', '070318'], 'Datum')).toBeNull();
  });
});

describe('parsers never throw', () => {
  it('on odd input', () => {
    const odd = ['', ' ', '\u0000', '::', '1/', '2026-', '2026-10-01T08:15:00.', '+', '12:15:00 A', '9'.repeat(400), '١٢:٣٠'];
    for (const format of Object.values(TIME_FORMATS)) for (const text of odd) expect(() => format.parse(text)).not.toThrow();
  });
});

describe('zone abbreviations', () => {
  it.each([
    ['2025-03-14 08:00 EST', utc(2025, 3, 14, 13)],
    ['2025-07-14 08:00:00 EDT', utc(2025, 7, 14, 12)],
    ['3/14/2025 8:00 PM CST', utc(2025, 3, 15, 2)],
    ['2025-07-14T08:00 CEST', utc(2025, 7, 14, 6)],
    ['2025-03-14 08:00 cet', utc(2025, 3, 14, 7)],
  ])('%s', (text, expected) => expect(TIME_FORMATS[text.includes('/') ? 'mdy' : 'iso'].parse(text)).toBe(expected));
  it.each(['2025-03-14 08:00 IST', '2025-03-14 08:00 XYZ', '2025-03-14 08:00 ESTX'])('%s is refused (ambiguous or unknown)', (text) => {
    expect(parse('iso', text)).toBeNull();
  });
});

describe('dates with the month by name', () => {
  it.each([
    ['14-Mar-2025', utc(2025, 3, 14)],
    ['14-Mar-25 08:15', utc(2025, 3, 14, 8, 15)],
    ['14 March 2025 17:45:30', utc(2025, 3, 14, 17, 45, 30)],
    ['Mar 14, 2025', utc(2025, 3, 14)],
    ['November 01, 2019 05:00:00 PM', utc(2019, 11, 1, 17)],
    ['Fri, 14 Mar 2025 08:15 +01:00', utc(2025, 3, 14, 7, 15)],
    ['3. März 2025 08:15', utc(2025, 3, 3, 8, 15)],
    ['1 févr. 2025', utc(2025, 2, 1)],
    ['15-ago-2024', utc(2024, 8, 15)],
    ['Sept. 9, 2024 12:00 AM', utc(2024, 9, 9)],
  ])('%s', (text, expected) => expect(parse('named-month', text)).toBe(expected));

  it.each(['31-Feb-2025', '14-Mxr-2025', 'Monday', 'November', '14.03.2025', 'Mar 14', '14-Mar-2025 25:00'])('%s is not', (text) => {
    expect(parse('named-month', text)).toBeNull();
  });

  it('is detected from a column of such dates', () => {
    expect(detectTimeFormat(['14-Mar-2025 08:15', '14-Mar-2025 08:30', '15-Mar-2025 00:00'])?.id).toBe('named-month');
  });
});

describe('dates written as numbers', () => {
  it.each([
    ['20250314', utc(2025, 3, 14)],
    [' 20241231 ', utc(2024, 12, 31)],
  ])('%s is a compact year-month-day', (text, expected) => expect(parse('ymd-compact', text)).toBe(expected));
  it.each(['20250230', '2025031', '202503140', '18991231', '2025-03-14'])('%s is not', (text) => expect(parse('ymd-compact', text)).toBeNull());

  it.each([
    // Counted by hand from 1899-12-30: 45726 days is 2025-03-10; .34375 of a day is 08:15.
    ['45726', utc(2025, 3, 10)],
    ['45726.34375', utc(2025, 3, 10, 8, 15)],
    ['45726.0104166667', utc(2025, 3, 10, 0, 15)],
  ])('%s is an Excel day number', (text, expected) => expect(parse('excel-serial', text)).toBe(expected));
  it.each(['19999', '80001', '4.5e4', 'abc'])('%s is not', (text) => expect(parse('excel-serial', text)).toBeNull());

  it('takes them for time only in a column named as one (daily counts of 25,000 look like Excel days)', () => {
    expect(detectTimeFormat(['45726.0104166667', '45726.0208333333'], 'Date')?.id).toBe('excel-serial');
    expect(detectTimeFormat(['45726', '25310', '31002'], 'AADT')).toBeNull();
    expect(detectTimeFormat(['20250310', '20250311'], 'Date')?.id).toBe('ymd-compact');
    expect(detectTimeFormat(['20250311', '20250310'], 'counter')).toBeNull();
  });
});

describe('detectTimeFormat', () => {
  const detect = (samples: readonly string[], name?: string): TimeFormatId | null =>
    detectTimeFormat(samples, name)?.id ?? null;

  it('recognises each written form', () => {
    expect(detect(['2026-10-01T08:15:00Z', '2026-10-01T08:30:00Z'])).toBe('iso');
    expect(detect(['2026-10-01 08:15', '2026-10-01 08:30:15', '2026-10-02'])).toBe('iso');
    expect(detect(['2026/10/01 08:15', '2026/10/01 08:30'])).toBe('ymd-slash');
    expect(detect(['12:15:00 AM', '12:30:00 AM', '1:00:00 PM'])).toBe('clock');
    expect(detect(['08:30', '23:45:10'])).toBe('clock');
  });

  it('reads slashes month-first when ambiguous or when the data shows it', () => {
    expect(detect(['01/02/2026 08:15', '03/04/2026 08:15', '12/11/2026 08:15'])).toBe('mdy');
    expect(detect(['3/14/2026 7:15 PM', '3/15/2026 7:15 PM', '3/1/2026 7:15 PM'])).toBe('mdy');
  });

  it('reads slashes day-first only when some first component is above 12', () => {
    expect(detect(['01/02/2026 08:15', '03/04/2026 08:15', '25/04/2026 08:15'])).toBe('dmy');
    expect(detect(['14/3/2026', '15/3/2026', '16/3/2026'])).toBe('dmy');
  });

  it('reads dots day-first always', () => {
    expect(detect(['01.02.2026 08:15', '03.04.2026 08:15'])).toBe('dmy-dot');
    expect(TIME_FORMATS[detect(['01.02.2026'])!].parse('01.02.2026')).toBe(utc(2026, 2, 1));
  });

  it('tells epoch seconds from milliseconds', () => {
    expect(detect(['1790842500', '1790843400', '1790844300'], 'timestamp')).toBe('epoch-s');
    expect(detect(['1790842500000', '1790843400000'], 'ts')).toBe('epoch-ms');
    expect(detect(['1790842500.5', '1790843400.25'], 'epoch')).toBe('epoch-s');
  });

  it('accepts epoch without a telling name only when every sample is in range and non-decreasing', () => {
    expect(detect(['1790842500', '1790842500', '1790843400'], 'value')).toBe('epoch-s');
    expect(detect(['1790842500', '1790843400'])).toBe('epoch-s');
    expect(detect(['1790843400', '1790842500'], 'value')).toBeNull();
    expect(detect(['1790843400', '1790842500'], 'Event time')).toBe('epoch-s');
    expect(detect(['1790843400', '1790842500'], 'eventTs')).toBe('epoch-s');
    expect(detect(['1790843400', '1790842500'], 'event_ts')).toBe('epoch-s');
    expect(detect(['1790842500'])).toBeNull();
  });

  it('never takes a count column for time', () => {
    expect(detect(['31', '0', '4', '39', '12'], 'CarCount')).toBeNull();
    expect(detect(['31', '40', '45', '50'], 'Total')).toBeNull();
    expect(detect(['1', '2', '3'], 'time')).toBeNull();
    // In epoch range but decreasing, and "Counts"/"Events" end in "ts" without meaning a timestamp.
    expect(detect(['3000000000', '1500000000', '2000000000'], 'Counts')).toBeNull();
    expect(detect(['3000000000', '1500000000', '2000000000'], 'Events')).toBeNull();
  });

  it('tolerates up to 5% unparsable samples (or a single one in a small sample)', () => {
    const good = Array.from({ length: 95 }, (_, i) => `2026-10-01 ${String(i % 24).padStart(2, '0')}:15`);
    expect(detect([...good, ...Array.from({ length: 5 }, () => 'n/a')])).toBe('iso');
    expect(detect([...good, ...Array.from({ length: 6 }, () => 'n/a')])).toBeNull();
    expect(detect(['2026-10-01', '2026-10-02', '2026-02-30'])).toBe('iso');
    expect(detect(['2026-10-01', 'oops', 'oops'])).toBeNull();
  });

  it('ignores empty samples; none at all means no format', () => {
    expect(detect(['', '2026-10-01', '  ', '2026-10-02'])).toBe('iso');
    expect(detect(['', ' '])).toBeNull();
    expect(detect([])).toBeNull();
  });

  it('finds no format in text', () => {
    expect(detect(['low', 'normal', 'high'])).toBeNull();
    expect(detect(['Tuesday', 'Wednesday'])).toBeNull();
  });

  it('labels every format with an example that parses', () => {
    for (const format of Object.values(TIME_FORMATS)) {
      const example = /\(([^)]+)\)$/.exec(format.label)?.[1];
      expect(example, format.id).toBeDefined();
      expect(format.parse(example!), format.id).not.toBeNull();
    }
  });
});
