/**
 * The live table as the engine uses it, with the real SQL worker thread: rows batched in, queries
 * that never hold the engine up, stops (the user's, the timeout, and the worker replaced when a
 * query cannot be stopped), and counts that always reconcile.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/envelope';
import { DEFAULT_SQL_SETTINGS, SQL_KEPT_ROWS, type SqlResult, type SqlSettings, type SqlTableView } from '../../../shared/sql/sqlContract';
import { batchOf, CITY_COLUMNS, cityEntries, cityValues } from '../testing/liveTableRows';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { LiveTable } from './liveTable';
import { encodeRowBatch } from './rowBatchCodec';

const CROSS_JOIN = 'SELECT count(*) FROM traffic a, traffic b';
const ENDLESS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';

let dir: string;
let entry: string;
const tables: LiveTable[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'live-table-'));
  entry = writeTsWorkerEntry(dir, join(__dirname, 'sqlWorker.ts'));
});

afterEach(async () => {
  await Promise.all(tables.splice(0).map((table) => table.dispose()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every view must reconcile: held = inserted − evicted, inserted + pending = delivered. */
function reconciled(view: SqlTableView, delivered: number): SqlTableView {
  expect(view.rowsHeld).toBe(view.rowsInserted - view.rowsEvicted);
  expect(view.rowsInserted + view.rowsPending).toBe(delivered);
  return view;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function readyTable(options: { settings?: SqlSettings; restartGraceMs?: number; restorableBytes?: number } = {}): Promise<LiveTable> {
  const table = new LiveTable({ ...options, onChange: () => undefined, worker: { workerPath: entry } });
  tables.push(table);
  table.restart(CITY_COLUMNS);
  await waitFor(() => table.view().state === 'ready', 'the worker to start');
  return table;
}

async function filled(table: LiveTable, count: number): Promise<void> {
  table.append(cityEntries(0, count));
  await waitFor(() => table.view().rowsInserted === count, `${count} rows inserted`);
}

async function firstValue(table: LiveTable, sql: string): Promise<unknown> {
  const result = await table.run(sql, 10);
  if (result.status !== 'rows') throw new Error(`expected rows, got ${JSON.stringify(result)}`);
  return result.rows[0]?.[0];
}

/** The Total column's sum over rows from … from + count − 1, from the generator, not the table. */
function sumOfTotals(from: number, count: number): number {
  let sum = 0;
  for (let n = from; n < from + count; n++) sum += cityValues(n)[7] as number;
  return sum;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('LiveTable', () => {
  it('batches appended rows into the table; a few rows arrive without more appends', async () => {
    const table = await readyTable();
    expect(table.view()).toMatchObject({ table: 'traffic', state: 'ready', rowsInserted: 0 });
    expect(table.view().columns.map((column) => column.name)).toContain('_ingested_at');

    table.append(cityEntries(0, 100));
    expect(reconciled(table.view(), 100).rowsPending).toBe(100);
    await waitFor(() => reconciled(table.view(), 100).rowsInserted === 100, 'the 100 rows to be flushed by the timer');
    const total = Array.from({ length: 100 }, (_, n) => cityValues(n)[7] as number).reduce((a, b) => a + b, 0);
    expect(await table.run('SELECT count(*), sum(Total) FROM traffic', 10)).toMatchObject({ status: 'rows', rows: [[100, total]], complete: true });

    // More than a batch: full batches go at once, the rest with the timer.
    table.append(cityEntries(100, 20_000));
    reconciled(table.view(), 20_100);
    await waitFor(() => reconciled(table.view(), 20_100).rowsPending === 0, 'every row inserted');
    expect(table.view()).toMatchObject({ rowsHeld: 20_100, rowsEvicted: 0 });
    expect(table.view().ingestRowsPerSecond).toBeGreaterThan(0);
    expect(await firstValue(table, 'SELECT max(_offset) FROM traffic')).toBe(20_099);
  });

  it('stops a cross join when the user cancels; rows appended meanwhile go in afterwards', async () => {
    const table = await readyTable();
    await filled(table, 20_000);
    const running = table.run(CROSS_JOIN, 10);
    await waitFor(() => (table.view().query?.elapsedMs ?? 0) >= 200, 'the query to run a while');
    // More than one batch, so rows reach the worker while it is busy with the query.
    table.append(cityEntries(20_000, 9000));
    await sleep(200);
    expect(reconciled(table.view(), 29_000)).toMatchObject({ rowsInserted: 20_000, rowsPending: 9000 });
    expect(table.view().query).toMatchObject({ state: 'running' });

    expect(table.cancel()).toBe(true);
    expect(await running).toMatchObject({ status: 'cancelled', reason: 'user', message: 'Query cancelled.' });
    await waitFor(() => reconciled(table.view(), 29_000).rowsPending === 0, 'the queued rows to go in');
    expect(table.view()).toMatchObject({ rowsHeld: 29_000, rowsEvicted: 0, state: 'ready', query: { state: 'cancelled' } });
    const view = table.view();
    expect(await firstValue(table, 'SELECT count(*) FROM traffic')).toBe(view.rowsInserted - view.rowsEvicted);
    expect(table.cancel()).toBe(false);
  });

  it('stops a cross join at the timeout and keeps the table', async () => {
    const table = await readyTable({ settings: { ...DEFAULT_SQL_SETTINGS, timeoutSeconds: 0.5 } });
    await filled(table, 20_000);
    const result = await table.run(CROSS_JOIN, 10);
    expect(result).toMatchObject({ status: 'cancelled', reason: 'timeout' });
    expect(table.view()).toMatchObject({ state: 'ready', rowsHeld: 20_000, query: { state: 'cancelled' } });
    expect(await firstValue(table, 'SELECT count(*) FROM traffic')).toBe(20_000);
  });

  it('replaces a query by a newer one', async () => {
    const table = await readyTable();
    await filled(table, 20_000);
    const old = table.run(CROSS_JOIN, 10);
    const newer = table.run('SELECT count(*) FROM traffic', 10);
    const oldResult = await old;
    expect(oldResult).toMatchObject({ status: 'cancelled', reason: 'user', message: 'Replaced by a newer query.' });
    expect(await newer).toMatchObject({ status: 'rows', rows: [[20_000]] });
    await expect(table.page(oldResult.queryId, 0, 10)).rejects.toMatchObject({ code: 'BAD_STATE' });
  });

  it('restarts the worker when a query cannot be stopped and puts its rows back; the counts still reconcile', async () => {
    const table = await readyTable({ settings: { ...DEFAULT_SQL_SETTINGS, timeoutSeconds: 0.5 }, restartGraceMs: 300 });
    await filled(table, 5000);
    expect(await table.run('CREATE TABLE mine AS SELECT Junction FROM traffic LIMIT 3', 10)).toMatchObject({ status: 'done' });
    await waitFor(() => table.view().objects.length === 1, 'the table to be listed');

    const result = await table.run(ENDLESS, 10);
    expect(result).toMatchObject({ status: 'cancelled', reason: 'timeout' });
    const message = (result as Extract<SqlResult, { status: 'cancelled' }>).message;
    expect(message).toMatch(/SQL worker was restarted/);
    expect(message).toMatch(/its 5000 rows are being put back/);
    expect(message).toMatch(/lost: mine/);
    expect(reconciled(table.view(), 5000)).toMatchObject({ state: 'restarting', rowsHeld: 0, rowsPending: 5000, objects: [] });
    expect(table.view().message).toBe(message);

    // Rows that arrive during the restart go in after the restored ones.
    table.append(cityEntries(5000, 300));
    await waitFor(() => table.view().state === 'ready', 'the new worker');
    await waitFor(() => reconciled(table.view(), 5300).rowsPending === 0, 'the restored rows and those appended during the restart');
    expect(table.view()).toMatchObject({ rowsHeld: 5300, rowsInserted: 5300, rowsEvicted: 0 });
    // The same rows as before, each once: compared with the rows the test made, not with the app's counts.
    expect(await firstValue(table, 'SELECT count(DISTINCT _offset) || \'/\' || count(*) || \'/\' || min(_offset) || \'/\' || max(_offset) FROM traffic')).toBe('5300/5300/0/5299');
    expect(await firstValue(table, 'SELECT sum(Total) FROM traffic')).toBe(sumOfTotals(0, 5300));
    expect(table.view().message).toBeNull();
  });

  it('makes the user\'s views again in a replacement worker (a view over another view too), and says which could not be', async () => {
    const table = await readyTable({ settings: { ...DEFAULT_SQL_SETTINGS, timeoutSeconds: 0.5 }, restartGraceMs: 300 });
    await filled(table, 2000);
    // Named so that the list (alphabetical) puts the dependent view first.
    expect(await table.run('CREATE VIEW z_busy AS SELECT * FROM traffic WHERE Total > 50', 10)).toMatchObject({ status: 'done' });
    expect(await table.run('CREATE VIEW a_busy_count AS SELECT count(*) AS n FROM z_busy', 10)).toMatchObject({ status: 'done' });
    expect(await table.run('CREATE TABLE scratch AS SELECT Junction FROM traffic LIMIT 3', 10)).toMatchObject({ status: 'done' });
    expect(await table.run('CREATE VIEW over_scratch AS SELECT * FROM scratch', 10)).toMatchObject({ status: 'done' });
    await waitFor(() => table.view().objects.length === 4, 'the objects to be listed');
    const before = await firstValue(table, 'SELECT n FROM a_busy_count');

    const result = await table.run(ENDLESS, 10);
    const message = (result as Extract<SqlResult, { status: 'cancelled' }>).message;
    expect(message).toMatch(/Your views are being made again: a_busy_count, over_scratch, z_busy\. Your tables were lost: scratch\./);
    await waitFor(() => table.view().state === 'ready' && table.view().rowsPending === 0, 'the new worker and its rows');
    await waitFor(() => table.view().objects.length === 2, 'the views made again');
    expect(table.view().objects.map((object) => object.name)).toEqual(['a_busy_count', 'z_busy']);
    expect(table.view().message).toMatch(/These views could not be made again: over_scratch \(no such table: main\.scratch\)/);
    expect(await firstValue(table, 'SELECT n FROM a_busy_count')).toBe(before);
  });

  it('keeps declared windows: closed at the end of the run, declared again and refilled by a replacement worker', async () => {
    const table = await readyTable({ settings: { ...DEFAULT_SQL_SETTINGS, timeoutSeconds: 0.5 }, restartGraceMs: 300 });
    expect(await table.window('CREATE WINDOW hourly AS TUMBLE 1 HOUR EMIT CHANGES')).toMatchObject({ ok: true });
    expect(await table.window('CREATE WINDOW quarter AS TUMBLE 15 MINUTES')).toMatchObject({ ok: true });
    await filled(table, 4000);
    table.end();
    await waitFor(() => table.view().windows.every((window) => window.openRows === 0 && window.closedRows > 0), 'the windows to close');
    // 4 junctions a 15-minute slot: 1000 slots, 250 hours.
    expect(table.view().windows.map((window) => [window.spec.name, window.closedRows, window.tableRows])).toEqual([
      ['hourly', 1000, 1000],
      ['quarter', 4000, 4000],
    ]);
    expect(await firstValue(table, 'SELECT sum(row_count) FROM hourly')).toBe(4000);
    expect(table.view().objects.map((object) => `${object.name} ${object.kind}`)).toEqual(['hourly window', 'quarter window']);

    const result = await table.run(ENDLESS, 10);
    expect(result).toMatchObject({ status: 'cancelled', reason: 'timeout' });
    // Not named among what was lost: the windows come back.
    expect((result as Extract<SqlResult, { status: 'cancelled' }>).message).not.toMatch(/lost:/);
    await waitFor(() => table.view().state === 'ready' && table.view().rowsPending === 0, 'the new worker and its rows');
    await waitFor(() => table.view().windows.length === 2 && table.view().windows[0]!.openRows + table.view().windows[0]!.closedRows === 1000, 'the windows refilled');
    // EMIT CHANGES shows the still-open last window too: every restored row is counted once.
    expect(await firstValue(table, 'SELECT sum(row_count) FROM hourly')).toBe(4000);
    expect(await firstValue(table, 'SELECT count(*) FROM traffic')).toBe(4000);
  });

  it('puts back rows that were still waiting behind the runaway query, within the row limit', async () => {
    const table = await readyTable({ settings: { retention: { maxRows: 4000, maxMinutes: null }, timeoutSeconds: 0.5 }, restartGraceMs: 300 });
    await filled(table, 3000);
    const running = table.run(ENDLESS, 10);
    // While the worker is stuck these queue there (and in the engine's copy).
    table.append(cityEntries(3000, 2500));
    const result = await running;
    expect((result as Extract<SqlResult, { status: 'cancelled' }>).message).toMatch(/rows .*are being put back/);
    await waitFor(() => table.view().state === 'ready' && table.view().rowsPending === 0, 'the restore');
    const view = reconciled(table.view(), 5500);
    expect(view.rowsHeld).toBe(4000);
    expect(await firstValue(table, 'SELECT min(_offset) || \'/\' || max(_offset) || \'/\' || count(*) FROM traffic')).toBe('1500/5499/4000');
  });

  it('says how many rows it could not put back when they were past the engine\'s copy cap', async () => {
    const one = encodeRowBatch(batchOf(cityEntries(0, 1000))).byteLength;
    const table = await readyTable({ settings: { ...DEFAULT_SQL_SETTINGS, timeoutSeconds: 0.5 }, restartGraceMs: 300, restorableBytes: one * 2.5 });
    for (let i = 0; i < 5; i++) {
      table.append(cityEntries(i * 1000, 1000));
      await waitFor(() => table.view().rowsInserted === (i + 1) * 1000, 'a batch inserted');
    }
    const result = await table.run(ENDLESS, 10);
    expect((result as Extract<SqlResult, { status: 'cancelled' }>).message).toMatch(/2000 of its 5000 rows are being put back; the oldest 3000 were dropped/);
    await waitFor(() => table.view().state === 'ready' && table.view().rowsPending === 0, 'the restore');
    expect(reconciled(table.view(), 5000)).toMatchObject({ rowsHeld: 2000, rowsEvicted: 3000 });
    expect(await firstValue(table, 'SELECT min(_offset) || \'/\' || count(*) FROM traffic')).toBe('3000/2000');
  });

  it('refuses writes to the live table and lists the objects users create', async () => {
    const table = await readyTable();
    await filled(table, 500);
    expect(await table.run('DELETE FROM traffic', 10)).toMatchObject({ status: 'error', error: { position: { from: 12, to: 19 } } });
    expect(await table.run('DROP VIEW traffic', 10)).toMatchObject({ status: 'error' });
    expect(await firstValue(table, 'SELECT count(*) FROM traffic')).toBe(500);
    expect(await table.run('CREATE VIEW mine AS SELECT Junction, Total FROM traffic WHERE Total > 50', 10)).toMatchObject({
      status: 'done',
      message: 'View mine created',
    });
    await waitFor(() => table.view().objects.length > 0, 'the object list');
    expect(table.view().objects).toEqual([{ name: 'mine', kind: 'view', columns: ['Junction', 'Total'], definition: expect.stringMatching(/^CREATE VIEW mine AS SELECT/) }]);
    expect(await table.run('SELEC 1', 10)).toMatchObject({ status: 'error', error: { position: { from: 0, to: 5 } } });
  });

  it('pages and exports the newest result', async () => {
    const table = await readyTable();
    await filled(table, 3000);
    const result = await table.run("SELECT _offset, Junction || ', \"' || Time || '\"' AS label FROM traffic ORDER BY _offset", 100);
    expect(result).toMatchObject({ status: 'rows' });
    if (result.status !== 'rows') return;
    expect(result.rows).toHaveLength(100);
    const page = await table.page(result.queryId, 2990, 50);
    expect(page).toMatchObject({ offset: 2990, rowsCounted: 3000, keptRows: 3000, complete: true });
    expect(page.rows.map((row) => row[0])).toEqual([2990, 2991, 2992, 2993, 2994, 2995, 2996, 2997, 2998, 2999]);

    const path = join(dir, 'export.csv');
    expect(await table.exportCsv(result.queryId, path)).toEqual({ rows: 3000 });
    const parsed = parse(readFileSync(path, 'utf8')) as string[][];
    expect(parsed).toHaveLength(3001);
    expect(parsed[1]).toEqual(['0', 'J01, "12:00:00 AM"']);

    const done = await table.run('CREATE TABLE scratch AS SELECT 1 AS one', 10);
    await expect(table.page(result.queryId, 0, 10)).rejects.toMatchObject({ code: 'BAD_STATE' });
    await expect(table.exportCsv(done.queryId, path)).rejects.toMatchObject({ code: 'BAD_STATE' });
  });

  it('answers with the first page while a long result is still being counted', async () => {
    const table = await readyTable();
    const total = SQL_KEPT_ROWS + 50_000;
    const result = await table.run(`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${total}) SELECT x FROM c`, 100);
    expect(result).toMatchObject({ status: 'rows', complete: false });
    if (result.status !== 'rows') return;
    expect(result.rows).toHaveLength(100);
    expect(result.rowsCounted).toBeLessThan(total);
    // Waits until the rows are counted; beyond the kept rows there is nothing to page.
    const last = await table.page(result.queryId, SQL_KEPT_ROWS - 50, 100);
    expect(last.rows.map((row) => row[0])).toEqual(Array.from({ length: 50 }, (_, i) => SQL_KEPT_ROWS - 49 + i));
    await waitFor(() => table.view().query?.state === 'complete', 'counting to finish');
    expect(table.view().query).toMatchObject({ queryId: result.queryId, rowsCounted: total, keptRows: SQL_KEPT_ROWS });
    expect(await table.page(result.queryId, 0, 2)).toMatchObject({ rows: [[1], [2]], rowsCounted: total, complete: true });
  });

  it('applies a smaller row limit at once', async () => {
    const table = await readyTable();
    await filled(table, 20_000);
    table.configure({ ...DEFAULT_SQL_SETTINGS, retention: { maxRows: 5000, maxMinutes: null } });
    await waitFor(() => table.view().rowsEvicted === 15_000, 'the eviction');
    expect(reconciled(table.view(), 20_000)).toMatchObject({ rowsHeld: 5000 });
    expect(await firstValue(table, 'SELECT min(_offset) FROM traffic')).toBe(15_000);
    // A new run starts empty, counters included.
    table.restart(CITY_COLUMNS);
    expect(table.view()).toMatchObject({ rowsHeld: 0, rowsInserted: 0, rowsEvicted: 0, rowsPending: 0 });
    expect(await firstValue(table, 'SELECT count(*) FROM traffic')).toBe(0);
  });

  it('says SQL is unavailable without a worker or without sql.js', async () => {
    const none = new LiveTable({ onChange: () => undefined });
    tables.push(none);
    none.restart(CITY_COLUMNS);
    none.append(cityEntries(0, 10));
    expect(none.view()).toMatchObject({ state: 'failed', message: expect.stringMatching(/SQL is unavailable/), rowsPending: 0 });
    await expect(none.run('SELECT 1', 10)).rejects.toSatisfy((error: unknown) => error instanceof CommandError && error.code === 'SQL_UNAVAILABLE');

    const missing = join(dir, 'no-such.wasm');
    const noWasm = new LiveTable({ onChange: () => undefined, worker: { workerPath: entry, wasmPath: missing } });
    tables.push(noWasm);
    noWasm.restart(CITY_COLUMNS);
    await waitFor(() => noWasm.view().state === 'failed', 'the worker to give up');
    expect(noWasm.view().message).toContain(missing);
    await expect(noWasm.run('SELECT 1', 10)).rejects.toMatchObject({ code: 'SQL_UNAVAILABLE' });
  });
});
