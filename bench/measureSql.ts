/**
 * The SQL console's figures, with the engine in this process and the built SQL worker beside it:
 * - live-table ingest during a full-speed replay of the 1M-row file (rows inserted per second, and
 *   the replay's own rate in the same run as the reference);
 * - the two queries on the 1M-row table, against the native `sqlite3` shell on the same
 *   rows in the same run (median of three runs each);
 * - the engine's event-loop delay and the feed's update rate while those queries run over and over
 *   during a paced replay.
 */
import { builtWorkerScripts } from '../electron/engine/workerScripts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ViewUpdate } from '../shared/contract';
import type { SqlResult } from '../shared/sql/sqlContract';
import { Engine } from '../electron/engine/engine';

export interface SqlQueryTiming {
  name: string;
  sql: string;
  nativeSeconds: number;
  sqlJsSeconds: number;
}

export interface SqlMeasurement {
  rows: number;
  /** Rows in the live table per second, from Replay pressed to the last row inserted. */
  ingestRowsPerSecond: number;
  /** The same replay's rows read per second (the reference the table has to keep up with). */
  replayRowsPerSecond: number;
  /** Largest number of rows waiting for the table during the replay. */
  maxPending: number;
  queries: SqlQueryTiming[];
  nativeVersion: string;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** View updates per second while the queries ran: the feed kept moving. */
  viewUpdatesPerSecond: number;
  /** Rows the feed received while the queries ran. */
  feedRowsDuringQueries: number;
  queriesRun: number;
  /** `SELECT * FROM traffic` on the full table exported to CSV: rows, seconds, file size, peak RSS meanwhile. */
  exportRows: number;
  exportSeconds: number;
  exportMegabytes: number;
  exportPeakRssMb: number;
  rssBeforeExportMb: number;
}

// The original data set's columns (the generator writes them, plus a junction id).
const QUERIES = [
  { name: 'Rows over 50 per day of week', sql: 'SELECT "Day of the week", count(*), avg(Total) FROM traffic WHERE Total > 50 GROUP BY 1' },
  { name: 'Average per day of month', sql: 'SELECT Date, avg(Total), avg(CarCount) FROM traffic GROUP BY Date' },
];
const NATIVE_COLUMNS =
  '"Time" TEXT, "Date" NUMERIC, "Day of the week" TEXT, CarCount NUMERIC, BikeCount NUMERIC, BusCount NUMERIC, TruckCount NUMERIC, Total NUMERIC, "Traffic Situation" TEXT, Junction TEXT';
const RUNS = 3;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureSql(csvPath: string, sqlWorkerPath: string): Promise<SqlMeasurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-sql-'));
  let updates = 0;
  let feedRows = 0;
  const engine = new Engine({
    // The app's helper threads, as the engine worker has them: the analysis then runs in its worker, not in this thread.
    workerScripts: builtWorkerScripts(dirname(sqlWorkerPath)),
    sampleCsvPath: csvPath,
    dataDir,
    onViewUpdate: (update: ViewUpdate) => {
      updates++;
      feedRows += update.feed.rows.length;
    },
  });
  try {
    const ingest = await ingestDuringReplay(engine, csvPath);
    const queries: SqlQueryTiming[] = [];
    for (const query of QUERIES) queries.push({ ...query, sqlJsSeconds: await timeSqlJs(engine, query.sql), nativeSeconds: Number.NaN });
    const exported = await exportEverything(engine, dataDir);
    const native = timeNative(csvPath, queries);
    queries.forEach((query, index) => (query.nativeSeconds = native.seconds[index] ?? Number.NaN));

    // Queries over and over while a paced replay keeps the feed moving.
    await engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 100_000 }, limits: { durationSeconds: null, rows: null, loop: true } });
    await sleep(3000);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    updates = 0;
    feedRows = 0;
    const started = performance.now();
    let queriesRun = 0;
    while (performance.now() - started < 8000) {
      for (const query of QUERIES) {
        await engine.handle('sql:run', { sql: query.sql, pageSize: 200 });
        queriesRun++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    await engine.handle('replay:stop', {});
    return {
      ...ingest,
      ...exported,
      queries,
      nativeVersion: native.version,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
      viewUpdatesPerSecond: updates / seconds,
      feedRowsDuringQueries: feedRows,
      queriesRun,
    };
  } finally {
    engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function ingestDuringReplay(engine: Engine, csvPath: string): Promise<Pick<SqlMeasurement, 'rows' | 'ingestRowsPerSecond' | 'replayRowsPerSecond' | 'maxPending'>> {
  // As the SQL panel does when it is shown: without an open console the table is not filled.
  await engine.handle('sql:open', {});
  await engine.handle('file:open', { path: csvPath });
  const started = performance.now();
  await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
  let replayDoneAt: number | null = null;
  let maxPending = 0;
  for (;;) {
    await sleep(10);
    const view = engine.view(false);
    maxPending = Math.max(maxPending, view.sql.rowsPending);
    if (replayDoneAt === null && view.replay.state === 'finished') replayDoneAt = performance.now();
    if (view.sql.state === 'failed') throw new Error(`The SQL table failed: ${view.sql.message ?? ''}`);
    if (replayDoneAt !== null && view.sql.rowsPending === 0 && view.sql.rowsInserted >= view.replay.rowsAccepted) {
      const seconds = (performance.now() - started) / 1000;
      return {
        rows: view.sql.rowsInserted,
        ingestRowsPerSecond: view.sql.rowsInserted / seconds,
        replayRowsPerSecond: view.replay.rowsRead / ((replayDoneAt - started) / 1000),
        maxPending,
      };
    }
  }
}

/** The whole table through the export path: streamed by the SQL worker, so memory must not grow with the result. */
async function exportEverything(engine: Engine, dataDir: string): Promise<Pick<SqlMeasurement, 'exportRows' | 'exportSeconds' | 'exportMegabytes' | 'exportPeakRssMb' | 'rssBeforeExportMb'>> {
  const result = await engine.handle('sql:run', { sql: 'SELECT * FROM traffic', pageSize: 200 });
  if (result.status !== 'rows') throw new Error(`SELECT * failed: ${JSON.stringify(result).slice(0, 300)}`);
  // Counting (and keeping the first rows for scrolling) goes on after the first page; let it end first.
  while (engine.view(false).sql.query?.state === 'running') await sleep(20);
  const path = join(dataDir, 'export.csv');
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const { rows } = await engine.handle('sql:export', { queryId: result.queryId, path });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { exportRows: rows, exportSeconds: seconds, exportMegabytes: statSync(path).size / 2 ** 20, exportPeakRssMb: peak / 2 ** 20, rssBeforeExportMb: before / 2 ** 20 };
}

async function timeSqlJs(engine: Engine, sql: string): Promise<number> {
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result: SqlResult = await engine.handle('sql:run', { sql, pageSize: 200 });
    if (result.status !== 'rows' || !result.complete) throw new Error(`The benchmark query did not complete: ${JSON.stringify(result).slice(0, 300)}`);
    seconds.push((performance.now() - started) / 1000);
  }
  return median(seconds);
}

/** The same file in the native shell: typed columns, CSV import, then each query three times with `.timer on`. */
function timeNative(csvPath: string, queries: readonly SqlQueryTiming[]): { version: string; seconds: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tm-bench-sqlite3-'));
  try {
    const script = join(dir, 'bench.sql');
    const statements = queries.flatMap((query) => Array.from({ length: RUNS }, () => `${query.sql};`));
    writeFileSync(script, [`CREATE TABLE traffic(${NATIVE_COLUMNS});`, '.mode csv', `.import --skip 1 '${csvPath}' traffic`, '.output /dev/null', '.timer on', ...statements, ''].join('\n'));
    const output = execFileSync('sqlite3', [':memory:', `.read '${script}'`], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const times = [...output.matchAll(/Run Time: real ([\d.]+)/g)].map((match) => Number(match[1]));
    if (times.length !== statements.length) throw new Error(`sqlite3 printed ${times.length} timings for ${statements.length} queries: ${output.slice(0, 500)}`);
    const version = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0] ?? 'unknown';
    return { version, seconds: queries.map((_, index) => median(times.slice(index * RUNS, (index + 1) * RUNS))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
