/**
 * The live table's INSERT statements, bound directly and through sql.js's API, on SQLite's
 * ':memory:' opened in place of sql.js's file: the same values must read back either way.
 */
import { readFileSync } from 'node:fs';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareInsert, type Cell, type InsertStatement } from './insertStatement';
import { isInMemory, loadSqlJs, openDatabase, type LoadedSqlJs, type OpenedDatabase } from './memoryDatabase';
import { sqlWasmPath } from './sqlWasmPath';

let loaded: LoadedSqlJs;
let direct: OpenedDatabase;
let viaApi: OpenedDatabase;

beforeAll(async () => {
  const bytes = readFileSync(sqlWasmPath());
  loaded = await loadSqlJs(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  direct = openDatabase(loaded);
  // What a worker gets when sql.js's memory is out of reach: its own file, its own binding.
  viaApi = { db: new loaded.sql.Database(), direct: null };
});

afterAll(() => {
  direct.db.close();
  viaApi.db.close();
});

/** A fresh table `t` with one column per value, untyped (so each value keeps the type it was bound with) or typed like the live table's. */
function table(db: Database, columns: readonly string[]): void {
  db.run('DROP TABLE IF EXISTS t');
  db.run(`CREATE TABLE t (${columns.map((type, i) => `c${i} ${type}`).join(', ')})`);
}

function insertSql(columns: number, rows: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return `INSERT INTO t VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
}

/** Each stored value as SQLite sees it: its type and an exact rendering. */
function stored(db: Database, columns: number): string[][] {
  const select = Array.from({ length: columns }, (_, i) => `typeof(c${i}) || ':' || coalesce(hex(c${i}), 'NULL')`).join(', ');
  return (db.exec(`SELECT ${select} FROM t ORDER BY rowid`)[0]?.values ?? []) as string[][];
}

const VALUES: Cell[] = [
  0,
  -0,
  7,
  -123456,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  1.5,
  -0.1,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'J01',
  '12:00:00 AM',
  'Zürich – Café',
  'traffic 🚦 light',
  'nul\u0000inside',
  'lone \ud800 surrogate',
  null,
];

describe('openDatabase', () => {
  it("opens SQLite's ':memory:' in place of sql.js's file, with sql.js's extension functions", () => {
    expect(direct.direct).not.toBeNull();
    expect(isInMemory(direct.db)).toBe(true);
    expect(isInMemory(viaApi.db)).toBe(false);
    // Listed, not called: each call of one prints sql.js's deprecation warning.
    const legacy = "SELECT count(DISTINCT name) FROM pragma_function_list WHERE name IN ('padl', 'stdev', 'reverse')";
    expect(direct.db.exec(legacy)[0]?.values).toEqual([[3]]);
    expect(viaApi.db.exec(legacy)[0]?.values).toEqual([[3]]);
  });

  it('keeps views over views and the user functions working', () => {
    const { db } = direct;
    db.run('CREATE TABLE store (a, b)');
    db.run('CREATE VIEW live AS SELECT a, b FROM store');
    db.run('CREATE VIEW mine AS SELECT a * 2 AS twice FROM live');
    db.create_function('plus_one', (value: number) => value + 1);
    db.run('INSERT INTO store VALUES (1, 2), (3, 4)');
    expect(db.exec('SELECT plus_one(twice) FROM mine ORDER BY 1')[0]?.values).toEqual([[3], [7]]);
    db.run('DROP VIEW mine');
    db.run('DROP VIEW live');
    db.run('DROP TABLE store');
  });

  it("falls back to sql.js's file when the module's memory is unknown", () => {
    const opened = openDatabase({ sql: loaded.sql, memory: null });
    try {
      expect(opened.direct).toBeNull();
      expect(isInMemory(opened.db)).toBe(false);
      opened.db.run('CREATE TABLE t (a)');
      opened.db.run('INSERT INTO t VALUES (1)');
      expect(opened.db.exec('SELECT count(*) FROM t')[0]?.values).toEqual([[1]]);
    } finally {
      opened.db.close();
    }
  });
});

describe('prepareInsert', () => {
  const both = (): [string, OpenedDatabase][] => [
    ['direct', direct],
    ['sql.js', viaApi],
  ];

  it('stores every kind of value as sql.js binds it, in untyped and typed columns', () => {
    for (const types of [VALUES.map(() => ''), VALUES.map((_, i) => (i % 3 === 0 ? 'NUMERIC' : i % 3 === 1 ? 'TEXT' : 'INTEGER'))]) {
      const results = both().map(([, opened]) => {
        table(opened.db, types);
        const statement = prepareInsert(opened.db, opened.direct, insertSql(VALUES.length, 1));
        statement.run(VALUES);
        statement.run([...VALUES].reverse());
        statement.reset();
        statement.free();
        return stored(opened.db, VALUES.length);
      });
      expect(results[0]).toEqual(results[1]);
      expect(results[0]).toHaveLength(2);
    }
    // Spot checks of what that is.
    const [row] = direct.db.exec('SELECT c12, c13, c15, c16, c17, c19, typeof(c10), typeof(c12), length(c17) FROM t ORDER BY rowid LIMIT 1')[0]?.values ?? [];
    expect(row).toEqual(['', 'J01', 'Zürich – Café', 'traffic 🚦 light', 'nul\u0000inside', null, 'null', 'text', 3]);
  });

  it('binds many rows per statement and reruns it with new values', () => {
    for (const [name, opened] of both()) {
      table(opened.db, ['NUMERIC', 'TEXT', '']);
      const statement = prepareInsert(opened.db, opened.direct, insertSql(3, 4));
      for (let run = 0; run < 3; run++) {
        statement.run(Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? run * 4 + i / 3 : i % 3 === 1 ? `row ${run * 4 + (i - 1) / 3}` : null)));
      }
      statement.reset();
      statement.free();
      const rows = opened.db.exec('SELECT c0, c1, c2 FROM t ORDER BY rowid')[0]?.values;
      expect(rows, name).toEqual(Array.from({ length: 12 }, (_, n) => [n, `row ${n}`, null]));
    }
  });

  it('copies the texts that do not fit in its buffer', () => {
    const long = (n: number): string => `${n}:`.padEnd(30_000, String.fromCharCode(97 + n));
    for (const [name, opened] of both()) {
      table(opened.db, ['TEXT', 'TEXT']);
      const statement = prepareInsert(opened.db, opened.direct, insertSql(2, 3));
      const values = [long(0), 'short', long(1), 'é', long(2), long(3)];
      statement.run(values);
      statement.free();
      expect(opened.db.exec('SELECT c0, c1 FROM t ORDER BY rowid')[0]?.values.flat(), name).toEqual(values);
    }
  });

  it("throws SQLite's message and stays usable after a failed run", () => {
    for (const [name, opened] of both()) {
      opened.db.run('DROP TABLE IF EXISTS t');
      opened.db.run('CREATE TABLE t (a NOT NULL, b)');
      const statement: InsertStatement = prepareInsert(opened.db, opened.direct, insertSql(2, 2));
      expect(() => statement.run([1, 'x', null, 'y']), name).toThrow('NOT NULL constraint failed: t.a');
      statement.reset();
      statement.run([1, 'x', 2, 'y']);
      statement.free();
      expect(opened.db.exec('SELECT a, b FROM t ORDER BY rowid')[0]?.values, name).toEqual([
        [1, 'x'],
        [2, 'y'],
      ]);
    }
  });

  it('reports a statement SQLite cannot prepare', () => {
    expect(() => prepareInsert(direct.db, direct.direct, 'INSERT INTO missing VALUES (?)')).toThrow('no such table: missing');
  });
});
