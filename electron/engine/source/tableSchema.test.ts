import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/envelope';
import type { SchemaOverrides } from '../../../shared/schema';
import { TRAFFIC_COLUMNS, TRAFFIC_SCHEMA, junctionFields, junctionRows, rowFields, trafficRows } from '../testing/trafficFixture';
import { resolveTableSchema, settleDayFirst, type TableSchema } from './tableSchema';

const REFERENCE = new Date(Date.UTC(2026, 10, 24)); // 24 November 2026

/** Rows of text from lines written with `delimiter`. */
const table = (lines: readonly string[], delimiter = ','): { names: string[]; rows: string[][] } => {
  const [header, ...rest] = lines.map((line) => line.split(delimiter));
  return { names: header as string[], rows: rest };
};

function resolve(lines: readonly string[], delimiter = ',', overrides: SchemaOverrides | null = null): TableSchema {
  const { names, rows } = table(lines, delimiter);
  return resolveTableSchema(names, rows, delimiter, overrides, REFERENCE);
}

const roles = (schema: TableSchema): Record<string, string> => Object.fromEntries(schema.columns.map((c) => [c.name, c.role]));

function overrides(partial: Partial<SchemaOverrides>): SchemaOverrides {
  return { roles: {}, timeFormat: null, anchor: null, ...partial };
}

function refused(run: () => unknown): CommandError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).code).toBe('INVALID_SCHEMA');
    return error as CommandError;
  }
  throw new Error('the schema was accepted');
}

/** The original data set's first rows, as written: day 10, a Tuesday. */
const ORIGINAL = [
  TRAFFIC_COLUMNS.join(','),
  '12:00:00 AM,10,Tuesday,31,0,4,4,39,low',
  '12:15:00 AM,10,Tuesday,49,0,3,3,55,low',
  '12:30:00 AM,10,Tuesday,46,0,3,6,55,low',
  '12:45:00 AM,10,Tuesday,51,0,2,5,58,low',
  '1:00:00 AM,10,Tuesday,57,6,15,16,94,normal',
];

describe('resolveTableSchema: the original data set', () => {
  it('reads Time, Date and Day of the week as one split time, the counts as measures and the situation as a category', () => {
    const schema = resolve(ORIGINAL);
    expect(schema.columns).toEqual(TRAFFIC_SCHEMA);
    // Day 10 was a Tuesday in November 2026, the latest such month up to the reference.
    expect(schema.time).toEqual({
      kind: 'split',
      time: 'Time',
      day: 'Date',
      weekday: 'Day of the week',
      anchorYear: 2026,
      anchorMonth: 11,
      label: 'Time + Date + Day of the week, weekday-checked, November 2026',
    });
    expect(schema.location).toBeNull();
    expect(schema.decimalComma).toBe(false);
  });

  it('anchors the month by the first row’s weekday: the fixture’s Thursday 1st is October 2026', () => {
    const schema = resolveTableSchema([...TRAFFIC_COLUMNS], trafficRows(200).map(rowFields), ',', null, REFERENCE);
    expect(schema.time).toMatchObject({ kind: 'split', anchorYear: 2026, anchorMonth: 10 });
  });

  it('with a Junction column: the junction is the location that keys the bus', () => {
    const rows = junctionRows(30, ['J01', 'J02', 'J03']).map(junctionFields);
    const schema = resolveTableSchema([...TRAFFIC_COLUMNS, 'Junction'], rows, ',', null, REFERENCE);
    expect(schema.columns).toEqual([...TRAFFIC_SCHEMA, { name: 'Junction', type: 'text', role: 'location' }]);
    expect(schema.location).toBe('Junction');
    expect(schema.time).toMatchObject({ kind: 'split', time: 'Time', day: 'Date', weekday: 'Day of the week' });
  });

  it('finds the split form without a weekday column', () => {
    const schema = resolve(['Time,Date,Total', '11:45 PM,31,12', '12:00 AM,1,9']);
    expect(schema.time).toMatchObject({ kind: 'split', time: 'Time', day: 'Date', weekday: null, anchorYear: 2026, anchorMonth: 10 });
    expect(roles(schema)).toEqual({ Time: 'timestamp', Date: 'timestamp', Total: 'measure' });
  });

  it('uses the anchor override for the split form’s month', () => {
    const schema = resolve(ORIGINAL, ',', overrides({ anchor: { year: 2024, month: 3 } }));
    expect(schema.time).toMatchObject({ anchorYear: 2024, anchorMonth: 3, label: 'Time + Date + Day of the week, starting in March 2024 (chosen)' });
  });
});

describe('resolveTableSchema: one timestamp column', () => {
  it.each([
    ['ISO 8601', 'timestamp', ['2026-10-01T08:00:00Z', '2026-10-01T08:15:00Z', '2026-10-01T08:30:00Z'], 'iso'],
    ['ISO with a space and no zone', 'Zeit', ['2026-10-01 08:00', '2026-10-01 08:15', '2026-10-01 08:30'], 'iso'],
    ['US month first', 'Date', ['10/13/2026 8:00 AM', '10/13/2026 8:15 AM', '10/13/2026 8:30 AM'], 'mdy'],
    ['day first (a day above 12 shows it)', 'date_time', ['13/10/2026 08:00', '13/10/2026 08:15', '14/10/2026 08:30'], 'dmy'],
    ['day first with dots', 'Datum', ['01.10.2026 08:00', '01.10.2026 08:15', '01.10.2026 08:30'], 'dmy-dot'],
    ['year first with slashes', 'when', ['2026/10/01 08:00', '2026/10/01 08:15', '2026/10/01 08:30'], 'ymd-slash'],
    ['Unix seconds', 'epoch', ['1790841600', '1790842500', '1790843400'], 'epoch-s'],
    ['Unix milliseconds', 'ts', ['1790841600000', '1790842500000', '1790843400000'], 'epoch-ms'],
  ])('%s', (_what, name, values, format) => {
    const lines = [`${name},sensor,vehicles`, ...values.map((value, i) => `${value},S${i % 2},${10 + i}`)];
    const schema = resolve(lines);
    expect(schema.time).toMatchObject({ kind: 'column', column: name, format });
    expect(schema.columns).toEqual([
      { name, type: 'time', role: 'timestamp' },
      { name: 'sensor', type: 'text', role: 'location' },
      { name: 'vehicles', type: 'number', role: 'measure' },
    ]);
    expect(schema.location).toBe('sensor');
  });

  it('does not take a count column for epoch time, nor a bare clock time for a timeline', () => {
    const counts = resolve(['Total,Speed', '1790841600,50', '1790841500,51']);
    expect(counts.time).toBeNull();
    expect(roles(counts)).toEqual({ Total: 'measure', Speed: 'measure' });
    const clock = resolve(['Time,Total', '08:00,5', '08:15,7']);
    expect(clock.time).toBeNull();
    expect(roles(clock)).toEqual({ Time: 'category', Total: 'measure' });
  });

  it('takes a count that moves from row to row over a number that holds for long runs (a movement id named as traffic)', () => {
    // Magdeburg's turning counts: movement 1…9 (`verkehrsstrom`, "traffic stream"), 12 quarter hours each.
    const lines = ['verkehrsstrom,intervall_start,pkw,lkw'];
    for (let movement = 1; movement <= 9; movement++) {
      for (let q = 0; q < 12; q++) lines.push(`${movement},${String(5 + Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')},${(movement * 7 + q * 5) % 40},${q % 3}`);
    }
    expect(resolve(lines).measure).toBe('pkw');
    // Without the moving count, the named one is still the measure.
    expect(resolve(lines.map((line) => line.split(',').slice(0, 2).join(','))).measure).toBe('verkehrsstrom');
  });

  it('prefers a column named like a time over another that happens to parse', () => {
    const schema = resolve(['created,event_time,n', '2026-01-01,2026-10-01T08:00,1', '2026-01-01,2026-10-01T08:15,2']);
    expect(schema.time).toMatchObject({ kind: 'column', column: 'event_time', format: 'iso' });
    expect(roles(schema)).toEqual({ created: 'category', event_time: 'timestamp', n: 'measure' });
  });
});

describe('resolveTableSchema: delimiters and decimal commas', () => {
  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('reads decimal-comma measures in a %s-separated file', (_name, delimiter) => {
    const lines = [
      ['Zeitstempel', 'Station', 'Geschwindigkeit', 'Anzahl', 'Lage'],
      ['01.10.2026 08:00', 'A1', '52,5', '12', 'frei'],
      ['01.10.2026 08:15', 'A2', '1.048,25', '7', 'dicht'],
      ['01.10.2026 08:30', 'A1', '49', '9', 'frei'],
    ].map((fields) => fields.join(delimiter));
    const schema = resolve(lines, delimiter);
    expect(schema.decimalComma).toBe(true);
    expect(schema.columns).toEqual([
      { name: 'Zeitstempel', type: 'time', role: 'timestamp' },
      { name: 'Station', type: 'text', role: 'location' },
      { name: 'Geschwindigkeit', type: 'number', role: 'measure' },
      { name: 'Anzahl', type: 'number', role: 'measure' },
      { name: 'Lage', type: 'text', role: 'category' },
    ]);
    expect(schema.time).toMatchObject({ kind: 'column', column: 'Zeitstempel', format: 'dmy-dot' });
  });

  it('never reads a decimal comma in a comma-separated file', () => {
    const schema = resolve(['Speed;x', '1,5;1'], ',');
    expect(schema.decimalComma).toBe(false);
  });
});

describe('resolveTableSchema: the user’s corrections', () => {
  it('applies roles by column name, types follow the role, unknown names are ignored', () => {
    const schema = resolve(
      ORIGINAL,
      ',',
      overrides({ roles: { BusCount: 'category', 'Traffic Situation': 'location', 'No such column': 'measure' } }),
    );
    expect(schema.columns.find((c) => c.name === 'BusCount')).toEqual({ name: 'BusCount', type: 'text', role: 'category' });
    expect(schema.columns.find((c) => c.name === 'Traffic Situation')).toEqual({ name: 'Traffic Situation', type: 'text', role: 'location' });
    expect(schema.location).toBe('Traffic Situation');
    expect(schema.columns).toHaveLength(TRAFFIC_COLUMNS.length);
  });

  it('moves the location to another column when the inferred one is demoted', () => {
    const rows = junctionRows(5, ['J01', 'J02']).map(junctionFields);
    const schema = resolveTableSchema(
      [...TRAFFIC_COLUMNS, 'Junction'],
      rows,
      ',',
      overrides({ roles: { Junction: 'category', 'Traffic Situation': 'location' } }),
      REFERENCE,
    );
    expect(schema.location).toBe('Traffic Situation');
    expect(roles(schema).Junction).toBe('category');
  });

  it('forces the format of a single timestamp column (ambiguous slashes read day-first on request)', () => {
    const lines = ['Date,Total', '01/02/2026 08:00,5', '03/04/2026 08:15,6'];
    expect(resolve(lines).time).toMatchObject({ format: 'mdy' });
    expect(resolve(lines, ',', overrides({ timeFormat: 'dmy' })).time).toMatchObject({ kind: 'column', column: 'Date', format: 'dmy' });
  });

  it('can drop the time altogether (rows then replay by row rate)', () => {
    const schema = resolve(ORIGINAL, ',', overrides({ roles: { Time: 'category', Date: 'measure', 'Day of the week': 'category' } }));
    expect(schema.time).toBeNull();
    expect(schema.columns.some((c) => c.role === 'timestamp')).toBe(false);
  });

  it('can make a text column the timestamp when its values are times', () => {
    const lines = ['when,Total', '2026-10-01 08:00,5', '2026-10-01 08:15,6'];
    const schema = resolve(lines, ',', overrides({ roles: { when: 'timestamp' } }));
    expect(schema.time).toMatchObject({ kind: 'column', column: 'when', format: 'iso' });
    // The split columns can be named by the user too, in another order.
    const split = resolve(['Hour,Day,Count', '11:00 PM,30,1', '11:15 PM,30,2'], ',', overrides({ roles: { Hour: 'timestamp', Day: 'timestamp' } }));
    expect(split.time).toMatchObject({ kind: 'split', time: 'Hour', day: 'Day', weekday: null });
  });
});

describe('resolveTableSchema: corrections that cannot work are refused with a clear message', () => {
  it('a text column as a measure, quoting a value that is not a number', () => {
    const error = refused(() => resolve(ORIGINAL, ',', overrides({ roles: { 'Traffic Situation': 'measure' } })));
    expect(error.message).toBe('Column "Traffic Situation" cannot be a measure: its values are not numbers (e.g. "low").');
  });

  it('two location columns, naming both', () => {
    const rows = junctionRows(5, ['J01', 'J02']).map(junctionFields);
    const error = refused(() =>
      resolveTableSchema([...TRAFFIC_COLUMNS, 'Junction'], rows, ',', overrides({ roles: { 'Traffic Situation': 'location' } }), REFERENCE),
    );
    expect(error.message).toContain('Only one column can identify the location');
    expect(error.message).toContain('"Traffic Situation"');
    expect(error.message).toContain('"Junction"');
  });

  it('timestamp columns that do not form one time', () => {
    // Without the day of month, a clock time and a weekday are no timeline.
    const noDay = refused(() => resolve(ORIGINAL, ',', overrides({ roles: { Date: 'measure' } })));
    expect(noDay.message).toContain('"Time", "Day of the week" do not form one time');
    const twoCounts = refused(() => resolve(ORIGINAL, ',', overrides({ roles: { CarCount: 'timestamp', BikeCount: 'timestamp', Time: 'category', Date: 'category', 'Day of the week': 'category' } })));
    expect(twoCounts.message).toContain('"CarCount", "BikeCount" do not form one time');
    const tooMany = refused(() => resolve(ORIGINAL, ',', overrides({ roles: { Total: 'timestamp' } })));
    expect(tooMany.message).toContain('do not form one time');
  });

  it('a single timestamp column that is no time, or only a time of day', () => {
    const notTime = refused(() => resolve(ORIGINAL, ',', overrides({ roles: { Time: 'category', Date: 'category', 'Day of the week': 'category', 'Traffic Situation': 'timestamp' } })));
    expect(notTime.message).toContain('Column "Traffic Situation" does not look like a time (e.g. "low")');
    const clockOnly = refused(() => resolve(ORIGINAL, ',', overrides({ roles: { Date: 'measure', 'Day of the week': 'category' } })));
    expect(clockOnly.message).toContain('Column "Time" holds only a time of day');
  });

  it('a forced format that reads none of the values', () => {
    const error = refused(() => resolve(['Date,Total', '2026-10-01 08:00,5', '2026-10-01 08:15,6'], ',', overrides({ timeFormat: 'mdy' })));
    expect(error.message).toBe('Column "Date" cannot be read as Month/day/year (10/1/2026 8:15 AM) (e.g. "2026-10-01 08:00").');
  });
});

describe('resolveTableSchema: edge cases', () => {
  it('gives every column a role even without sample rows', () => {
    const schema = resolveTableSchema(['a', 'b'], [], ',', null, REFERENCE);
    expect(schema.columns).toEqual([
      { name: 'a', type: 'text', role: 'category' },
      { name: 'b', type: 'text', role: 'category' },
    ]);
    expect(schema.time).toBeNull();
  });

  it('anchors the split form by the first row that has a day of month, skipping a blank or bad one', () => {
    const lines = [
      'Time,Date,Day of the week,Total',
      '12:00:00 AM,,Thursday,5', // the day is missing: this row will be rejected, it cannot anchor
      '12:15:00 AM,x,Thursday,5',
      '12:30:00 AM,1,Thursday,6',
      '12:45:00 AM,1,Thursday,7',
      '1:00:00 AM,1,Thursday,8',
      '1:15:00 AM,1,Thursday,8',
    ];
    // 1 October 2026 is the latest Thursday the 1st up to the reference.
    expect(resolve(lines).time).toMatchObject({ kind: 'split', anchorYear: 2026, anchorMonth: 10 });
  });
});

describe('resolveTableSchema: the split form’s month from every row', () => {
  /** Quarter-hour rows from day `from` for `days` days with the weekday each date has in `year`-`month`. */
  function splitRows(year: number, month: number, from: number, days: number, weekdays: (date: Date) => string): string[] {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const lines = ['Time,Date,Day of the week,Total'];
    for (let d = 0; d < days; d++) {
      const date = new Date(Date.UTC(year, month - 1, from + d));
      for (const clock of ['12:00:00 AM', '6:00:00 AM', '12:00:00 PM', '6:00:00 PM']) {
        lines.push(`${clock},${date.getUTCDate()},${weekdays(date) || names[date.getUTCDay()]},${10 + d}`);
      }
    }
    return lines;
  }
  const own = (): string => '';

  it('picks the latest month in which every day exists and every weekday agrees (10th to 31st, then 1st to 9th)', () => {
    // Tuesday the 10th, with a 31st: November 2026 (30 days) cannot hold it; March 2026 can.
    const schema = resolve(splitRows(2026, 3, 10, 31, own));
    expect(schema.time).toMatchObject({ kind: 'split', anchorYear: 2026, anchorMonth: 3 });
    expect(schema.time?.label).toContain('weekday-checked, March 2026');
    expect(schema.notes.join(' ')).not.toContain('Unsure');
  });

  it('never picks a month that ends after the reference day', () => {
    // Starting Tuesday 10 November: the file runs to 9 December 2026, after the reference (24 November).
    // The latest earlier month with a Tuesday 10th and 30 days (day 1 follows day 30) is June 2025.
    const schema = resolve(splitRows(2026, 11, 10, 30, own));
    expect(schema.time).toMatchObject({ anchorYear: 2025, anchorMonth: 6 });
  });

  it('fits the month to most rows and says how many rows’ weekdays disagree', () => {
    // Day 21 and 22 swapped, as in the tutorial's own file.
    const swap = (date: Date): string => (date.getUTCDate() === 21 ? 'Sunday' : date.getUTCDate() === 22 ? 'Saturday' : '');
    const schema = resolve(splitRows(2026, 3, 10, 31, swap));
    expect(schema.time).toMatchObject({ anchorYear: 2026, anchorMonth: 3 });
    expect(schema.notes.join(' ')).toContain('of 8 rows');
  });

  /** The same rows written newest first, as "latest first" exports are. */
  const newestFirst = (lines: readonly string[]): string[] => [lines[0] as string, ...lines.slice(1).reverse()];

  it('a file written newest first (9th back to 1st, then 31st back to 10th) is placed in the same months', () => {
    const schema = resolve(newestFirst(splitRows(2026, 3, 10, 31, own)));
    // The first row is 9 April 2026: the anchor is the first row's month, and the days run back into March.
    expect(schema.time).toMatchObject({ kind: 'split', anchorYear: 2026, anchorMonth: 4, newestFirst: true });
    expect(schema.time?.label).toContain('weekday-checked, newest first from April 2026');
    expect(schema.notes.join(' ')).not.toContain('Unsure');
  });

  it('a file written oldest first is not marked newest first', () => {
    const schema = resolve(splitRows(2026, 3, 10, 31, own));
    expect(schema.time).not.toHaveProperty('newestFirst');
  });

  it('newest first across a year: 8 January back to 20 December', () => {
    const schema = resolve(newestFirst(splitRows(2025, 12, 20, 20, own)));
    expect(schema.time).toMatchObject({ kind: 'split', anchorYear: 2026, anchorMonth: 1, newestFirst: true });
  });

  it('newest first: never picks a month whose newest row is after the reference day', () => {
    // 9 December 2026 back to Tuesday 10 November: after the reference (24 November). The latest
    // earlier fit has a Tuesday 10th in a 30-day month: June 2025, so the first row is in July 2025.
    const schema = resolve(newestFirst(splitRows(2026, 11, 10, 30, own)));
    expect(schema.time).toMatchObject({ anchorYear: 2025, anchorMonth: 7, newestFirst: true });
  });

  it('says so when the weekdays fit no month, and places the days without them', () => {
    const scrambled = (date: Date): string => ['Monday', 'Friday', 'Sunday'][date.getUTCDate() % 3] as string;
    const schema = resolve(splitRows(2026, 3, 10, 20, scrambled));
    expect(schema.notes.join(' ')).toMatch(/weekdays in "Day of the week" fit no month/);
    expect(schema.time?.label).toContain('weekdays not checked');
  });
});

describe('resolveTableSchema: locations, identifiers and the main measure', () => {
  /** Hourly rows for `places`, one row per place per hour. */
  function perPlace(header: string, places: readonly string[], row: (time: string, place: string, i: number) => string): string[] {
    const lines = [header];
    let i = 0;
    for (let hour = 0; hour < 24; hour++) {
      const time = `2025-03-01 ${String(hour).padStart(2, '0')}:00`;
      for (const place of places) lines.push(row(time, place, i++));
    }
    return lines;
  }

  it('takes a column that is the sum of other counts as the main measure, and says so (Fremont Bridge)', () => {
    // The published header quotes names with a comma; the test's table splits plainly, so without it.
    const header = 'Date,Fremont Bridge Sidewalks south of N 34th St,Fremont Bridge Sidewalks south of N 34th St Cyclist East Sidewalk,Fremont Bridge Sidewalks south of N 34th St Cyclist West Sidewalk';
    const lines = [header];
    for (let hour = 0; hour < 24; hour++) {
      const east = (hour * 7) % 40;
      const west = (hour * 11) % 60;
      lines.push(`11/30/2023 ${String(hour).padStart(2, '0')}:00,${east + west},${east},${west}`);
    }
    const schema = resolve(lines);
    expect(schema.measure).toBe('Fremont Bridge Sidewalks south of N 34th St');
    const note = schema.notes.find((line) => line.startsWith('Measure:')) ?? '';
    expect(note).toContain('a total: the sum of "Fremont Bridge Sidewalks south of N 34th St Cyclist East Sidewalk" and');
    expect(note).not.toContain('weather');
  });

  it('never takes a speed, quality share or calendar number as a part of a total', () => {
    const lines = ['tag;stunde;qualitaet;q_kfz;v_kfz;q_pkw;q_lkw'];
    for (let hour = 0; hour < 24; hour++) lines.push(`01.01.2024;${hour};1.0;${100 + hour + 1};${60 + hour};${100 + hour};1`);
    const schema = resolve(lines, ';');
    expect(schema.measure).toBe('q_kfz');
    expect(schema.notes.join(' ')).toContain('the sum of "q_pkw" and "q_lkw"');
  });

  it('a junction numbered 1..4 is the location, not a measure, and an ID column is never the measure', () => {
    const schema = resolve(perPlace('DateTime,Junction,Vehicles,ID', ['1', '2', '3', '4'], (t, p, i) => `${t},${p},${20 + ((i * 7) % 50)},${20250301000 + i}`));
    expect(schema.location).toBe('Junction');
    expect(roles(schema)).toMatchObject({ Junction: 'location', Vehicles: 'measure', ID: 'category' });
    expect(schema.measure).toBe('Vehicles');
  });

  it('finds a location under a name in no known language from its values repeating once per time slot', () => {
    const schema = resolve(perPlace('Zeit;Ort der Erfassung;Anzahl', ['Königsplatz', 'Südbahnhof', 'Marktplatz'], (t, p, i) => `${t};${p};${i % 97}`), ';');
    expect(schema.location).toBe('Ort der Erfassung');
    expect(schema.notes.join(' ')).toContain('repeat once per time slot');
  });

  it('does not take a text category that repeats within a slot (a traffic situation) for the location', () => {
    const schema = resolve(perPlace('timestamp,situation,flow', ['a', 'b', 'c'], (t, _p, i) => `${t},${['low', 'low', 'high'][i % 3]},${i}`));
    expect(schema.location).toBeNull();
  });

  it('chooses the traffic volume over weather columns that come first', () => {
    const schema = resolve(perPlace('temp,rain_1h,clouds_all,date_time,traffic_volume', ['x'], (t, _p, i) => `${280 + (i % 9)},0,${i % 100},${t},${1000 + i * 13}`));
    expect(schema.measure).toBe('traffic_volume');
  });

  it.each([
    ['Débit horaire', 'Taux d’occupation;Débit horaire'],
    ['intensidad', 'ocupacion;intensidad'],
    ['q', 'k;q'],
  ])('names %s the measure in another language or notation', (expected, columns) => {
    const schema = resolve(perPlace(`time;${columns}`, ['x'], (t, _p, i) => `${t};${i % 40};${100 + i}`), ';');
    expect(schema.measure).toBe(expected);
  });

  it('reads a date column and a time-of-day column as one time', () => {
    const schema = resolve(['Date,Time,site,volume', '2025-03-14,08:15,A,10', '2025-03-14,08:30,A,12', '2025-03-15,00:00,A,3']);
    expect(schema.time).toMatchObject({ kind: 'parts', date: 'Date', dateFormat: 'iso', clock: 'Time' });
  });

  it('reads year, month, day, hour and minute columns as one time', () => {
    const schema = resolve(['Yr,M,D,HH,MM,SegmentID,Vol', '2024,3,14,8,15,1201,40', '2024,3,14,8,30,1201,44', '2024,3,14,8,45,1201,38']);
    expect(schema.time).toMatchObject({ kind: 'parts', year: 'Yr', month: 'M', day: 'D', hour: 'HH', minute: 'MM' });
    expect(schema.measure).toBe('Vol');
  });

  it('reads a year and a month by name (monthly figures) as one time, the month as the publisher abbreviates it', () => {
    // Vienna's permanent counts: `JAHR;MONAT` with German capitals, some abbreviated with a dot.
    const lines = ['JAHR;MONAT;ZNR;ZNAME;STRNR;DTVMS'];
    for (const month of ['MÄRZ', 'FEB.', 'JAN.', 'DEZ.', 'NOV', 'OKT']) lines.push(`2024;${month};1075;Reichsbrücke;8;16758`, `2024;${month};1078;Floridsdorfer Brücke;2;21000`);
    const schema = resolve(lines, ';');
    expect(schema.time).toMatchObject({ kind: 'parts', year: 'JAHR', month: 'MONAT', day: null, label: 'JAHR + MONAT' });
    expect(roles(schema)).toMatchObject({ JAHR: 'timestamp', MONAT: 'timestamp', ZNR: 'location', STRNR: 'category' });
    expect(schema.measure).toBe('DTVMS');
    // Numbered months too, in another language.
    expect(resolve(['anno,mese,stazione,veicoli', '2023,1,A,5', '2023,2,B,6']).time).toMatchObject({ kind: 'parts', year: 'anno', month: 'mese' });
  });

  it('reads a year alone (yearly figures) as the time when the file has no finer one', () => {
    const schema = resolve(['Any,Codi,IMD,Any 1', '2018,57043443,177,2016', '2020,57043443,181,2016', '2018,90-308,5120,2019', '2020,90-308,4980,2019']);
    expect(schema.time).toMatchObject({ kind: 'parts', year: 'Any', month: null, day: null });
    expect(schema.measure).toBe('IMD');
    expect(roles(schema)['Any 1']).toBe('category');
    // Beside a full timestamp the year only repeats it: the timestamp is the time.
    const dated = resolve(['fecha,anyo,zona,aforo', '2019-01-01T00:00:00Z,2019,1,12140', '2019-01-01T00:00:00Z,2019,2,16762']);
    expect(dated.time).toMatchObject({ kind: 'column', column: 'fecha' });
    expect(roles(dated).anyo).toBe('category');
  });

  it('reads a year (and an hour) written by pandas as a float, 2021.0, as the whole number it is', () => {
    const schema = resolve(['year,id,AADT', '2021.0,98655V181055,5543', '2022.0,61358V181333,1138', '1997.0,81027V181044,1866', '1998.0,81027V181044,1888']);
    expect(schema.time).toMatchObject({ kind: 'parts', year: 'year', month: null, day: null });
    expect(schema.measure).toBe('AADT');
    const hourly = resolve(['date,hour,count', '2024-01-01,0.0,5', '2024-01-01,1.0,7', '2024-01-01,2.0,9']);
    expect(hourly.time).toMatchObject({ kind: 'parts', date: 'date', hour: 'hour' });
    // A fraction that is not zero is no whole number.
    expect(resolve(['year,count', '2021.5,3', '2022.5,4']).time).toBeNull();
  });

  it('reads a date-only column and an hour column called time as one time, and a coordinate column is no location', () => {
    // Semicolons, so the coordinate pair's comma needs no quotes here.
    const lines = ['date_time;mdate;time;sensor_id;sensor_name;hourly_counts;location'];
    for (let hour = 0; hour < 6; hour++) {
      for (const [id, name] of [['1', 'Bourke St (N)'], ['2', 'Bourke St (S)'], ['3', 'Town Hall']]) {
        lines.push(`11/21/2016;21;${hour};${id};${name};${40 + hour * Number(id)};(-37.81${id}, 144.96${id})`);
      }
    }
    const schema = resolve(lines, ';');
    expect(schema.time).toMatchObject({ kind: 'parts', date: 'date_time', hour: 'time' });
    expect(schema.location).toBe('sensor_id');
    expect(schema.measure).toBe('hourly_counts');
    expect(roles(schema)).toMatchObject({ mdate: 'category', location: 'category' });
  });

  it('beside a full timestamp, the repeated day of month and an hour called time are labels, not measures', () => {
    const lines = ['date_time,mdate,time,sensor_id,hourly_counts'];
    for (let hour = 0; hour < 6; hour++) for (const id of ['1', '2', '3']) lines.push(`11/21/2016 ${hour}:00,21,${hour},${id},${40 + hour * Number(id)}`);
    const schema = resolve(lines);
    expect(schema.time).toMatchObject({ kind: 'column', column: 'date_time' });
    expect(roles(schema)).toMatchObject({ mdate: 'category', time: 'category', hourly_counts: 'measure' });
  });

  it('reads a compact date and a time written HHMM as one time, and an Excel day number named Date as a time', () => {
    const lines = ['Date,Time,Station,Volume'];
    for (const time of ['0', '15', '30', '45', '100', '115', '1430', '2345']) for (const station of ['101', '102']) lines.push(`20250310,${time},${station},${40 + Number(time) % 17}`);
    const schema = resolve(lines);
    expect(schema.time).toMatchObject({ kind: 'parts', date: 'Date', dateFormat: 'ymd-compact', hhmm: 'Time' });
    expect(schema.location).toBe('Station');
    expect(schema.measure).toBe('Volume');

    const excel = resolve(['Date,site,volume', '45726.0104166667,A,12', '45726.0208333333,A,14', '45726.03125,A,9']);
    expect(excel.time).toMatchObject({ kind: 'column', column: 'Date', format: 'excel-serial' });
  });

  it('times a date written with a midnight clock by the hour column beside it, but not a timestamp sampled at one moment', () => {
    const counts = ['count_point_id,count_date,hour,all_motor_vehicles'];
    for (const point of ['501', '946']) for (let hour = 7; hour < 12; hour++) counts.push(`${point},2019-06-12 00:00:00,${hour},${100 + hour}`);
    expect(resolve(counts).time).toMatchObject({ kind: 'parts', date: 'count_date', hour: 'hour' });
    // Every sampled row at one midnight over many sensors, beside an hour column that repeats it: the timestamp is the time.
    const moment = ['timestamp,sensor_id,hour,volume'];
    for (let sensor = 1; sensor <= 12; sensor++) moment.push(`2019-06-12 00:00:00,${sensor},0,${sensor * 3}`);
    expect(resolve(moment).time).toMatchObject({ kind: 'column', column: 'timestamp' });
  });

  it('finds an hour column under a name it does not know by its values, and never takes daily junction ids 1..24 for hours', () => {
    const hourly = ['dato;klokketime;målested;kjøretøy'];
    for (let day = 8; day <= 9; day++) for (const place of ['Oslo S', 'Sinsen']) for (let hour = 0; hour < 24; hour++) hourly.push(`2023-05-0${day};${hour};${place};${100 + ((hour * 37 + day) % 400)}`);
    const schema = resolve(hourly, ';');
    expect(schema.time).toMatchObject({ kind: 'parts', date: 'dato', hour: 'klokketime' });
    expect(schema.location).toBe('målested');
    expect(schema.measure).toBe('kjøretøy');
    const daily = ['Date,Junction,Total'];
    for (let day = 8; day <= 9; day++) for (let junction = 1; junction <= 24; junction++) daily.push(`2023-05-0${day},${junction},${1000 + junction * 13}`);
    expect(resolve(daily).time).toMatchObject({ kind: 'column', column: 'Date' });
    // Small counts 0..23 are not as even as hours are.
    const counts = ['Date,reading'];
    for (let i = 0; i < 96; i++) counts.push(`2023-05-0${8 + (i % 2)},${(i * i * 7 + 3) % 24}`);
    expect(resolve(counts).time).toMatchObject({ kind: 'column', column: 'Date' });
    // Montréal's daily bike counts at a quiet counter: 0..23, as even as hours, but one a day.
    const winter = ['Date;Pierre-Dupuy'];
    for (let day = 0; day < 48; day++) winter.push(`${new Date(Date.UTC(2012, 0, 1 + day)).toISOString().slice(0, 10)};${(day * 5) % 24}`);
    expect(resolve(winter, ';').time).toMatchObject({ kind: 'column', column: 'Date' });
  });

  it('reads a time of day written with a dot (13.30) beside a date, but not decimal hours', () => {
    const dotted = resolve(['Dato;Klokkeslett;Sted;Antall', '2023-01-01;00.00;A;5', '2023-01-01;00.15;A;7', '2023-01-01;13.30;A;9', '2023-01-01;23.45;A;4'], ';');
    expect(dotted.time).toMatchObject({ kind: 'parts', date: 'Dato', clock: 'Klokkeslett' });
    const decimalHours = resolve(['Date,Time,Site,Count', '2023-01-01,7.5,A,5', '2023-01-01,8.25,A,7', '2023-01-01,9.125,A,9']);
    expect(decimalHours.time).toMatchObject({ kind: 'column', column: 'Date' });
  });

  it('says when a column holds times of day and nothing holds the date', () => {
    const schema = resolve(['Time,Site,Count', '00:00,A,5', '00:15,A,7', '00:30,A,9']);
    expect(schema.time).toBeNull();
    expect(schema.notes.join(' ')).toContain('"Time" holds times of day only, and no column holds the date');
  });

  it('settles the order of day and month from later rows only when the first rows could be read either way', () => {
    const head = ['Date,Site,Count', ...Array.from({ length: 9 }, (_, i) => `0${i + 1}/03/2023 08:00,A,${i}`)];
    const open = resolve(head);
    expect(open.time).toMatchObject({ format: 'mdy' });
    const names = ['Date', 'Site', 'Count'];
    const samples = head.slice(1).map((line) => line.split(','));
    expect(settleDayFirst(open, names, samples, [['13/03/2023 08:00', 'A', '1']]).time).toMatchObject({ format: 'dmy' });
    // Later rows that fit both, or one month-first only among them, leave it as it was.
    expect(settleDayFirst(open, names, samples, [['11/03/2023 08:00', 'A', '1']]).time).toMatchObject({ format: 'mdy' });
    expect(settleDayFirst(open, names, samples, [['13/03/2023 08:00', 'A', '1'], ['03/14/2023 08:00', 'A', '1']]).time).toMatchObject({ format: 'mdy' });
    // A first block that showed a 13 decided already; a contradicting later row does not undo it.
    const decided = ['Date,Site,Count', '13/03/2023 08:00,A,1', '14/03/2023 08:00,A,2'];
    const dayFirst = resolve(decided);
    expect(settleDayFirst(dayFirst, names, decided.slice(1).map((line) => line.split(',')), [['03/15/2023 08:00', 'A', '1']]).time).toMatchObject({ format: 'dmy' });
    // A format the user chose stays.
    expect(settleDayFirst(open, names, samples, [['13/03/2023 08:00', 'A', '1']], { roles: {}, timeFormat: 'mdy', anchor: null }).time).toMatchObject({ format: 'mdy' });
  });

  it('prefers a timestamp whose times of day vary to a date column before it, and keeps a period start before its end', () => {
    const intervals = ['count_date,location_id,time_start,time_end,volume'];
    for (let q = 0; q < 8; q++) {
      const start = new Date(Date.UTC(2022, 4, 10, 0, q * 15)).toISOString().slice(0, 19);
      const end = new Date(Date.UTC(2022, 4, 10, 0, q * 15 + 15)).toISOString().slice(0, 19);
      intervals.push(`2022-05-10,4400,${start},${end},${q + 10}`);
    }
    expect(resolve(intervals).time).toMatchObject({ kind: 'column', column: 'time_start' });
    const months = ['ID,START_INTERVAL,END_INTERVAL,DEVICE_ID,VEHICLES_COUNT'];
    for (let m = 1; m <= 6; m++) months.push(`${m},2024-0${m}-01 00:00:00,2024-0${m}-28 23:59:59,17,${m * 1000}`);
    expect(resolve(months).time).toMatchObject({ kind: 'column', column: 'START_INTERVAL' });
  });

  it('says plainly when a file has one column per time of day, which it reads as measures', () => {
    const times = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);
    const lines = [['Date', 'Site', ...times].join(','), ...['A', 'B'].map((site) => ['2025-03-14', site, ...times.map((_, i) => String(i))].join(','))];
    expect(resolve(lines).notes.join(' ')).toContain('One column per time of day (96 columns, "00:00" … "23:45")');
    // A file with a couple of clock-named columns is no such layout.
    expect(resolve(['Date,Site,07:00,08:00', '2025-03-14,A,1,2', '2025-03-15,A,3,4']).notes.join(' ')).not.toContain('One column per time of day');
  });

  it('names the time format with the file’s own first value, and says how zoned times are read', () => {
    const plain = resolve(['time,site,flow', '2025-03-14 08:00,A,10', '2025-03-14 08:15,A,11']);
    expect(plain.time?.label).toBe('ISO 8601, as 2025-03-14 08:00');
    expect(plain.notes.join(' ')).not.toContain('UTC');
    expect(plain.time).not.toHaveProperty('zones');
    // Local offsets (Paris, winter and summer): the clock written, so 08:00 stays the morning peak.
    const zoned = resolve(['time;site;flow', '2024-01-04T22:00:00+01:00;A;10', '2024-06-05T04:00:00+02:00;A;11'], ';');
    expect(zoned.time).toMatchObject({ kind: 'column', zones: 'as-written' });
    expect(zoned.notes.join(' ')).toContain('"time" writes its times with their zone (+01:00, +02:00, as in "2024-01-04T22:00:00+01:00"): they are read as the clock written');
    // UTC times beside local ones (two loggers): instants, so rows of one moment meet.
    const mixed = resolve(['time,site,flow', '2025-06-01T08:15:00+02:00,A,10', '2025-06-01T06:15:00Z,B,11']);
    expect(mixed.time).toMatchObject({ kind: 'column', zones: 'utc' });
    expect(mixed.notes.join(' ')).toContain('mixes UTC times with local offsets (+02:00)');
    // The user's choice in Edit roles wins either way.
    const chosen = resolve(['time;site;flow', '2024-01-04T22:00:00+01:00;A;10', '2024-06-05T04:00:00+02:00;A;11'], ';', { roles: {}, timeFormat: null, anchor: null, zones: 'utc' });
    expect(chosen.time).toMatchObject({ kind: 'column', zones: 'utc' });
    expect(chosen.notes.join(' ')).toContain('as chosen in Edit roles, every time is converted to UTC');
    // UTC only: nothing to convert and nothing to say.
    const utcOnly = resolve(['time,site,flow', '2025-06-01T06:15:00Z,A,10', '2025-06-01T06:30:00Z,A,11']);
    expect(utcOnly.time).not.toHaveProperty('zones');
    expect(utcOnly.notes.join(' ')).not.toContain('zone');
  });

  it('says when a second column also reads as time', () => {
    const schema = resolve(['start,end,flow', '2025-03-14 08:00,2025-03-14 08:15,10', '2025-03-14 08:15,2025-03-14 08:30,11']);
    expect(schema.notes.join(' ')).toContain('Unsure of the time');
  });

  it('says when no column holds numbers to measure', () => {
    expect(resolve(['when,site', '2025-03-14 08:00,A', '2025-03-14 08:15,B']).notes.join(' ')).toContain('No column holds numbers');
  });

  it('the user’s choice of measure wins', () => {
    const schema = resolve(['time,flow,speed', '2025-03-14 08:00,10,50', '2025-03-14 08:15,11,52'], ',', overrides({ measure: 'speed' }));
    expect(schema.measure).toBe('speed');
  });
});

describe('resolveTableSchema: a count-point export with vehicle classes', () => {
  it('reads date + hour as the time, the count point as the location, and all motor vehicles as the measure', () => {
    const header = 'count_point_id,direction_of_travel,year,count_date,hour,region_id,latitude,longitude,pedal_cycles,two_wheeled_motor_vehicles,cars_and_taxis,all_hgvs,all_motor_vehicles';
    const lines = [header];
    for (const point of ['501', '502', '503']) {
      for (let hour = 7; hour <= 18; hour++) lines.push(`${point},N,2019,2019-06-14,${hour},3,51.5,-0.1,${hour % 5},${hour % 7},${100 + hour},${10 + hour},${120 + hour * 2}`);
    }
    const schema = resolve(lines);
    expect(schema.time).toMatchObject({ kind: 'parts', date: 'count_date', hour: 'hour' });
    expect(schema.location).toBe('count_point_id');
    expect(schema.measure).toBe('all_motor_vehicles');
    expect(roles(schema)).toMatchObject({ year: 'category', region_id: 'category', latitude: 'category', longitude: 'category' });
    expect(schema.notes).toContain('"latitude", "longitude" read as coordinates, not measures.');
    expect(schema.notes.join(' ')).not.toMatch(/"latitude"[^.]*identifiers/);
  });
});
