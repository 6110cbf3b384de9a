import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { CellValue } from '../records';
import type { ColumnInfo } from '../schema';
import { exampleQueries, type ExampleQuery } from './exampleQueries';
import { LIVE_SYSTEM_COLUMNS, liveDataColumnNames, quoteIdentifier } from './sqlIdentifiers';

interface Row {
  values: CellValue[];
  time: string | null;
}

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** SQLite's text form of a time, with or without milliseconds. */
const sqliteTime = (ms: number, withMs: boolean): string => new Date(ms).toISOString().slice(0, withMs ? 23 : 19).replace('T', ' ');

/**
 * The live table as the SQL worker lays it out (electron/engine/sql/liveTableSchema.ts, which
 * this browser-side module cannot import; its test runs these examples on the real layout too),
 * holding `rows`, with offsets and arrival in row order.
 */
async function liveTable(columns: ColumnInfo[], rows: Row[], table = 'traffic'): Promise<Database> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  open.push(db);
  const names = liveDataColumnNames(columns.map((c) => c.name));
  const data = names.map((name, i) => `${quoteIdentifier(name)} ${columns[i]!.type === 'number' ? 'NUMERIC' : 'TEXT'}`);
  const { time, offset, partition, ingestedAt } = LIVE_SYSTEM_COLUMNS;
  const system = [`${time} TEXT`, `${offset} INTEGER`, `${partition} INTEGER`, `${ingestedAt} TEXT`];
  db.run(`CREATE TABLE ${quoteIdentifier(table)}(${[...data, ...system].join(', ')})`);
  const insert = db.prepare(`INSERT INTO ${quoteIdentifier(table)} VALUES (${[...data, ...system].map(() => '?').join(', ')})`);
  const arrival = Date.parse('2026-11-01T00:00:00Z');
  rows.forEach((row, index) => {
    const time = row.time === null ? null : sqliteTime(Date.parse(row.time), false);
    insert.run([...columns.map((_, i) => row.values[i] ?? null), time, index, index % 2, sqliteTime(arrival + index, true)]);
  });
  insert.free();
  return db;
}

function run(db: Database, example: ExampleQuery | undefined): SqlValue[][] {
  if (!example) throw new Error('example missing');
  const [result] = db.exec(example.sql);
  return result?.values ?? [];
}

const byTitle = (examples: ExampleQuery[], start: string): ExampleQuery | undefined => examples.find((e) => e.title.startsWith(start));

describe('exampleQueries on the original data set', () => {
  const columns: ColumnInfo[] = [
    { name: 'Time', type: 'time', role: 'timestamp' },
    { name: 'Date', type: 'time', role: 'timestamp' },
    { name: 'Day of the week', type: 'time', role: 'timestamp' },
    { name: 'CarCount', type: 'number', role: 'measure' },
    { name: 'Total', type: 'number', role: 'measure' },
    { name: 'Traffic Situation', type: 'text', role: 'category' },
    { name: 'Junction', type: 'text', role: 'location' },
  ];
  const row = (time: string, weekday: string, total: number, situation: string, junction: string): Row => ({
    values: [time.slice(11, 16), Number(time.slice(8, 10)), weekday, total - 1, total, situation, junction],
    time,
  });
  const rows = [
    row('2026-10-06T08:00:00Z', 'Tuesday', 40, 'low', 'J1'),
    row('2026-10-06T08:15:00Z', 'Tuesday', 60, 'normal', 'J2'),
    row('2026-10-07T09:00:00Z', 'Wednesday', 100, 'heavy', 'J1'),
    row('2026-10-07T09:30:00Z', 'Wednesday', 55, 'normal', 'J2'),
    row('2026-10-07T09:45:00Z', 'Wednesday', 10, 'low', 'J1'),
  ];
  const examples = exampleQueries(columns, 'traffic', 'Total');

  it('offers all four examples', () => {
    expect(examples.map((e) => e.title)).toEqual([
      'Rows where Total > 50, newest first',
      'Average Total per Day of the week',
      'Busiest Junction in the last hour of data',
      'Rows per Traffic Situation',
    ]);
  });

  it('filters Total > 50, newest first', async () => {
    const db = await liveTable(columns, rows);
    const result = run(db, examples[0]);
    expect(result.map((values) => values[4])).toEqual([55, 100, 60]);
  });

  it('averages Total per weekday column', async () => {
    const db = await liveTable(columns, rows);
    expect(run(db, examples[1])).toEqual([
      ['Wednesday', 55, 3],
      ['Tuesday', 50, 2],
    ]);
  });

  it('sums Total per junction over the last hour of data only', async () => {
    const db = await liveTable(columns, rows);
    // 08:45 onwards: 100 + 10 at J1, 55 at J2; the rows from the day before fall out.
    expect(run(db, examples[2])).toEqual([
      ['J1', 110],
      ['J2', 55],
    ]);
  });

  it('counts rows per traffic situation', async () => {
    const db = await liveTable(columns, rows);
    const counts = run(db, examples[3]);
    expect(counts[0]![1]).toBe(2);
    expect(new Map(counts.map(([situation, count]) => [situation, count]))).toEqual(
      new Map<SqlValue, SqlValue>([
        ['low', 2],
        ['normal', 2],
        ['heavy', 1],
      ]),
    );
  });
});

describe('exampleQueries on other shapes of data', () => {
  it('uses the main measure it is given, the weekday of _time, and quotes awkward and renamed names', async () => {
    const columns: ColumnInfo[] = [
      { name: 'Timestamp', type: 'time', role: 'timestamp' },
      { name: 'count', type: 'number', role: 'category' },
      { name: 'Flow rate', type: 'number', role: 'measure' },
      { name: 'FLOW RATE', type: 'number', role: 'measure' },
      { name: 'select', type: 'text', role: 'category' },
      { name: 'Sensor', type: 'text', role: 'location' },
    ];
    const row = (time: string, flow: number, level: string, sensor: string): Row => ({ values: [time, 1, flow, 999, level, sensor], time });
    const rows = [
      row('2026-10-04T10:00:00Z', 10, 'a', 's1'), // Sunday
      row('2026-10-04T11:00:00Z', 30, 'b', 's1'), // Sunday
      row('2026-10-05T11:00:00Z', 70, 'a', 's2'), // Monday
      row('2026-10-05T11:30:00Z', 80, 'a', 's1'), // Monday
    ];
    const examples = exampleQueries(columns, 'Live Data', 'Flow rate');
    expect(examples.map((e) => e.title)).toEqual([
      'Rows where Flow rate > 50, newest first',
      'Average Flow rate per day of the week',
      'Busiest Sensor in the last hour of data',
      'Rows per select',
    ]);
    expect(examples[0]!.sql).toContain('FROM "Live Data"');
    const db = await liveTable(columns, rows, 'Live Data');
    expect(run(db, examples[0]).map((values) => values[2])).toEqual([80, 70]);
    expect(run(db, examples[1])).toEqual([
      ['0', 20, 2],
      ['1', 75, 2],
    ]);
    expect(run(db, examples[2])).toEqual([
      ['s1', 80],
      ['s2', 70],
    ]);
    expect(run(db, examples[3])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
  });

  it('skips what needs a time or a location when the data has none', async () => {
    const columns: ColumnInfo[] = [
      { name: 'Total', type: 'text', role: 'category' },
      { name: 'Vehicles', type: 'number', role: 'measure' },
    ];
    // A text "Total" cannot be filtered by size; the main measure is the number column.
    const examples = exampleQueries(columns, 'traffic', 'Vehicles');
    expect(exampleQueries(columns, 'traffic', 'Total').map((e) => e.title)).toEqual(['Rows per Total']);
    expect(examples.map((e) => e.title)).toEqual(['Rows where Vehicles > 50, newest first', 'Rows per Total']);
    const db = await liveTable(columns, [
      { values: ['x', 51], time: null },
      { values: ['x', 50], time: null },
      { values: ['y', 99], time: null },
    ]);
    expect(run(db, byTitle(examples, 'Rows where'))).toEqual([
      ['y', 99, null, 2, 0, '2026-11-01 00:00:00.002'],
      ['x', 51, null, 0, 0, '2026-11-01 00:00:00.000'],
    ]);
    expect(run(db, byTitle(examples, 'Rows per'))).toEqual([
      ['x', 2],
      ['y', 1],
    ]);
  });

  it('keeps the weekday example without a time when a weekday column exists, and offers nothing without columns for it', () => {
    const weekdayOnly = exampleQueries(
      [
        { name: 'weekday', type: 'text', role: 'category' },
        { name: 'n', type: 'number', role: 'measure' },
      ],
      'traffic',
      'n',
    );
    expect(weekdayOnly.map((e) => e.title)).toEqual(['Rows where n > 50, newest first', 'Average n per weekday']);
    expect(exampleQueries([{ name: 'note', type: 'text', role: 'category' }], 'traffic', null).map((e) => e.title)).toEqual(['Rows per note']);
    expect(exampleQueries([], 'traffic', null)).toEqual([]);
  });
});
