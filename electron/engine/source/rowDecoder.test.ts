import { describe, expect, it } from 'vitest';
import type { ColumnInfo, TimeSource } from '../../../shared/schema';
import { TRAFFIC_SCHEMA } from '../testing/trafficFixture';
import { RowDecoder, type DecodedRecord } from './rowDecoder';
import type { TableSchema } from './tableSchema';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

const SPLIT: TimeSource = {
  kind: 'split',
  time: 'Time',
  day: 'Date',
  weekday: 'Day of the week',
  anchorYear: 2026,
  anchorMonth: 10,
  label: 'Time + Date + Day of the week, starting in October 2026',
};
const JUNCTION_SCHEMA: TableSchema = {
  columns: [...TRAFFIC_SCHEMA, { name: 'Junction', type: 'text', role: 'location' }],
  time: SPLIT,
  location: 'Junction',
  decimalComma: false,
  measure: 'Total',
  notes: [],
};

/** A row of the original shape at a time, day and weekday, for a junction. */
const row = (time: string, day: string, weekday: string, junction = 'J01', total = '20'): string[] => [time, day, weekday, '10', '2', '3', '5', total, 'low', junction];

const ok = (decoded: DecodedRecord): number | null => {
  if (!decoded.ok) throw new Error(`rejected: ${decoded.reason}`);
  return decoded.time;
};
const reason = (decoded: DecodedRecord): string => {
  if (decoded.ok) throw new Error('accepted');
  return decoded.reason;
};

describe('RowDecoder: the split form', () => {
  it('rolls the day and the month over from October 31 to November 1, with several junctions per slot', () => {
    const decoder = new RowDecoder(JUNCTION_SCHEMA);
    const slots: [string, string, string, number][] = [
      ['11:30:00 PM', '31', 'Saturday', utc(2026, 10, 31, 23, 30)],
      ['11:45:00 PM', '31', 'Saturday', utc(2026, 10, 31, 23, 45)],
      ['12:00:00 AM', '1', 'Sunday', utc(2026, 11, 1, 0, 0)],
      ['12:15:00 AM', '1', 'Sunday', utc(2026, 11, 1, 0, 15)],
      ['11:45:00 PM', '1', 'Sunday', utc(2026, 11, 1, 23, 45)],
      ['12:00:00 AM', '2', 'Monday', utc(2026, 11, 2, 0, 0)],
    ];
    for (const [time, day, weekday, expected] of slots) {
      for (const junction of ['J01', 'J02', 'J03']) {
        const decoded = decoder.decode(row(time, day, weekday, junction));
        expect(ok(decoded), `${time} day ${day} ${junction}`).toBe(expected);
        if (decoded.ok) expect(decoded.values).toEqual([time, day, weekday, 10, 2, 3, 5, 20, 'low', junction]);
      }
    }
    expect(decoder.snapshot()).toEqual({ year: 2026, month: 11, lastDay: 2 });
  });

  it('rolls December over into January of the next year', () => {
    const decoder = new RowDecoder({ ...JUNCTION_SCHEMA, time: { ...SPLIT, anchorMonth: 12 } });
    expect(ok(decoder.decode(row('11:45 PM', '31', 'Thursday')))).toBe(utc(2026, 12, 31, 23, 45));
    expect(ok(decoder.decode(row('12:00 AM', '1', 'Friday')))).toBe(utc(2027, 1, 1));
  });

  it('keeps rows slightly out of order in the same month', () => {
    const decoder = new RowDecoder(JUNCTION_SCHEMA);
    expect(ok(decoder.decode(row('8:00 AM', '11', 'Sunday')))).toBe(utc(2026, 10, 11, 8));
    expect(ok(decoder.decode(row('8:00 AM', '10', 'Saturday')))).toBe(utc(2026, 10, 10, 8));
  });

  it('rejects bad times of day and days of month with the column and the value', () => {
    const decoder = new RowDecoder(JUNCTION_SCHEMA);
    expect(reason(decoder.decode(row('25:00', '1', 'Thursday')))).toBe('column "Time" expects a time of day like 12:15:00 AM, found "25:00"');
    expect(reason(decoder.decode(row('13:15:00 PM', '1', 'Thursday')))).toContain('found "13:15:00 PM"');
    expect(reason(decoder.decode(row('noon', '1', 'Thursday')))).toContain('"Time"');
    expect(reason(decoder.decode(row('12:00 AM', '32', 'Thursday')))).toBe('column "Date" expects a day of the month (1 to 31), found "32"');
    expect(reason(decoder.decode(row('12:00 AM', '1.5', 'Thursday')))).toContain('found "1.5"');
    expect(reason(decoder.decode(row('12:00 AM', '0', 'Thursday')))).toContain('found "0"');
    expect(reason(decoder.decode(row('12:00 AM', '', 'Thursday')))).toContain('found ""');
  });

  it('rejects a day the month does not have, naming the month', () => {
    const decoder = new RowDecoder({ ...JUNCTION_SCHEMA, time: { ...SPLIT, anchorMonth: 11 } });
    expect(ok(decoder.decode(row('12:00 AM', '30', 'Monday')))).toBe(utc(2026, 11, 30));
    expect(reason(decoder.decode(row('12:15 AM', '31', 'Monday')))).toBe('no such date: day 31 of Nov 2026');
    const february = new RowDecoder({ ...JUNCTION_SCHEMA, time: { ...SPLIT, anchorMonth: 2 } });
    expect(reason(february.decode(row('12:00 AM', '29', 'Sunday')))).toBe('no such date: day 29 of Feb 2026');
  });

  it('leaves the timeline alone when a row is rejected, so a bad row cannot move the month', () => {
    const decoder = new RowDecoder(JUNCTION_SCHEMA);
    ok(decoder.decode(row('11:45 PM', '31', 'Saturday')));
    const before = decoder.snapshot();
    reason(decoder.decode(row('12:00 AM', '1', 'Sunday', 'J01', 'many'))); // a bad count
    reason(decoder.decode(row('99:00', '1', 'Sunday'))); // a bad time
    reason(decoder.decode([...row('12:00 AM', '1', 'Sunday'), 'extra'])); // a ragged row
    expect(decoder.snapshot()).toEqual(before);
    expect(ok(decoder.decode(row('11:45 PM', '31', 'Saturday', 'J02')))).toBe(utc(2026, 10, 31, 23, 45));
  });

  it('checks the fields before the time: a ragged row says how many fields it has', () => {
    const decoder = new RowDecoder(JUNCTION_SCHEMA);
    expect(reason(decoder.decode(['12:00 AM', '1']))).toBe('expected 10 fields, found 2');
  });

  it('resumes exactly where a snapshot was taken', () => {
    const first = new RowDecoder(JUNCTION_SCHEMA);
    ok(first.decode(row('11:45 PM', '31', 'Saturday')));
    ok(first.decode(row('12:00 AM', '1', 'Sunday')));
    const state = first.snapshot();
    const second = new RowDecoder(JUNCTION_SCHEMA);
    second.restore(state);
    const times: (number | null)[] = [];
    for (const [time, day] of [['12:15 AM', '1'], ['8:00 AM', '5'], ['12:00 AM', '30']] as const) {
      const resumed = ok(second.decode(row(time, day, 'x')));
      expect(resumed).toBe(ok(first.decode(row(time, day, 'x'))));
      times.push(resumed);
    }
    expect(times).toEqual([utc(2026, 11, 1, 0, 15), utc(2026, 11, 5, 8), utc(2026, 11, 30)]);
    expect(second.snapshot()).toEqual(first.snapshot());
    // A fresh decoder without the state would place November 5 in October.
    expect(ok(new RowDecoder(JUNCTION_SCHEMA).decode(row('8:00 AM', '5', 'x')))).toBe(utc(2026, 10, 5, 8));
    // restore(null) is a no-op (files without the split form have no state).
    second.restore(null);
    expect(second.snapshot()?.month).toBe(11);
  });
});

describe('RowDecoder: one timestamp column', () => {
  const columns: ColumnInfo[] = [
    { name: 'when', type: 'time', role: 'timestamp' },
    { name: 'sensor', type: 'text', role: 'location' },
    { name: 'speed', type: 'number', role: 'measure' },
  ];
  const schema = (format: 'iso' | 'mdy' | 'dmy' | 'dmy-dot' | 'epoch-s', decimalComma = false): TableSchema => ({
    columns,
    time: { kind: 'column', column: 'when', format, label: format },
    location: 'sensor',
    decimalComma,
    measure: 'speed',
    notes: [],
  });

  it('reads the time by the format and keeps the text as written', () => {
    expect(new RowDecoder(schema('iso')).decode(['2026-10-01T08:15:00+02:00', 'S1', '52'])).toEqual({
      ok: true,
      values: ['2026-10-01T08:15:00+02:00', 'S1', 52],
      time: utc(2026, 10, 1, 6, 15),
    });
    expect(ok(new RowDecoder(schema('mdy')).decode(['10/13/2026 8:15 PM', 'S1', '1']))).toBe(utc(2026, 10, 13, 20, 15));
    expect(ok(new RowDecoder(schema('dmy')).decode(['13/10/2026 20:15', 'S1', '1']))).toBe(utc(2026, 10, 13, 20, 15));
    expect(ok(new RowDecoder(schema('epoch-s')).decode(['1790842500', 'S1', '1']))).toBe(1_790_842_500_000);
  });

  it('reads zoned times as the clock written when the schema says so, and as instants otherwise', () => {
    const asWritten: TableSchema = { ...schema('iso'), time: { kind: 'column', column: 'when', format: 'iso', label: 'iso', zones: 'as-written' } };
    const decoder = new RowDecoder(asWritten);
    expect(ok(decoder.decode(['2026-10-01T08:15:00+02:00', 'S1', '1']))).toBe(utc(2026, 10, 1, 8, 15));
    expect(ok(decoder.decode(['2026-12-01T08:15:00.000+0100', 'S1', '1']))).toBe(utc(2026, 12, 1, 8, 15));
    expect(ok(decoder.decode(['2026-12-01 08:15:00 EST', 'S1', '1']))).toBe(utc(2026, 12, 1, 8, 15));
    expect(ok(decoder.decode(['2026-12-01T08:15:00', 'S1', '1']))).toBe(utc(2026, 12, 1, 8, 15));
    const instants: TableSchema = { ...asWritten, time: { kind: 'column', column: 'when', format: 'iso', label: 'iso', zones: 'utc' } };
    expect(ok(new RowDecoder(instants).decode(['2026-12-01T08:15:00-05:00', 'S1', '1']))).toBe(utc(2026, 12, 1, 13, 15));
  });

  it('rejects bad dates with the column, the format and the value', () => {
    const decoder = new RowDecoder(schema('iso'));
    expect(reason(decoder.decode(['2026-02-30 08:00', 'S1', '1']))).toBe(
      'column "when" expects ISO 8601 (2026-10-01T08:15:00Z), found "2026-02-30 08:00"',
    );
    expect(reason(decoder.decode(['2026-10-01T24:30', 'S1', '1']))).toContain('found "2026-10-01T24:30"');
    expect(reason(decoder.decode(['10/01/2026', 'S1', '1']))).toContain('"when"');
    expect(reason(decoder.decode(['  ', 'S1', '1']))).toBe('column "when" has no time');
    expect(reason(new RowDecoder(schema('dmy')).decode(['31/04/2026 08:00', 'S1', '1']))).toContain('found "31/04/2026 08:00"');
    const long = `2026-10-01T08:00:00${'9'.repeat(200)}`;
    expect(reason(decoder.decode([long, 'S1', '1'])).length).toBeLessThan(150);
  });

  it('reads measures with a decimal comma when the schema says so', () => {
    expect(new RowDecoder(schema('dmy-dot', true)).decode(['01.10.2026 08:15', 'S1', '52,5'])).toMatchObject({ ok: true, values: ['01.10.2026 08:15', 'S1', 52.5] });
  });

  it('has no time and no state when the file has no timestamp', () => {
    const decoder = new RowDecoder({ columns, time: null, location: null, decimalComma: false, measure: null, notes: [] });
    expect(decoder.decode(['anything', 'S1', '3'])).toEqual({ ok: true, values: ['anything', 'S1', 3], time: null });
    expect(decoder.snapshot()).toBeNull();
  });
});

describe('RowDecoder: monthly and yearly figures', () => {
  const period = (month: string | null): TableSchema => ({
    columns: [
      { name: 'JAHR', type: 'time', role: 'timestamp' },
      ...(month === null ? [] : [{ name: month, type: 'time' as const, role: 'timestamp' as const }]),
      { name: 'DTV', type: 'number', role: 'measure' },
    ],
    time: { kind: 'parts', date: null, dateFormat: null, year: 'JAHR', month, day: null, clock: null, hhmm: null, hour: null, minute: null, second: null, label: 'JAHR' },
    location: null,
    decimalComma: false,
    measure: 'DTV',
    notes: [],
  });

  it('places a row on the first of its month, the month written as a number or by name', () => {
    const decoder = new RowDecoder(period('MONAT'));
    expect(ok(decoder.decode(['2024', 'MÄRZ', '16758']))).toBe(utc(2024, 3, 1));
    expect(ok(decoder.decode(['2023', 'DEZ.', '1']))).toBe(utc(2023, 12, 1));
    expect(ok(decoder.decode(['2023', '7', '1']))).toBe(utc(2023, 7, 1));
    expect(reason(decoder.decode(['2023', 'Frühling', '1']))).toContain('expects a month');
  });

  it('places a row of a yearly table on 1 January of its year', () => {
    expect(ok(new RowDecoder(period(null)).decode(['2018', '177']))).toBe(utc(2018, 1, 1));
  });
});

describe('RowDecoder: rows that are no readings say what they are', () => {
  const schema: TableSchema = {
    columns: [
      { name: 'Date', type: 'time', role: 'timestamp' },
      { name: 'Site', type: 'text', role: 'location' },
      { name: 'Total', type: 'number', role: 'measure' },
    ],
    time: { kind: 'column', column: 'Date', format: 'iso', label: 'ISO 8601' },
    location: 'Site',
    decimalComma: false,
    measure: 'Total',
    notes: [],
  };

  it('names a totals row at the foot of a spreadsheet export by its label', () => {
    const decoder = new RowDecoder(schema);
    expect(reason(decoder.decode(['', 'Total', '9120']))).toMatch(/^a totals row \("Total"\), not a reading: column "Date" has no time$/);
    expect(reason(decoder.decode(['Grand total:', '', '9120']))).toMatch(/^a totals row \("Grand total:"\), not a reading/);
    expect(reason(decoder.decode(['', 'Summe', '9120']))).toMatch(/^a totals row \("Summe"\)/);
  });

  it('names the header line repeated in the middle of the data (files joined one after another)', () => {
    expect(reason(new RowDecoder(schema).decode(['Date', 'Site', 'Total']))).toMatch(/^the header line again, not a reading/);
  });

  it('keeps the parser’s reason for other bad rows, and accepts a timed row whose site is called Total', () => {
    const decoder = new RowDecoder(schema);
    expect(reason(decoder.decode(['soon', 'North', '12']))).toMatch(/^column "Date" expects ISO 8601.*, found "soon"$/);
    expect(reason(decoder.decode(['', 'Total Rd', '12']))).toBe('column "Date" has no time');
    expect(ok(decoder.decode(['2024-03-01 08:00', 'Total', '12']))).toBe(utc(2024, 3, 1, 8));
  });
});
