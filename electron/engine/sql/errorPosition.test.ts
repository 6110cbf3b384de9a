import initSqlJs, { type Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSqliteError, locateSqliteError } from './errorPosition';

const COLUMNS = ['Time', 'Day of the week', 'Total', 'Traffic Situation', 'Junction', '_time', '_offset', '_partition', '_ingested_at'];

let db: Database;

beforeAll(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database();
  db.run(`CREATE TABLE _store(${COLUMNS.map((name) => `"${name}"`).join(', ')})`);
  db.run('CREATE VIEW traffic AS SELECT * FROM _store');
  db.run('CREATE TABLE mine(a, Total)');
});

afterAll(() => db.close());

/** SQLite's own message for `sql`, as sql.js reports it. */
function sqliteError(sql: string): string {
  try {
    db.exec(sql);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected SQLite to reject ${sql}`);
}

/** Where the error points, as the text it covers. */
function pointedAt(sql: string): { message: string; text: string | null } {
  const message = sqliteError(sql);
  const span = locateSqliteError(sql, message);
  return { message, text: span ? sql.slice(span.from, span.to) : null };
}

describe('locateSqliteError with real SQLite messages', () => {
  it('finds the token a syntax error is near', () => {
    expect(pointedAt('SELEC * FROM traffic')).toEqual({ message: 'near "SELEC": syntax error', text: 'SELEC' });
    const sql = 'SELECT Total FROM traffic WHERE Total >> > 3';
    const message = sqliteError(sql);
    expect(message).toBe('near ">": syntax error');
    expect(locateSqliteError(sql, message)).toEqual({ from: sql.lastIndexOf('>'), to: sql.lastIndexOf('>') + 1 });
    expect(pointedAt('SELECT Day of the week FROM traffic')).toEqual({ message: 'near "the": syntax error', text: 'the' });
  });

  it('finds an unrecognized token, even an unterminated string', () => {
    expect(pointedAt("SELECT 'abc FROM traffic")).toEqual({ message: `unrecognized token: "'abc FROM traffic"`, text: "'abc FROM traffic" });
    expect(pointedAt('SELECT 1 # 2')).toEqual({ message: 'unrecognized token: "#"', text: '#' });
  });

  it('points at the last token, or the end, for incomplete input', () => {
    const sql = 'SELECT * FROM traffic WHERE ';
    expect(pointedAt(sql)).toEqual({ message: 'incomplete input', text: 'WHERE' });
    expect(locateSqliteError('  -- nothing', 'incomplete input')).toEqual({ from: 12, to: 12 });
  });

  it('finds a missing column, bare, quoted or qualified', () => {
    expect(pointedAt('SELECT Total, nope FROM traffic')).toEqual({ message: 'no such column: nope', text: 'nope' });
    expect(pointedAt('SELECT "Day of week" IS NULL, Total FROM traffic WHERE [Day of week] = 1')).toMatchObject({
      text: '"Day of week"',
    });
    expect(pointedAt('SELECT t.Total FROM traffic')).toEqual({ message: 'no such column: t.Total', text: 't.Total' });
    expect(pointedAt('SELECT traffic.nope FROM traffic')).toEqual({ message: 'no such column: traffic.nope', text: 'traffic.nope' });
    // Case never matters to SQLite, nor to the search.
    expect(pointedAt('SELECT NOPE FROM traffic WHERE nope = 1')).toEqual({ message: 'no such column: NOPE', text: 'NOPE' });
  });

  it('finds a missing table, function, an ambiguous column and a missing insert column', () => {
    expect(pointedAt('SELECT * FROM trafic')).toEqual({ message: 'no such table: trafic', text: 'trafic' });
    expect(pointedAt('SELECT * FROM main.trafic')).toEqual({ message: 'no such table: main.trafic', text: 'main.trafic' });
    expect(pointedAt('SELECT year(_time) FROM traffic')).toEqual({ message: 'no such function: year', text: 'year' });
    expect(pointedAt('SELECT Total FROM traffic, mine')).toEqual({ message: 'ambiguous column name: Total', text: 'Total' });
    expect(pointedAt('INSERT INTO mine(a, b) VALUES (1, 2)')).toEqual({ message: 'table mine has no column named b', text: 'b' });
  });

  it('gives no position when the message names nothing it can find', () => {
    expect(pointedAt('DELETE FROM traffic')).toEqual({ message: 'cannot modify traffic because it is a view', text: null });
    expect(locateSqliteError('SELECT 1', 'no such column: zzz')).toBeNull();
    expect(locateSqliteError('SELECT 1', 'near "zzz": syntax error')).toBeNull();
  });
});

describe('explainSqliteError', () => {
  it('suggests double quotes for a column name with spaces typed bare', () => {
    const sql = 'SELECT Day of the week FROM traffic';
    expect(explainSqliteError(sqliteError(sql), sql, COLUMNS)).toBe(
      'near "the": syntax error. Column names with spaces need double quotes, e.g. "Day of the week".',
    );
    const where = 'SELECT Total FROM traffic WHERE Day = 1';
    expect(explainSqliteError(sqliteError(where), where, COLUMNS)).toBe(
      'no such column: Day. Column names with spaces need double quotes, e.g. "Day of the week".',
    );
  });

  it('suggests a column that differs only in spaces or underscores', () => {
    const sql = 'SELECT Traffic_Situation FROM traffic';
    expect(explainSqliteError(sqliteError(sql), sql, COLUMNS)).toBe('no such column: Traffic_Situation. Did you mean "Traffic Situation"?');
    const time = 'SELECT time FROM mine';
    expect(explainSqliteError(sqliteError(time), time, COLUMNS)).toBe('no such column: time. Did you mean _time?');
  });

  it('never hints about upper and lower case, which SQLite ignores', () => {
    expect(explainSqliteError('no such column: zzz', 'SELECT zzz', COLUMNS)).toBe('no such column: zzz');
    // "TOTAL" would have worked; the trouble is the prefix.
    const sql = 'SELECT t.TOTAL FROM traffic';
    expect(explainSqliteError(sqliteError(sql), sql, COLUMNS)).toBe('no such column: t.TOTAL. "t" is not a table or alias in this query.');
  });

  it('names the live table when a table is missing', () => {
    const sql = 'SELECT * FROM trafic';
    expect(explainSqliteError(sqliteError(sql), sql, COLUMNS)).toBe('no such table: trafic. The live table is "traffic".');
  });

  it('offers the SQLite way for functions of other databases, and nothing for unknown ones', () => {
    const sql = 'SELECT YEAR(_time) FROM traffic';
    expect(explainSqliteError(sqliteError(sql), sql, COLUMNS)).toBe("no such function: YEAR. SQLite has no YEAR(); use strftime('%Y', _time).");
    expect(explainSqliteError('no such function: frobnicate', 'SELECT frobnicate()', COLUMNS)).toBe('no such function: frobnicate');
    // Names inherited by every JavaScript object are not hints.
    expect(explainSqliteError('no such function: constructor', 'SELECT constructor()', COLUMNS)).toBe('no such function: constructor');
  });

  it('explains an ambiguous column', () => {
    const sql = 'SELECT Total FROM traffic, mine';
    expect(explainSqliteError(sqliteError(sql), sql, COLUMNS)).toBe(
      'ambiguous column name: Total. More than one table in the query has a column Total; write table.Total (or alias.Total) to pick one.',
    );
  });

  it('passes other messages through unchanged', () => {
    const sql = 'SELECT * FROM traffic WHERE';
    expect(explainSqliteError(sqliteError(sql), sql, COLUMNS)).toBe('incomplete input');
    expect(explainSqliteError('near "FROM": syntax error', 'SELECT FROM traffic', COLUMNS)).toBe('near "FROM": syntax error');
  });
});
