import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { SQL_MAX_LENGTH } from '../../../shared/sql/sqlContract';
import { exampleQueries } from '../../../shared/sql/exampleQueries';
import { checkStatement, type GuardOptions, type GuardVerdict } from './writeGuard';

const options: GuardOptions = { protectedNames: ['traffic'], hiddenNames: ['_traffic_store', '_traffic_time'] };
const check = (sql: string): GuardVerdict => checkStatement(sql, options);

/** The refusal's message, after checking that its position covers `at` (the first occurrence, or the given index). */
function refusal(sql: string, at: string, from = sql.indexOf(at)): string {
  const verdict = check(sql);
  if (verdict.ok) throw new Error(`expected a refusal of ${sql}`);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(verdict.error.position).toEqual({ from, to: from + at.length });
  return verdict.error.message;
}

const READ_ONLY_ADVICE = 'it is read-only. Create your own table with CREATE TABLE … AS SELECT … FROM traffic and change that.';

describe('checkStatement: empty and several statements', () => {
  it('asks for a query when there is nothing but blanks, comments and semicolons', () => {
    for (const sql of ['', '   \n', '-- just a note', '/* block */ -- and line', ';', ' ; ;; ']) {
      expect(check(sql)).toEqual({ ok: false, error: { message: 'Type a query first.', position: null } });
    }
  });

  it('refuses a second statement and points at it', () => {
    const sql = 'SELECT 1; SELECT 2 FROM traffic ;';
    expect(refusal(sql, 'SELECT 2 FROM traffic')).toBe('Run one statement at a time: this text has 2 statements.');
    expect(refusal('SELECT 1; DELETE FROM mine; VALUES (1)', 'DELETE FROM mine')).toBe(
      'Run one statement at a time: this text has 3 statements.',
    );
  });

  it('allows trailing semicolons, comments and blanks after the one statement', () => {
    expect(check('SELECT 1;')).toEqual({ ok: true, kind: 'read' });
    expect(check('SELECT 1 ;; -- done\n /* really */ ;')).toEqual({ ok: true, kind: 'read' });
    expect(check(';; SELECT 1')).toEqual({ ok: true, kind: 'read' });
  });

  it('does not split at semicolons inside strings, names or comments', () => {
    expect(check("SELECT 'a; DROP TABLE traffic' AS x")).toEqual({ ok: true, kind: 'read' });
    expect(check('SELECT 1 AS "a;b" -- ; DELETE FROM traffic\n')).toEqual({ ok: true, kind: 'read' });
    expect(check('SELECT 1 /* ; DELETE FROM traffic; */ FROM traffic')).toEqual({ ok: true, kind: 'read' });
  });

  it("counts a trigger's body as part of its statement", () => {
    const trigger = 'CREATE TRIGGER t AFTER INSERT ON mine BEGIN UPDATE mine SET a = CASE WHEN 1 THEN 2 END; DELETE FROM mine; END';
    expect(refusal(`SELECT 1; ${trigger}; SELECT 2`, trigger)).toBe('Run one statement at a time: this text has 3 statements.');
  });
});

describe('checkStatement: the live table is read-only', () => {
  it('refuses DELETE, UPDATE, INSERT and REPLACE on it, naming the statement and the table', () => {
    expect(refusal('DELETE FROM traffic WHERE Total > 5', 'traffic')).toBe(`DELETE would change the live table "traffic"; ${READ_ONLY_ADVICE}`);
    expect(refusal('UPDATE traffic SET Total = 0', 'traffic')).toBe(`UPDATE would change the live table "traffic"; ${READ_ONLY_ADVICE}`);
    expect(refusal('INSERT INTO traffic VALUES (1)', 'traffic')).toBe(`INSERT would change the live table "traffic"; ${READ_ONLY_ADVICE}`);
    expect(refusal('REPLACE INTO traffic VALUES (1)', 'traffic')).toBe(`REPLACE would change the live table "traffic"; ${READ_ONLY_ADVICE}`);
  });

  it('sees through conflict clauses, quoting, brackets, string names, schema prefixes and case', () => {
    const cases: [string, string][] = [
      ['INSERT OR REPLACE INTO traffic VALUES (1)', 'traffic'],
      ['insert or ignore into Traffic select 1', 'Traffic'],
      ['UPDATE OR ROLLBACK traffic SET a = 1', 'traffic'],
      ['update or fail "TRAFFIC" set a = 1', '"TRAFFIC"'],
      ['DELETE FROM "traffic"', '"traffic"'],
      ['DELETE FROM [traffic]', '[traffic]'],
      ['DELETE FROM `traffic`', '`traffic`'],
      ["DELETE FROM 'traffic'", "'traffic'"],
      ['DELETE FROM main.traffic', 'main.traffic'],
      ['DELETE FROM "main"."traffic"', '"main"."traffic"'],
      ['DELETE FROM temp . traffic', 'temp . traffic'],
      ['DeLeTe FrOm TrAfFiC', 'TrAfFiC'],
      ['INSERT INTO "tra""ffic" VALUES (1)', ''],
    ];
    for (const [sql, at] of cases.slice(0, -1)) expect(refusal(sql, at)).toContain('would change the live table "traffic"');
    // A different name that only looks similar is the user's own table.
    expect(check(cases[cases.length - 1]![0])).toEqual({ ok: true, kind: 'write' });
  });

  it('judges the statement after a WITH clause', () => {
    const sql = 'WITH old AS (SELECT * FROM traffic WHERE _time < "2026"), x(a, b) AS MATERIALIZED (SELECT 1, 2) DELETE FROM traffic WHERE 1';
    expect(refusal(sql, 'traffic', sql.lastIndexOf('traffic'))).toContain('DELETE would change the live table');
    expect(refusal('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) INSERT INTO traffic SELECT n FROM r', 'traffic')).toContain(
      'INSERT would change',
    );
    // A CTE may be called like a keyword; the statement after it still decides.
    expect(check('WITH replace AS (SELECT 1 AS z) SELECT * FROM replace')).toEqual({ ok: true, kind: 'read' });
    expect(check('WITH RECURSIVE replace(z) AS NOT MATERIALIZED (SELECT 1), b AS MATERIALIZED (SELECT 2) SELECT * FROM replace, b')).toEqual({
      ok: true,
      kind: 'read',
    });
    const update = 'WITH replace AS (SELECT 1 AS z) UPDATE traffic SET a = 1';
    expect(refusal(update, 'traffic')).toContain('UPDATE would change');
  });

  it('is not fooled by comments hiding or splitting keywords', () => {
    const hidden = '/* harmless */ DELETE -- really\n FROM /* the traffic */ traffic';
    expect(refusal(hidden, 'traffic', hidden.lastIndexOf('traffic'))).toContain('DELETE would change');
    expect(refusal('DELETE/**/FROM/**/traffic', 'traffic')).toContain('DELETE would change');
    expect(refusal('-- SELECT\nUPDATE traffic SET a = 1', 'traffic')).toContain('UPDATE would change');
  });

  it('refuses DROP and ALTER of it, and EXPLAIN of such a write', () => {
    expect(refusal('DROP TABLE traffic', 'traffic')).toBe('DROP TABLE would remove the live table "traffic"; it is read-only.');
    expect(refusal('drop view if exists main.traffic', 'main.traffic')).toBe('DROP VIEW would remove the live table "traffic"; it is read-only.');
    expect(refusal('DROP INDEX [traffic]', '[traffic]')).toContain('DROP INDEX "traffic" is not allowed');
    expect(refusal('DROP TRIGGER IF EXISTS "Traffic"', '"Traffic"')).toContain('DROP TRIGGER "Traffic" is not allowed');
    expect(refusal('ALTER TABLE traffic ADD COLUMN x', 'traffic')).toBe(`ALTER TABLE would change the live table "traffic"; ${READ_ONLY_ADVICE}`);
    expect(refusal('ALTER TABLE mine RENAME TO Traffic', 'Traffic')).toContain('cannot use the name "traffic"');
    expect(refusal('EXPLAIN DELETE FROM traffic', 'traffic')).toContain('DELETE would change');
    expect(refusal('EXPLAIN QUERY PLAN UPDATE traffic SET a = 1', 'traffic')).toContain('UPDATE would change');
  });

  it('refuses creating an object with its name, in any schema, and an index on it', () => {
    expect(refusal('CREATE TEMP VIEW traffic AS SELECT 1', 'traffic')).toBe(
      'CREATE VIEW cannot use the name "traffic": it is the live table\'s name. Pick another name for your view.',
    );
    expect(refusal('create table if not exists temp."TRAFFIC"(a)', 'temp."TRAFFIC"')).toContain('CREATE TABLE cannot use the name "traffic"');
    expect(refusal('CREATE TEMPORARY TABLE [traffic] AS SELECT 1', '[traffic]')).toContain('CREATE TABLE cannot use');
    expect(refusal('CREATE VIRTUAL TABLE traffic USING fts5(a)', 'traffic')).toContain('CREATE TABLE cannot use');
    expect(refusal('CREATE UNIQUE INDEX traffic ON mine(a)', 'traffic')).toContain('CREATE INDEX cannot use');
    const index = refusal('CREATE INDEX IF NOT EXISTS by_total ON main.traffic (Total)', 'main.traffic');
    expect(index).toContain('CREATE INDEX cannot be used on the live table "traffic": it is a view');
    expect(index).toContain('CREATE TABLE … AS SELECT … FROM traffic and index that.');
  });

  it('names whichever protected name the statement uses', () => {
    const verdict = checkStatement('DELETE FROM Other_Live', { protectedNames: ['traffic', 'other_live'], hiddenNames: [] });
    expect(verdict).toMatchObject({ ok: false, error: { message: expect.stringContaining('"other_live"') } });
  });
});

describe('checkStatement: internal objects', () => {
  it('refuses any mention of a hidden name, read or write, pointing at it', () => {
    const message = '"_traffic_store" is internal; query "traffic" instead.';
    expect(refusal('SELECT * FROM _traffic_store', '_traffic_store')).toBe(message);
    expect(refusal('SELECT * FROM traffic JOIN main."_TRAFFIC_STORE" USING (a)', '"_TRAFFIC_STORE"')).toBe(message);
    expect(refusal('DELETE FROM [_traffic_store]', '[_traffic_store]')).toBe(message);
    expect(refusal('DROP INDEX _traffic_time', '_traffic_time')).toBe('"_traffic_time" is internal; query "traffic" instead.');
    expect(refusal('CREATE TABLE _traffic_store(a)', '_traffic_store')).toBe(message);
    // SQLite takes 'strings' as names, and pragma functions take names as strings.
    expect(refusal("SELECT * FROM pragma_table_info('_traffic_store')", "'_traffic_store'")).toBe(message);
    expect(refusal("SELECT * FROM '_traffic_store'", "'_traffic_store'")).toBe(message);
  });

  it('leaves names that merely contain a hidden name alone', () => {
    expect(check('SELECT * FROM _traffic_store_copy')).toEqual({ ok: true, kind: 'read' });
    expect(check('SELECT _traffic_storey FROM traffic')).toEqual({ ok: true, kind: 'read' });
  });
});

describe('checkStatement: always refused', () => {
  it('refuses ATTACH and DETACH', () => {
    expect(refusal("ATTACH DATABASE ':memory:' AS other", 'ATTACH')).toBe('ATTACH is not allowed: the console works on the in-memory live table only.');
    expect(refusal('detach other', 'detach')).toBe('DETACH is not allowed: the console works on the in-memory live table only.');
    expect(refusal("/* x */ EXPLAIN ATTACH 'f' AS g", 'ATTACH')).toContain('ATTACH is not allowed');
  });

  it('refuses CREATE TRIGGER on any table, pointing at CREATE … TRIGGER', () => {
    for (const sql of [
      'CREATE TRIGGER t AFTER INSERT ON mine BEGIN DELETE FROM mine; END',
      'CREATE TEMP TRIGGER t INSTEAD OF DELETE ON traffic BEGIN SELECT 1; END;',
      'create temporary trigger if not exists t before update on mine begin select 1; end',
      'CREATE TRIGGER t AFTER INSERT ON mine BEGIN SELECT 1;',
    ]) {
      const words = sql.split(' ');
      const at = words.slice(0, words.findIndex((word) => word.toUpperCase() === 'TRIGGER') + 1).join(' ');
      expect(refusal(sql, at)).toContain('CREATE TRIGGER is not allowed: a trigger runs hidden statements that could change the live table');
    }
  });

  it('refuses VACUUM, REINDEX and transaction control', () => {
    expect(refusal("VACUUM INTO '/tmp/x.db'", 'VACUUM')).toContain('VACUUM is not allowed');
    expect(refusal('REINDEX', 'REINDEX')).toContain('REINDEX is not allowed');
    for (const sql of ['BEGIN', 'begin immediate transaction', 'COMMIT', 'END TRANSACTION', 'ROLLBACK', 'SAVEPOINT s', 'RELEASE s', 'ROLLBACK TO s']) {
      const word = sql.split(' ')[0]!;
      expect(refusal(sql, word)).toBe(
        `${word.toUpperCase()} is not allowed: the app manages transactions itself while it adds rows to the live table; each statement runs on its own.`,
      );
    }
  });

  it('allows only read-only pragmas, never with =', () => {
    const reads = ['PRAGMA table_info(traffic)', 'pragma main.TABLE_XINFO("traffic")', 'PRAGMA table_list', 'PRAGMA compile_options;', 'PRAGMA database_list'];
    for (const sql of reads) expect(check(sql), sql).toEqual({ ok: true, kind: 'read' });
    expect(refusal('PRAGMA writable_schema = ON', 'writable_schema')).toContain(
      'PRAGMA writable_schema is not allowed: the console only runs read-only pragmas (table_info, table_xinfo,',
    );
    expect(refusal('PRAGMA journal_mode(OFF)', 'journal_mode')).toContain('PRAGMA journal_mode is not allowed');
    expect(refusal('pragma temp.cache_size', 'temp.cache_size')).toContain('PRAGMA cache_size is not allowed');
    expect(refusal('PRAGMA table_info = 1', '=')).toContain('PRAGMA table_info = … is not allowed');
    expect(refusal('PRAGMA', 'PRAGMA')).toContain('PRAGMA needs a name');
  });
});

describe('checkStatement: allowed', () => {
  it('reads: SELECT, WITH … SELECT, VALUES, EXPLAIN', () => {
    for (const sql of [
      'SELECT * FROM traffic',
      '  select count(*) from TRAFFIC where "Day of the week" = \'Monday\'',
      'WITH t AS (SELECT * FROM traffic) SELECT * FROM t',
      'VALUES (1, 2), (3, 4)',
      'EXPLAIN QUERY PLAN SELECT * FROM traffic',
      'EXPLAIN INSERT INTO mine VALUES (1)',
      "SELECT 'DELETE FROM traffic', \"DROP TABLE traffic\" FROM traffic -- DROP TABLE traffic",
      'SELECT replace(a, 1, 2) FROM traffic',
    ]) {
      expect(check(sql), sql).toEqual({ ok: true, kind: 'read' });
    }
  });

  it("writes to the user's own tables, views and indexes", () => {
    for (const sql of [
      'CREATE TABLE busy AS SELECT * FROM traffic WHERE Total > 50',
      'create temp table scratch(a, b)',
      'CREATE VIEW busy_view AS SELECT * FROM traffic',
      'CREATE INDEX busy_total ON busy(Total)',
      'INSERT INTO busy SELECT * FROM traffic',
      'INSERT OR REPLACE INTO busy(a) VALUES (1)',
      'UPDATE busy SET Total = 0 FROM traffic WHERE busy.a = traffic.a',
      'DELETE FROM main.busy',
      'WITH t AS (SELECT * FROM traffic) INSERT INTO busy SELECT * FROM t',
      'DROP TABLE busy',
      'DROP VIEW IF EXISTS busy_view',
      'ALTER TABLE busy RENAME TO quiet',
      'ALTER TABLE busy ADD COLUMN note TEXT',
      'ANALYZE',
    ]) {
      expect(check(sql), sql).toEqual({ ok: true, kind: 'write' });
    }
  });

  it('lets SQLite judge what it does not recognise', () => {
    expect(check('SELEC * FROM traffic')).toEqual({ ok: true, kind: 'read' });
    expect(check('(SELECT 1)')).toEqual({ ok: true, kind: 'read' });
    expect(check("'just a string'")).toEqual({ ok: true, kind: 'read' });
  });
});

describe('checkStatement and the example queries', () => {
  it('lets every example run as a read', () => {
    const columns: ColumnInfo[] = [
      { name: 'Time', type: 'time', role: 'timestamp' },
      { name: 'Day of the week', type: 'time', role: 'timestamp' },
      { name: 'Total', type: 'number', role: 'measure' },
      { name: 'Traffic Situation', type: 'text', role: 'category' },
      { name: 'Junction', type: 'text', role: 'location' },
    ];
    const examples = exampleQueries(columns, 'traffic', 'Total');
    expect(examples).toHaveLength(4);
    for (const example of examples) expect(check(example.sql), example.title).toEqual({ ok: true, kind: 'read' });
  });
});

describe('checkStatement on long text', () => {
  it('judges the longest allowed text quickly, without deep recursion', () => {
    const explains = `${'EXPLAIN '.repeat(12_000)}DELETE FROM traffic`;
    expect(refusal(explains, 'traffic')).toContain('DELETE would change');
    const started = performance.now();
    const long = `SELECT ${Array.from({ length: 8000 }, (_, i) => `'v${i}''s'`).join(', ')} FROM traffic`;
    expect(long.length).toBeLessThan(SQL_MAX_LENGTH);
    expect(explains.length).toBeLessThan(SQL_MAX_LENGTH);
    expect(check(long)).toEqual({ ok: true, kind: 'read' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
