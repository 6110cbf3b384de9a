/**
 * The SQL worker's database without the worker: real sql.js, rows shaped like the sample city's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { SQL_KEPT_ROWS, type SqlCell, type SqlPage, type SqlQueryProgress, type SqlResult } from '../../../shared/sql/sqlContract';
import { batchOf, CITY_COLUMNS, cityEntries, cityTime, cityValues } from '../testing/liveTableRows';
import { type IngestCounts, LiveDatabase } from './liveDatabase';
import { sqlTime } from './liveTableSchema';
import { loadSqlJs } from './memoryDatabase';
import { sqlWasmPath } from './sqlWasmPath';
import { StopFlags } from './stopFlags';

const NO_LIMIT = { maxRows: null, maxMinutes: null };

interface Outcome {
  answer: SqlResult;
  final: SqlQueryProgress;
  objectsChanged: boolean;
}

let flags: StopFlags;
let db: LiveDatabase;
let nextId = 1;

async function query(sql: string, options: { pageSize?: number; timeoutMs?: number } = {}): Promise<Outcome> {
  let answer: SqlResult | null = null;
  let final: SqlQueryProgress | null = null;
  let objectsChanged = false;
  await db.runQuery(
    { queryId: nextId++, sql, pageSize: options.pageSize ?? 100, timeoutMs: options.timeoutMs ?? 10_000 },
    {
      answer: (result) => (answer = result),
      progress: (progress, last) => {
        if (last) final = progress;
      },
      objectsChanged: () => (objectsChanged = true),
    },
  );
  return { answer: answer!, final: final!, objectsChanged };
}

async function rows(sql: string): Promise<SqlCell[][]> {
  const { answer } = await query(sql, { pageSize: 1000 });
  if (answer.status !== 'rows') throw new Error(`expected rows, got ${JSON.stringify(answer)}`);
  return answer.rows;
}

async function scalar(sql: string): Promise<SqlCell> {
  return (await rows(sql))[0]?.[0] ?? null;
}

function insertCity(from: number, count: number, batchSize = count): IngestCounts {
  const total = { inserted: 0, evicted: 0, evictedForMemory: 0 };
  for (let at = from; at < from + count; at += batchSize) {
    const done = db.insert(batchOf(cityEntries(at, Math.min(batchSize, from + count - at))));
    total.inserted += done.inserted;
    total.evicted += done.evicted;
    total.evictedForMemory += done.evictedForMemory;
  }
  return total;
}

beforeAll(async () => {
  flags = new StopFlags();
  db = await LiveDatabase.load(sqlWasmPath(), flags);
});

afterAll(() => db.close());

beforeEach(() => {
  db.setRetention(NO_LIMIT);
  db.restart(CITY_COLUMNS);
});

describe('LiveDatabase: the table', () => {
  it('keeps numbers as numbers and texts as texts, and adds the system columns', async () => {
    insertCity(0, 8);
    const [first] = await rows('SELECT * FROM traffic ORDER BY _offset LIMIT 1');
    const { answer } = await query('SELECT * FROM traffic LIMIT 1');
    expect(answer.status === 'rows' && answer.columns).toEqual([
      ...CITY_COLUMNS.map((column) => column.name),
      '_time',
      '_offset',
      '_partition',
      '_ingested_at',
    ]);
    expect(first).toEqual(['12:00:00 AM', '1', 'Thursday', 0, 0, 0, 0, 0, 'low', 'J01', '2026-10-01 00:00:00', 0, 0, expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/)]);
    const types = await rows('SELECT typeof(CarCount), typeof(Total), typeof("Traffic Situation"), typeof(_time), typeof(_offset), typeof(_partition) FROM traffic');
    expect(new Set(types.map((row) => row.join()))).toEqual(new Set(['integer,integer,text,text,integer,integer']));
    // SQLite's date functions read _time as it is.
    expect(await scalar("SELECT max(_time) FROM traffic WHERE _time >= datetime('2026-10-01 00:15:00')")).toBe('2026-10-01 00:15:00');
    const j02 = [1, 5].map((n) => cityValues(n)[7] as number);
    expect(await scalar("SELECT sum(Total) FROM traffic WHERE Junction = 'J02'")).toBe(j02[0]! + j02[1]!);
  });

  it("refuses max, min and ORDER BY on a time column kept as the file's text (M/D/YYYY), and points to _time", async () => {
    const columns: ColumnInfo[] = [
      { name: 'DateTime', type: 'time', role: 'timestamp' },
      { name: 'Vehicles', type: 'number', role: 'measure' },
    ];
    db.restart(columns);
    const entries = [9, 30].map((day, i) => ({ offset: i, partition: 0, record: { line: i + 2, values: [`6/${day}/2017 9:00`, 10 + i], time: Date.UTC(2017, 5, day, 9) } }));
    db.insert(batchOf(entries));
    // What SQLite would answer: the 9th, because '6/9' > '6/30' as text.
    const refused = await query('SELECT max(DateTime) FROM traffic');
    expect(refused.answer).toMatchObject({ status: 'error', error: { message: expect.stringContaining('Use _time'), position: { from: 11, to: 19 } } });
    expect(await scalar('SELECT max(_time) FROM traffic')).toBe('2017-06-30 09:00:00');
    expect(await rows('SELECT DateTime FROM traffic ORDER BY _time DESC LIMIT 1')).toEqual([['6/30/2017 9:00']]);
  });

  it('keeps a data column named like a system column, and rows without a time', async () => {
    const columns: ColumnInfo[] = [
      { name: '_time', type: 'text', role: 'category' },
      { name: 'speed', type: 'number', role: 'measure' },
    ];
    db.restart(columns);
    const entries = [
      { offset: 10, partition: 2, record: { line: 2, values: ['morning', 42.5], time: null } },
      { offset: 11, partition: 3, record: { line: 3, values: ['evening', null], time: Date.UTC(2026, 0, 2, 3, 4, 5, 678) } },
    ];
    db.insert(batchOf(entries));
    const { answer } = await query('SELECT * FROM traffic ORDER BY _offset');
    expect(answer.status).toBe('rows');
    if (answer.status !== 'rows') return;
    expect(answer.columns).toEqual(['_time_2', 'speed', '_time', '_offset', '_partition', '_ingested_at']);
    expect(answer.rows.map((row) => row.slice(0, 5))).toEqual([
      ['morning', 42.5, null, 10, 2],
      ['evening', null, '2026-01-02 03:04:05', 11, 3],
    ]);
    expect(await scalar('SELECT typeof(speed) FROM traffic WHERE _offset = 10')).toBe('real');
  });

  it('evicts the oldest rows beyond the row limit, exactly', async () => {
    db.setRetention({ maxRows: 1000, maxMinutes: null });
    const done = insertCity(0, 2500, 300);
    expect(done).toEqual({ inserted: 2500, evicted: 1500, evictedForMemory: 0 });
    expect(db.heldRows()).toBe(1000);
    expect(await rows('SELECT count(*), min(_offset), max(_offset) FROM traffic')).toEqual([[1000, 1500, 2499]]);
    // Shrinking the limit evicts at once.
    expect(db.setRetention({ maxRows: 10, maxMinutes: null })).toEqual({ evicted: 990, evictedForMemory: 0 });
    expect(await rows('SELECT count(*), min(_offset) FROM traffic')).toEqual([[10, 2490]]);
  });

  it('stores batches of every size whole, many rows per statement and the rest one by one', async () => {
    const sizes = [1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 200, 8192 + 5];
    let from = 0;
    for (const size of sizes) {
      expect(db.insert(batchOf(cityEntries(from, size)))).toEqual({ inserted: size, evicted: 0, evictedForMemory: 0 });
      from += size;
    }
    expect(db.heldRows()).toBe(from);
    const stored = await rows('SELECT count(*), count(DISTINCT _offset), min(_offset), max(_offset), sum(Total), sum(_partition) FROM traffic');
    const totals = Array.from({ length: from }, (_, n) => cityValues(n)[7] as number);
    expect(stored).toEqual([[from, from, 0, from - 1, totals.reduce((a, b) => a + b, 0), cityEntries(0, from).reduce((sum, entry) => sum + entry.partition, 0)]]);
    // Every row whole, around the edges of the statements of many rows.
    const sample = [0, 30, 31, 32, 95, 96, 159, 160, 161, 417, from - 6, from - 1];
    for (const n of sample) {
      const [row] = await rows(`SELECT * FROM traffic WHERE _offset = ${n}`);
      expect(row?.slice(0, 13), `row ${n}`).toEqual([...cityValues(n), sqlTime(cityTime(n)), n, n % 4]);
    }
  });

  it('keeps values and types with wide rows (fewer rows per statement) and NULLs for missing or odd values', async () => {
    const columns: ColumnInfo[] = Array.from({ length: 1000 }, (_, i) => ({ name: `c${i}`, type: i % 2 === 0 ? 'number' : 'text', role: 'measure' }));
    db.restart(columns);
    const value = (n: number, i: number): CellValue => (i % 7 === 3 ? null : i % 2 === 0 ? n * 1000 + i + (i % 4 === 0 ? 0.5 : 0) : `r${n}c${i}`);
    const entries = Array.from({ length: 70 }, (_, n) => ({
      offset: n,
      partition: 1,
      // The last row is short: its missing values are NULL, as are values that are neither numbers nor texts.
      record: { line: n, values: n === 69 ? [true as unknown as CellValue, 5] : columns.map((_, i) => value(n, i)), time: null },
    }));
    expect(db.insert(batchOf(entries))).toEqual({ inserted: 70, evicted: 0, evictedForMemory: 0 });
    const all = await rows(`SELECT ${columns.map((column) => column.name).join(', ')} FROM traffic ORDER BY _offset`);
    expect(all.slice(0, 69)).toEqual(entries.slice(0, 69).map((entry) => entry.record.values));
    // A text column keeps a number as text, as it always has.
    expect(all[69]).toEqual([null, '5', ...Array.from({ length: 998 }, () => null)]);
    expect(await rows('SELECT typeof(c0), typeof(c1), typeof(c2), typeof(c3) FROM traffic WHERE _offset = 1')).toEqual([['real', 'text', 'integer', 'null']]);
  });

  it('holds the live table in memory, not in a file', async () => {
    expect(await scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")).toBe('');
  });

  it("stores the same rows when sql.js's memory is out of reach (its file, its binding)", async () => {
    const bytes = readFileSync(sqlWasmPath());
    const { sql } = await loadSqlJs(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const fallback = new LiveDatabase({ sql, memory: null }, new StopFlags());
    try {
      const read = async (target: LiveDatabase): Promise<SqlCell[][]> => {
        let answer: SqlResult | null = null;
        await target.runQuery(
          { queryId: nextId++, sql: "SELECT *, typeof(Total), typeof(\"Date\"), (SELECT file FROM pragma_database_list WHERE name = 'main') = '' FROM traffic ORDER BY _offset", pageSize: 1000, timeoutMs: 10_000 },
          { answer: (result) => (answer = result), progress: () => undefined, objectsChanged: () => undefined },
        );
        const result = answer as SqlResult | null;
        if (result?.status !== 'rows') throw new Error(`expected rows, got ${JSON.stringify(result)}`);
        return result.rows;
      };
      fallback.restart(CITY_COLUMNS);
      const ingestedMs = Date.UTC(2026, 10, 1, 12, 0, 0, 345);
      for (const [from, size] of [[0, 65], [65, 1], [66, 130]] as const) {
        expect(fallback.insert(batchOf(cityEntries(from, size), ingestedMs))).toEqual(db.insert(batchOf(cityEntries(from, size), ingestedMs)));
      }
      const inMemory = await read(db);
      const inFile = await read(fallback);
      expect(inMemory).toHaveLength(196);
      expect(inFile.map((row) => row.slice(0, -1))).toEqual(inMemory.map((row) => row.slice(0, -1)));
      expect(inMemory[0]?.at(-1)).toBe(1);
      expect(inFile[0]?.at(-1)).toBe(0);
    } finally {
      fallback.close();
    }
  });

  it('evicts exactly with batches that are not a multiple of the rows per statement', async () => {
    db.setRetention({ maxRows: 100, maxMinutes: null });
    let inserted = 0;
    let evicted = 0;
    for (let from = 0; from < 1000; from += 33) {
      const done = db.insert(batchOf(cityEntries(from, Math.min(33, 1000 - from))));
      inserted += done.inserted;
      evicted += done.evicted;
      expect(db.heldRows()).toBe(Math.min(inserted, 100));
      expect(inserted - evicted).toBe(db.heldRows());
    }
    expect(await rows('SELECT count(*), min(_offset), max(_offset) FROM traffic')).toEqual([[100, 900, 999]]);
  });

  it('keeps within its memory ceiling with no retention limit at all: the oldest rows go, counted as evicted for memory', async () => {
    const bytes = readFileSync(sqlWasmPath());
    const { sql } = await loadSqlJs(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ceiling = 256 * 1024;
    const small = new LiveDatabase({ sql, memory: null }, new StopFlags(), ceiling);
    try {
      small.restart(CITY_COLUMNS);
      small.setRetention(NO_LIMIT);
      let inserted = 0;
      let evicted = 0;
      for (let from = 0; from < 20_000; from += 500) {
        const done = small.insert(batchOf(cityEntries(from, 500)));
        inserted += done.inserted;
        evicted += done.evicted;
        // Retention asks for nothing here, so every eviction is the ceiling's.
        expect(done.evictedForMemory).toBe(done.evicted);
        expect(inserted - evicted).toBe(small.heldRows());
      }
      expect(evicted).toBeGreaterThan(0);
      // Never more than one batch over the ceiling, and the newest row is always kept.
      expect(small.usedBytes()).toBeLessThan(ceiling * 1.5);
      expect(small.heldRows()).toBeLessThan(20_000);
      expect(small.heldRows()).toBeGreaterThan(1000);
    } finally {
      small.close();
    }
  });

  it('tells evictions by the row limit from evictions by the memory ceiling', async () => {
    const bytes = readFileSync(sqlWasmPath());
    const { sql } = await loadSqlJs(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const small = new LiveDatabase({ sql, memory: null }, new StopFlags(), 256 * 1024);
    try {
      small.restart(CITY_COLUMNS);
      // A row limit well inside the ceiling: every eviction is the limit's.
      small.setRetention({ maxRows: 500, maxMinutes: null });
      for (let from = 0; from < 10_000; from += 500) {
        const done = small.insert(batchOf(cityEntries(from, 500)));
        expect(done.evictedForMemory).toBe(0);
        expect(done.evicted).toBe(from === 0 ? 0 : 500);
      }
      // A row limit the ceiling reaches first: once the table is full, every eviction is the ceiling's.
      small.setRetention({ maxRows: 100_000, maxMinutes: null });
      let forMemory = 0;
      for (let from = 10_000; from < 40_000; from += 500) {
        const done = small.insert(batchOf(cityEntries(from, 500)));
        expect(done.evictedForMemory).toBe(done.evicted);
        forMemory += done.evictedForMemory;
      }
      expect(forMemory).toBeGreaterThan(0);
      expect(small.heldRows()).toBeLessThan(100_000);
    } finally {
      small.close();
    }
  });

  it('evicts whole batches older than the time limit', async () => {
    // 12 batches of 1100 rows, each one minute after the last (all rows of a batch share the time).
    const base = Date.UTC(2026, 9, 1);
    const batch = (k: number) =>
      batchOf(
        Array.from({ length: 1100 }, (_, i) => ({ offset: k * 1100 + i, partition: 0, record: { line: i, values: [], time: base + k * 60_000 } })),
      );
    db.restart([]);
    db.setRetention({ maxRows: null, maxMinutes: 5 });
    let evicted = 0;
    for (let k = 0; k < 12; k++) evicted += db.insert(batch(k)).evicted;
    // Newest minute 11: minutes 6…11 are within 5 minutes, 0…5 are older.
    expect(evicted).toBe(6 * 1100);
    expect(db.heldRows()).toBe(6 * 1100);
    expect(await scalar('SELECT min(_offset) FROM traffic')).toBe(6 * 1100);
    // A tighter limit applies at once; both limits together, the stricter wins.
    expect(db.setRetention({ maxRows: 5000, maxMinutes: 2 }).evicted).toBe(3 * 1100);
    expect(db.heldRows()).toBe(3 * 1100);
    expect(db.setRetention({ maxRows: 100, maxMinutes: 2 }).evicted).toBe(3 * 1100 - 100);
  });

  it('judges rows without an event time by when they arrived', async () => {
    db.restart([{ name: 'n', type: 'number', role: 'measure' }]);
    db.setRetention({ maxRows: null, maxMinutes: 1 });
    const untimed = (from: number) => Array.from({ length: 1100 }, (_, i) => ({ offset: from + i, partition: 0, record: { line: i, values: [i], time: null } }));
    const now = Date.now();
    db.insert(batchOf(untimed(0), now - 5 * 60_000));
    expect(db.insert(batchOf(untimed(1100), now)).evicted).toBe(1100);
    expect(await scalar('SELECT count(*) FROM traffic')).toBe(1100);
  });

  it('keeps the table whole when the live table is written to, and lets users make their own objects', async () => {
    insertCity(0, 50);
    for (const sql of ['DELETE FROM traffic', 'DROP VIEW traffic', 'UPDATE traffic SET Total = 0', 'SELECT * FROM _traffic_store', 'SELECT _tm_check(1)']) {
      const { answer, final } = await query(sql);
      expect(answer.status, sql).toBe('error');
      expect(final.state).toBe('failed');
    }
    expect(await scalar('SELECT count(*) FROM traffic')).toBe(50);

    const created = await query('CREATE VIEW busy AS SELECT Junction, sum(Total) AS total FROM traffic GROUP BY Junction');
    expect(created.answer).toMatchObject({ status: 'done', message: 'View busy created' });
    expect(created.objectsChanged).toBe(true);
    await query('CREATE TABLE scratch (a, b)');
    const inserted = await query("INSERT INTO scratch VALUES (1, 'x'), (2, 'y'), (3, 'z')");
    expect(inserted.answer).toMatchObject({ status: 'done', changes: 3, message: '3 rows changed' });
    expect(db.objects()).toEqual([
      { name: 'busy', kind: 'view', columns: ['Junction', 'total'], definition: expect.stringMatching(/^CREATE VIEW busy AS /) },
      { name: 'scratch', kind: 'table', columns: ['a', 'b'] },
    ]);
    expect(await scalar("SELECT total FROM busy WHERE Junction = 'J01'")).toBeGreaterThan(0);
    // The user's objects outlive a new run; the live table is rebuilt.
    db.restart(CITY_COLUMNS);
    expect(db.objects().map((object) => object.name)).toEqual(['busy', 'scratch']);
    expect(await scalar('SELECT count(*) FROM busy')).toBe(0);
    await query('DROP VIEW busy');
    await query('DROP TABLE scratch');
  });

  it('turns blobs into a short text', async () => {
    expect(await rows("SELECT x'00010203', 'text', 1.5")).toEqual([['<blob 4 bytes>', 'text', 1.5]]);
  });
});

describe('LiveDatabase: queries', () => {
  it('reports a syntax error with its position, and an unknown column by name', async () => {
    const syntax = await query('SELEC * FROM traffic');
    expect(syntax.answer).toMatchObject({ status: 'error', error: { message: 'near "SELEC": syntax error', position: { from: 0, to: 5 } } });
    const unknown = await query('SELECT Totl FROM traffic');
    expect(unknown.answer).toMatchObject({ status: 'error', error: { message: expect.stringContaining('no such column: Totl'), position: { from: 7, to: 11 } } });
  });

  it('sends the first page at once, keeps SQL_KEPT_ROWS rows for paging and counts the rest', async () => {
    const total = SQL_KEPT_ROWS + 50_000;
    const sql = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${total}) SELECT x, 'row ' || x FROM c`;
    let answer: SqlResult | null = null;
    let final: SqlQueryProgress | null = null;
    const pages: Promise<SqlPage>[] = [];
    const id = nextId++;
    const run = db.runQuery(
      { queryId: id, sql, pageSize: 50, timeoutMs: 10_000 },
      {
        answer: (result) => {
          answer = result;
          // Asked while counting goes on: answered once the rows are there.
          pages.push(db.page(id, 70_000, 3), db.page(id, SQL_KEPT_ROWS - 2, 10));
        },
        progress: (progress, last) => {
          if (last) final = progress;
        },
        objectsChanged: () => undefined,
      },
    );
    await run;
    expect(answer).toMatchObject({ status: 'rows', columns: ['x', "'row ' || x"], complete: false });
    const first = answer as unknown as { rows: CellValue[][]; rowsCounted: number };
    expect(first.rows).toHaveLength(50);
    expect(first.rows[49]).toEqual([50, 'row 50']);
    expect(first.rowsCounted).toBeLessThan(total);
    expect(final).toMatchObject({ state: 'complete', rowsCounted: total, keptRows: SQL_KEPT_ROWS });
    const [middle, edge] = await Promise.all(pages);
    expect(middle?.rows).toEqual([
      [70_001, 'row 70001'],
      [70_002, 'row 70002'],
      [70_003, 'row 70003'],
    ]);
    expect(edge?.rows.map((row) => row[0])).toEqual([SQL_KEPT_ROWS - 1, SQL_KEPT_ROWS]);
    expect(await db.page(id, 0, 2)).toMatchObject({ rowsCounted: total, keptRows: SQL_KEPT_ROWS, complete: true, rows: [[1, 'row 1'], [2, 'row 2']] });
    // A newer query replaces the result.
    await query('SELECT 1');
    await expect(db.page(id, 0, 1)).rejects.toThrow(/replaced/);
  });

  it('stops a scan of the live table at its timeout, and when the engine asks', async () => {
    insertCity(0, 3000);
    const timedOut = await query('SELECT count(*) FROM traffic a, traffic b, traffic c', { timeoutMs: 200 });
    expect(timedOut.answer).toMatchObject({ status: 'cancelled', reason: 'timeout' });
    expect(timedOut.final.state).toBe('cancelled');
    // Even a join of a few rows checks (the first row of every scan is checked).
    db.restart(CITY_COLUMNS);
    insertCity(0, 10);
    const small = await query('SELECT count(*) FROM traffic a, traffic b, traffic c, traffic d, traffic e, traffic f, traffic g, traffic h', { timeoutMs: 200 });
    expect(small.answer).toMatchObject({ status: 'cancelled', reason: 'timeout' });

    const id = nextId;
    flags.stop('query', id);
    const stopped = await query('SELECT count(*) FROM traffic');
    expect(stopped.answer).toMatchObject({ status: 'cancelled', reason: 'user' });
    expect(await scalar('SELECT count(*) FROM traffic')).toBe(10);
  });

  it('exports every row as CSV that reads back the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-export-'));
    try {
      db.restart([
        { name: 'label', type: 'text', role: 'category' },
        { name: 'n', type: 'number', role: 'measure' },
      ]);
      const labels = ['plain', 'with, comma', 'with "quotes"', 'two\nlines', 'crlf\r\nend', ' padded ', '', 'ünïcödé'];
      const entries = Array.from({ length: 3000 }, (_, i) => ({
        offset: i,
        partition: 0,
        record: { line: i + 2, values: [labels[i % labels.length] as string, i % 7 === 0 ? null : i / 4], time: null },
      }));
      db.insert(batchOf(entries));
      const path = join(dir, 'out.csv');
      const outcome = await db.exportCsv({ jobId: nextId++, sql: 'SELECT label, n, _offset FROM traffic ORDER BY _offset', path });
      expect(outcome).toEqual({ ok: true, rows: 3000 });
      const parsed = parse(readFileSync(path, 'utf8'), { relax_column_count: false }) as string[][];
      expect(parsed[0]).toEqual(['label', 'n', '_offset']);
      expect(parsed.slice(1)).toEqual(entries.map((entry) => [entry.record.values[0], entry.record.values[1] === null ? '' : String(entry.record.values[1]), String(entry.offset)]));

      const refused = await db.exportCsv({ jobId: nextId++, sql: 'DELETE FROM traffic', path: join(dir, 'refused.csv') });
      expect(refused).toMatchObject({ ok: false, failure: 'sql' });
      const unwritable = await db.exportCsv({ jobId: nextId++, sql: 'SELECT 1', path: join(dir, 'missing', 'out.csv') });
      expect(unwritable).toMatchObject({ ok: false, failure: 'file' });
      const stoppedId = nextId++;
      flags.stop('export', stoppedId);
      const stopped = await db.exportCsv({ jobId: stoppedId, sql: 'SELECT * FROM traffic', path: join(dir, 'stopped.csv') });
      expect(stopped).toMatchObject({ ok: false, failure: 'cancelled' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
