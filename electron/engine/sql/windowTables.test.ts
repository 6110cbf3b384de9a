/**
 * Declared windows in the SQL worker (its message loop and real sql.js), over the sample city
 * (sample-data/traffic-sample.csv). The expected windows are a brute-force group-by of the CSV read
 * with papaparse (sampleCityRecords.ts), not the engine's own reading or the aggregator's arithmetic.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import { SQL_MAX_WINDOWS, type SqlCell, type SqlResult, type SqlWindowView } from '../../../shared/sql/sqlContract';
import type { FeedEntry } from '../stages/feedWindow';
import { batchOf } from '../testing/liveTableRows';
import { SAMPLE_COLUMNS, sampleRecords, sampleRows, type SampleRow } from '../testing/sampleCity';
import { LiveDatabase, type WindowOutcome } from './liveDatabase';
import { sqlTime } from './liveTableSchema';
import { encodeRowBatch } from './rowBatchCodec';
import { sqlWasmPath } from './sqlWasmPath';
import type { FromSqlWorker } from './sqlWorkerMessages';
import { SqlWorkerService } from './sqlWorkerService';
import { StopFlags } from './stopFlags';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NO_LIMIT = { maxRows: null, maxMinutes: null };

let db: LiveDatabase;
let service: SqlWorkerService;
let posts: FromSqlWorker[];
let generation = 0;
let nextId = 1;

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function statement(sql: string): Promise<WindowOutcome> {
  const requestId = nextId++;
  service.receive({ kind: 'window', requestId, sql });
  await settle();
  const done = posts.find((post) => post.kind === 'windowDone' && post.requestId === requestId);
  if (!done || done.kind !== 'windowDone') throw new Error(`no answer to ${sql}`);
  return done.outcome;
}

async function declare(sql: string): Promise<void> {
  const outcome = await statement(sql);
  if (!outcome.ok) throw new Error(outcome.message);
}

function restart(): void {
  service.receive({ kind: 'restart', generation: ++generation, columns: SAMPLE_COLUMNS });
}

async function feed(records: readonly TrafficRecord[], batchRows = 1000): Promise<void> {
  for (let at = 0; at < records.length; at += batchRows) {
    const entries: FeedEntry[] = records.slice(at, at + batchRows).map((record, i) => ({ offset: at + i, partition: 0, record }));
    service.receive({ kind: 'rows', bytes: encodeRowBatch(batchOf(entries)) });
  }
  await settle();
}

/**
 * Ends the run and waits for the worker's report after it (sent at most every 200 ms, later on a
 * busy machine): with windows declared, the one where every window is closed.
 */
async function end(): Promise<void> {
  const before = posts.length;
  service.receive({ kind: 'end', generation });
  await settle();
  if (latestWindows().length === 0) return;
  const deadline = Date.now() + 10_000;
  const closed = (): boolean => posts.slice(before).some((post) => post.kind === 'windows' && post.windows.every((window) => window.openRows === 0));
  while (!closed()) {
    if (Date.now() > deadline) throw new Error('no report of the closed windows after the end of the run');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every row of a query (paged as the console pages). */
async function rows(sql: string): Promise<SqlCell[][]> {
  let answer: SqlResult | null = null;
  const queryId = nextId++;
  await db.runQuery({ queryId, sql, pageSize: 1000, timeoutMs: 30_000 }, { answer: (result) => (answer = result), progress: () => undefined, objectsChanged: () => undefined });
  const result = answer as SqlResult | null;
  if (result?.status !== 'rows') throw new Error(`expected rows from ${sql}, got ${JSON.stringify(result)}`);
  const all = [...result.rows];
  for (;;) {
    const page = await db.page(queryId, all.length, 1000);
    if (page.rows.length === 0) break;
    all.push(...page.rows);
  }
  return all;
}

async function run(sql: string): Promise<SqlResult> {
  let answer: SqlResult | null = null;
  await db.runQuery({ queryId: nextId++, sql, pageSize: 100, timeoutMs: 10_000 }, { answer: (result) => (answer = result), progress: () => undefined, objectsChanged: () => undefined });
  return answer as unknown as SqlResult;
}

function latestWindows(): SqlWindowView[] {
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i] as FromSqlWorker;
    if (post.kind === 'windows') return post.windows;
  }
  return [];
}

const MEASURES = ['CarCount', 'BikeCount', 'BusCount', 'TruckCount', 'Total'] as const;
const values = (row: SampleRow): number[] => [row.car, row.bike, row.bus, row.truck, row.total];

/**
 * The brute force, as SQL would write it: for each (window_start, junction), the rows with
 * window_start <= time < window_start + size over every hop-aligned start; one line of text per group
 * in the table's column order (window_start, Junction, row_count, then sum/min/max per measure).
 */
function bruteForce(sizeMs: number, hopMs: number, only: readonly SampleRow[] = sampleRows()): string[] {
  const groups = new Map<string, { start: number; junction: string; rows: SampleRow[] }>();
  for (const row of only) {
    for (let start = Math.floor((row.time - sizeMs) / hopMs) * hopMs; start <= row.time; start += hopMs) {
      if (!(start <= row.time && row.time < start + sizeMs)) continue;
      const key = `${start}|${row.junction}`;
      const group = groups.get(key) ?? { start, junction: row.junction, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .sort((a, b) => a.start - b.start || (a.junction < b.junction ? -1 : a.junction > b.junction ? 1 : 0))
    .map((group) => {
      const cells: (string | number)[] = [sqlTime(group.start), group.junction, group.rows.length];
      MEASURES.forEach((_, m) => {
        const numbers = group.rows.map((row) => values(row)[m] as number);
        cells.push(numbers.reduce((a, b) => a + b, 0), Math.min(...numbers), Math.max(...numbers));
      });
      return cells.join(',');
    });
}

const SELECTED = ['window_start', 'Junction', 'row_count', ...MEASURES.flatMap((m) => [`${m}_sum`, `${m}_min`, `${m}_max`])].join(', ');

async function tableLines(table: string): Promise<string[]> {
  return (await rows(`SELECT ${SELECTED} FROM ${table} ORDER BY window_start, Junction`)).map((row) => row.join(','));
}

beforeAll(async () => {
  db = await LiveDatabase.load(sqlWasmPath(), new StopFlags());
});

afterAll(() => db.close());

beforeEach(async () => {
  posts = [];
  service = new SqlWorkerService(db, (message) => posts.push(message));
  service.receive({ kind: 'retention', retention: NO_LIMIT });
  for (const name of db.windows.names()) await statement(`DROP WINDOW ${name}`);
  restart();
  await settle();
});

describe('windows over the sample city, against a brute-force group-by of the CSV', () => {
  it('TUMBLE 15 MINUTES and HOP 1 HOUR EVERY 15 MINUTES, declared before the replay, equal the group-by after its end', async () => {
    await declare('CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES');
    await declare('CREATE WINDOW traffic_hourly AS HOP 1 HOUR EVERY 15 MINUTES');
    await feed(sampleRecords());
    // Before the end, the last windows are still open (EMIT FINAL: not in the table yet).
    const before = Number((await rows('SELECT count(*) FROM traffic_15min'))[0]?.[0]);
    expect(before).toBeLessThan(10 * 96 * 28);
    await end();
    expect(await tableLines('traffic_15min')).toEqual(bruteForce(15 * MIN, 15 * MIN));
    expect(await tableLines('traffic_hourly')).toEqual(bruteForce(HOUR, 15 * MIN));
    // Means agree with sum / count, and every row is final.
    expect(await rows('SELECT count(*) FROM traffic_hourly WHERE closed <> 1 OR abs(Total_mean - Total_sum * 1.0 / row_count) > 1e-9')).toEqual([[0]]);
    expect(await rows('SELECT sum(row_count) FROM traffic_15min')).toEqual([[sampleRows().length]]);
    const views = latestWindows();
    expect(views.map((view) => [view.spec.name, view.spec.kind, view.tableRows, view.lateCount, view.openRows])).toEqual([
      ['traffic_15min', 'tumble', 10 * 96 * 28, 0, 0],
      ['traffic_hourly', 'hop', 10 * (96 * 28 + 3), 0, 0],
    ]);
  });

  it('EMIT CHANGES upserts open windows and ends equal to EMIT FINAL after the end', async () => {
    await declare('CREATE WINDOW hourly_changes AS TUMBLE 1 HOUR EMIT CHANGES');
    await declare('CREATE WINDOW hourly_final AS TUMBLE 1 HOUR');
    const records = sampleRecords();
    await feed(records.slice(0, 1000));
    // Mid-stream: the open windows are there, marked open, with the rows so far.
    const open = await rows('SELECT count(*), sum(row_count) FROM hourly_changes WHERE closed = 0');
    expect(Number(open[0]?.[0])).toBeGreaterThan(0);
    expect(await rows('SELECT sum(row_count) FROM hourly_changes')).toEqual([[1000]]);
    await feed(records.slice(1000));
    await end();
    const columns = `${SELECTED}, closed`;
    expect(await rows(`SELECT ${columns} FROM hourly_changes EXCEPT SELECT ${columns} FROM hourly_final`)).toEqual([]);
    expect(await rows(`SELECT ${columns} FROM hourly_final EXCEPT SELECT ${columns} FROM hourly_changes`)).toEqual([]);
    expect(await rows('SELECT count(*) FROM hourly_changes')).toEqual(await rows('SELECT count(*) FROM hourly_final'));
    expect(await tableLines('hourly_changes')).toEqual(bruteForce(HOUR, HOUR));
  });

  it('counts (and lists) late rows of an out-of-order stream with lateness 0, leaving them out of the table', async () => {
    await declare('CREATE WINDOW late_15 AS TUMBLE 15 MINUTES LATENESS 0 MINUTES');
    // Each block of 40 rows (an hour of the city) reversed.
    const records = sampleRecords();
    const shuffled: TrafficRecord[] = [];
    for (let i = 0; i < records.length; i += 40) shuffled.push(...records.slice(i, i + 40).reverse());
    // Late by the definition: its window had ended by the newest time seen before it.
    let newest = Number.NEGATIVE_INFINITY;
    const onTime: SampleRow[] = [];
    let late = 0;
    const rowsByLine = new Map(sampleRows().map((row) => [row.line, row]));
    for (const record of shuffled) {
      const time = record.time as number;
      if (Math.floor(time / (15 * MIN)) * 15 * MIN + 15 * MIN <= newest) late++;
      else onTime.push(rowsByLine.get(record.line) as SampleRow);
      newest = Math.max(newest, time);
    }
    expect(late).toBeGreaterThan(1000);
    await feed(shuffled);
    await end();
    const [view] = latestWindows();
    expect(view?.lateCount).toBe(late);
    expect(view?.late).toHaveLength(200);
    expect(view?.lateDropped).toBe(late - 200);
    // The listed late rows name their source lines.
    expect(view?.late.every((row) => rowsByLine.has(row.line) && row.missedWindows === 1)).toBe(true);
    expect(await rows('SELECT sum(row_count) FROM late_15')).toEqual([[sampleRows().length - late]]);
    expect(await tableLines('late_15')).toEqual(bruteForce(15 * MIN, 15 * MIN, onTime));
  });

  it('a window declared after the replay ended is filled from the rows held, and closed', async () => {
    await feed(sampleRecords());
    await end();
    const outcome = await statement('CREATE WINDOW traffic_hourly AS TUMBLE 1 HOUR');
    expect(outcome).toMatchObject({ ok: true, message: expect.stringContaining('26,880 rows the live table holds') });
    expect(await rows('SELECT sum(row_count), count(*), min(closed) FROM traffic_hourly')).toEqual([[26_880, 10 * 24 * 28, 1]]);
    expect(await tableLines('traffic_hourly')).toEqual(bruteForce(HOUR, HOUR));
  });

  it('survives a new replay: emptied, then filled again by the new run; retention does not touch it', async () => {
    await declare('CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES');
    service.receive({ kind: 'retention', retention: { maxRows: 100, maxMinutes: null } });
    await feed(sampleRecords());
    await end();
    expect(await rows('SELECT count(*) FROM traffic')).toEqual([[100]]);
    expect(await rows('SELECT sum(row_count) FROM traffic_15min')).toEqual([[26_880]]);
    restart();
    await settle();
    expect(await rows('SELECT count(*) FROM traffic_15min')).toEqual([[0]]);
    await feed(sampleRecords().slice(0, 400));
    await end();
    expect(await rows('SELECT sum(row_count) FROM traffic_15min')).toEqual([[400]]);
    expect(db.objects().find((object) => object.name === 'traffic_15min')?.kind).toBe('window');
  });
});

describe('declaring, dropping and guarding windows', () => {
  it('drops a window and its table', async () => {
    await declare('CREATE WINDOW w1 AS TUMBLE 1 HOUR');
    expect(await statement('DROP WINDOW w1')).toMatchObject({ ok: true, message: 'Window w1 dropped, and its table with it.' });
    expect(db.objects().map((object) => object.name)).not.toContain('w1');
    expect(latestWindows()).toEqual([]);
    expect(await statement('DROP WINDOW w1')).toMatchObject({ ok: false, message: 'There is no window called w1.', position: { from: 12, to: 14 } });
  });

  it(`caps the windows at ${SQL_MAX_WINDOWS}, pointing at the name`, async () => {
    for (let i = 1; i <= SQL_MAX_WINDOWS; i++) await declare(`CREATE WINDOW w${i} AS TUMBLE ${i} MINUTES`);
    const sql = 'CREATE WINDOW one_more AS TUMBLE 1 HOUR';
    const outcome = await statement(sql);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^At most 8 windows can be declared at once \(w1, w2, .*w8\); drop one first with DROP WINDOW name\.$/);
    expect(sql.slice(outcome.position!.from, outcome.position!.to)).toBe('one_more');
  });

  it('refuses a name taken by a window or a table, and a measure that is not one', async () => {
    await declare('CREATE WINDOW w AS TUMBLE 1 HOUR');
    expect(await statement('create window W as tumble 15 minutes')).toMatchObject({ ok: false, message: expect.stringContaining('A window called W exists already') });
    expect(await run('CREATE TABLE mine AS SELECT 1 AS x')).toMatchObject({ status: 'done' });
    expect(await statement('CREATE WINDOW mine AS TUMBLE 1 HOUR')).toMatchObject({ ok: false, message: 'Your table mine has that name already; choose another name for the window.' });
    const sql = 'CREATE WINDOW m AS TUMBLE 1 HOUR MEASURES Total, Speed';
    const outcome = await statement(sql);
    expect(outcome.message).toBe('No column is called "Speed". The measures are: CarCount, BikeCount, BusCount, TruckCount, Total.');
    expect(sql.slice(outcome.position!.from, outcome.position!.to)).toBe('Speed');
    expect(await run('DROP TABLE mine')).toMatchObject({ status: 'done' });
  });

  it("guards window tables like the live table: the console's SQL cannot change them", async () => {
    await declare('CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES');
    for (const sql of [
      'INSERT INTO traffic_15min (window_start) VALUES (1)',
      'DELETE FROM Traffic_15min',
      "UPDATE traffic_15min SET row_count = 0",
      'DROP TABLE traffic_15min',
      'ALTER TABLE traffic_15min ADD COLUMN x',
      'CREATE TABLE traffic_15min (a)',
      'CREATE INDEX i ON traffic_15min (window_start)',
    ]) {
      const result = await run(sql);
      expect(result.status, sql).toBe('error');
      expect(result.status === 'error' && result.error.message, sql).toContain('traffic_15min');
    }
    const dropped = await run('DROP TABLE traffic_15min');
    expect(dropped.status === 'error' && dropped.error.message).toBe('DROP TABLE cannot remove the window table "traffic_15min"; use DROP WINDOW traffic_15min, which removes the window and its table.');
    expect(await run('SELECT count(*) FROM traffic_15min')).toMatchObject({ status: 'rows' });
    // Dropped, the name is free again.
    await statement('DROP WINDOW traffic_15min');
    expect(await run('CREATE TABLE traffic_15min (a)')).toMatchObject({ status: 'done' });
    expect(await run('DROP TABLE traffic_15min')).toMatchObject({ status: 'done' });
  });

  it("the console's Run takes window statements: a plain message, or the error with its position", async () => {
    service.receive({ kind: 'run', queryId: 9001, sql: 'CREATE WINDOW traffic_hourly AS TUMBLE 1 HOUR', pageSize: 100, timeoutMs: 10_000 });
    service.receive({ kind: 'run', queryId: 9002, sql: 'CREATE WINDOW broken AS TUMBLE 15 MINS', pageSize: 100, timeoutMs: 10_000 });
    await settle();
    await settle();
    const results = posts.flatMap((post) => (post.kind === 'result' ? [post.result] : []));
    expect(results[0]).toMatchObject({ status: 'done', queryId: 9001, message: expect.stringContaining('Window traffic_hourly declared') });
    expect(results[1]).toMatchObject({
      status: 'error',
      queryId: 9002,
      error: { message: 'Expected a unit after 15 (SECONDS, MINUTES, HOURS or DAYS), found "MINS".', position: { from: 34, to: 38 } },
    });
    expect(posts.filter((post) => post.kind === 'finished')).toHaveLength(2);
  });
});
