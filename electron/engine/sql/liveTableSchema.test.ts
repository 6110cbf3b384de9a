import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { exampleQueries } from '../../../shared/sql/exampleQueries';
import { LIVE_SYSTEM_COLUMNS, liveDataColumnNames, quoteIdentifier } from '../../../shared/sql/sqlIdentifiers';
import { liveTableLayout, sqlTime, sqlTimestampMs } from './liveTableSchema';

const column = (name: string, type: ColumnInfo['type'] = 'number', role: ColumnInfo['role'] = 'measure'): ColumnInfo => ({ name, type, role });

const SYSTEM = [
  { name: '_time', type: 'TEXT', system: true },
  { name: '_offset', type: 'INTEGER', system: true },
  { name: '_partition', type: 'INTEGER', system: true },
  { name: '_ingested_at', type: 'TEXT', system: true },
];

describe('liveTableLayout', () => {
  it('maps the data columns in order, then adds the system columns', () => {
    const layout = liveTableLayout([
      column('Time', 'time', 'timestamp'),
      column('Day of the week', 'time', 'timestamp'),
      column('CarCount'),
      column('Traffic Situation', 'text', 'category'),
      column('Junction', 'text', 'location'),
    ]);
    expect(layout.columns).toEqual([
      { name: 'Time', type: 'TEXT', system: false },
      { name: 'Day of the week', type: 'TEXT', system: false },
      { name: 'CarCount', type: 'NUMERIC', system: false },
      { name: 'Traffic Situation', type: 'TEXT', system: false },
      { name: 'Junction', type: 'TEXT', system: false },
      ...SYSTEM,
    ]);
    expect(layout.valueIndex).toEqual([0, 1, 2, 3, 4]);
  });

  it('renames columns SQLite would take for one another, since it ignores case', () => {
    const layout = liveTableLayout([column('Total'), column('total'), column('TOTAL'), column('_TIME', 'text', 'category'), column('total_2')]);
    expect(layout.columns.map((c) => c.name)).toEqual(['Total', 'total_2', 'TOTAL_3', '_TIME_2', 'total_2_2', ...SYSTEM.map((c) => c.name)]);
    expect(layout.valueIndex).toEqual([0, 1, 2, 3, 4]);
  });

  it('names empty columns by their 1-based position', () => {
    expect(liveTableLayout([column('a'), column(''), column('  ')]).columns.slice(0, 3).map((c) => c.name)).toEqual(['a', 'column_2', 'column_3']);
    expect(liveTableLayout([column('column_2'), column('')]).columns.slice(0, 2).map((c) => c.name)).toEqual(['column_2', 'column_2_2']);
  });

  it('is a table SQLite accepts, with every column reachable by name', async () => {
    const layout = liveTableLayout([column('Total'), column('total'), column('select', 'text', 'category'), column('a "b"'), column('')]);
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    try {
      db.run(`CREATE TABLE t(${layout.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ')})`);
      db.run(`INSERT INTO t VALUES (${layout.columns.map((_, i) => i).join(', ')})`);
      const names = layout.columns.map((c) => quoteIdentifier(c.name)).join(', ');
      expect(db.exec(`SELECT ${names} FROM t`)[0]!.values).toEqual([[0, 1, '2', 3, 4, '5', 6, 7, '8']]);
    } finally {
      db.close();
    }
  });
});

describe('liveTableLayout and the example queries', () => {
  it('names columns exactly as the shared naming the examples rely on', () => {
    const columns = [column('Total'), column('TOTAL'), column(''), column('_time', 'text', 'category')];
    expect(liveTableLayout(columns).columns.map((c) => c.name)).toEqual([
      ...liveDataColumnNames(columns.map((c) => c.name)),
      ...Object.values(LIVE_SYSTEM_COLUMNS),
    ]);
  });

  it('runs every example on a table with this layout', async () => {
    const columns = [
      column('Time', 'time', 'timestamp'),
      column('Day of the week', 'time', 'timestamp'),
      column('Total'),
      column('total'),
      column('Traffic Situation', 'text', 'category'),
      column('Junction', 'text', 'location'),
    ];
    const layout = liveTableLayout(columns);
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    try {
      db.run(`CREATE TABLE traffic(${layout.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ')})`);
      const start = Date.parse('2026-10-07T09:00:00Z');
      [80, 20, 60].forEach((total, i) => {
        const values = ['9:00 AM', 'Wednesday', total, 0, total > 50 ? 'high' : 'low', `J${i % 2}`];
        const row = [...layout.valueIndex.map((index) => values[index] ?? null), sqlTime(start + i * 900_000), i, 0, sqlTimestampMs(start + i)];
        db.run(`INSERT INTO traffic VALUES (${row.map(() => '?').join(', ')})`, row);
      });
      const results = exampleQueries(columns, 'traffic', 'Total').map((example) => db.exec(example.sql)[0]?.values);
      expect(results).toEqual([
        [
          ['9:00 AM', 'Wednesday', 60, 0, 'high', 'J0', '2026-10-07 09:30:00', 2, 0, '2026-10-07 09:00:00.002'],
          ['9:00 AM', 'Wednesday', 80, 0, 'high', 'J0', '2026-10-07 09:00:00', 0, 0, '2026-10-07 09:00:00.000'],
        ],
        [['Wednesday', 160 / 3, 3]],
        [
          ['J0', 140],
          ['J1', 20],
        ],
        [
          ['high', 2],
          ['low', 1],
        ],
      ]);
    } finally {
      db.close();
    }
  });
});

describe('sqlTime and sqlTimestampMs', () => {
  const iso = (ms: number): string => new Date(ms).toISOString();

  it('write UTC times in SQLite form across day, month, year and leap-day boundaries', () => {
    const cases: [string, string, string][] = [
      ['1970-01-01T00:00:00.000Z', '1970-01-01 00:00:00', '1970-01-01 00:00:00.000'],
      ['2025-12-31T23:59:59.999Z', '2025-12-31 23:59:59', '2025-12-31 23:59:59.999'],
      ['2026-01-01T00:00:00.000Z', '2026-01-01 00:00:00', '2026-01-01 00:00:00.000'],
      ['2026-01-31T23:59:59.500Z', '2026-01-31 23:59:59', '2026-01-31 23:59:59.500'],
      ['2026-02-01T00:00:00.007Z', '2026-02-01 00:00:00', '2026-02-01 00:00:00.007'],
      ['2024-02-29T12:34:56.789Z', '2024-02-29 12:34:56', '2024-02-29 12:34:56.789'],
      ['2024-03-01T00:00:00.000Z', '2024-03-01 00:00:00', '2024-03-01 00:00:00.000'],
      ['1969-12-31T23:59:59.001Z', '1969-12-31 23:59:59', '1969-12-31 23:59:59.001'],
      ['0999-06-15T01:02:03.040Z', '0999-06-15 01:02:03', '0999-06-15 01:02:03.040'],
    ];
    // Twice, in another order: the cached day must never leak into the next one.
    for (const [input, time, stamp] of [...cases, ...cases.reverse()]) {
      const ms = Date.parse(input);
      expect(sqlTime(ms), input).toBe(time);
      expect(sqlTimestampMs(ms), input).toBe(stamp);
    }
  });

  it('agree with toISOString on many times', () => {
    let ms = Date.parse('2019-12-30T00:00:00Z');
    for (let i = 0; i < 5000; i++) {
      ms += Math.floor((i * 7919) % 100_000_000) + 1;
      const expected = iso(ms).replace('T', ' ').replace('Z', '');
      expect(sqlTimestampMs(ms)).toBe(expected);
      expect(sqlTime(ms)).toBe(expected.slice(0, 19));
    }
  });

  it('drop fractions of a millisecond, and refuse what is not a time', () => {
    expect(sqlTimestampMs(Date.parse('2026-10-01T08:15:00.000Z') + 0.9)).toBe('2026-10-01 08:15:00.000');
    expect(() => sqlTime(Number.NaN)).toThrow(RangeError);
    expect(() => sqlTimestampMs(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('read back through SQLite date functions', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    try {
      const ms = Date.parse('2026-10-04T23:45:00.250Z');
      const [result] = db.exec('SELECT strftime(?, ?), datetime(?, \'+15 minutes\'), unixepoch(?, \'subsec\')', [
        '%w',
        sqlTime(ms),
        sqlTime(ms),
        sqlTimestampMs(ms),
      ]);
      // 4 October 2026 is a Sunday; the quarter hour crosses midnight into Monday.
      expect(result!.values).toEqual([['0', '2026-10-05 00:00:00', ms / 1000]]);
    } finally {
      db.close();
    }
  });
});
