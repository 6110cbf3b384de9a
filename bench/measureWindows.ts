/**
 * Windowed aggregates (issue 23) at full speed: the embedded replay of a file with the SQL console
 * open, with no window declared and with two (a 15-minute tumbling window and a 1-hour window
 * hopping every 15 minutes), alternately, in this process with the built SQL worker beside it.
 * Reports, for each, the replay's own rate (rows read ÷ time to the end of the file) and the rate
 * with everything done (rows ÷ time until the live table inserted every row and, with windows, every
 * window closed), the median of RUNS runs, and their ratios: the issue wants ≥ 80 %.
 *
 *   npx tsx bench/measureWindows.ts [file.csv]   (default: bench/tmp/traffic-1m.csv, generated when missing)
 */
import { builtWorkerScripts } from '../electron/engine/workerScripts';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Engine } from '../electron/engine/engine';
import { writeTrafficCsv } from '../sample-data/generator/writeTrafficCsv';

export const BENCH_WINDOWS = ['CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES', 'CREATE WINDOW traffic_hourly AS HOP 1 HOUR EVERY 15 MINUTES'];
const RUNS = 3;

export interface WindowRun {
  rows: number;
  /** Rows read ÷ time from Replay to the end of the file. */
  replayRowsPerSecond: number;
  /** Rows ÷ time from Replay until the table and the windows were done with the last row. */
  doneRowsPerSecond: number;
  /** Window rows in the tables at the end (0 without windows). */
  windowRows: number;
}

export interface WindowsMeasurement {
  rows: number;
  without: WindowRun;
  withWindows: WindowRun;
  /** withWindows ÷ without, for each rate. */
  replayRatio: number;
  doneRatio: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function oneRun(csvPath: string, sqlWorkerPath: string, windows: readonly string[]): Promise<WindowRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-windows-'));
  const engine = new Engine({ workerScripts: builtWorkerScripts(dirname(sqlWorkerPath)), sampleCsvPath: csvPath, dataDir, onViewUpdate: () => undefined });
  try {
    await engine.handle('sql:open', {});
    for (const sql of windows) {
      const outcome = await engine.handle('sql:window', { sql });
      if (!outcome.ok) throw new Error(`${sql}: ${outcome.message}`);
    }
    await engine.handle('file:open', { path: csvPath });
    const started = performance.now();
    await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    let replayDoneAt: number | null = null;
    for (;;) {
      await sleep(10);
      const view = engine.view(false);
      if (view.sql.state === 'failed') throw new Error(`The SQL table failed: ${view.sql.message ?? ''}`);
      if (replayDoneAt === null && view.replay.state === 'finished') replayDoneAt = performance.now();
      const tableDone = view.sql.rowsPending === 0 && view.sql.rowsInserted >= view.replay.rowsAccepted;
      // The end of the replay closes every window: nothing open, something emitted.
      const windowsDone = view.sql.windows.length === windows.length && view.sql.windows.every((window) => window.openRows === 0 && window.closedRows > 0);
      if (replayDoneAt !== null && tableDone && windowsDone) {
        const done = performance.now();
        return {
          rows: view.replay.rowsRead,
          replayRowsPerSecond: view.replay.rowsRead / ((replayDoneAt - started) / 1000),
          doneRowsPerSecond: view.replay.rowsRead / ((done - started) / 1000),
          windowRows: view.sql.windows.reduce((sum, window) => sum + window.tableRows, 0),
        };
      }
    }
  } finally {
    engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function medianRun(runs: readonly WindowRun[]): WindowRun {
  return {
    rows: runs[0]?.rows ?? 0,
    replayRowsPerSecond: median(runs.map((run) => run.replayRowsPerSecond)),
    doneRowsPerSecond: median(runs.map((run) => run.doneRowsPerSecond)),
    windowRows: runs[0]?.windowRows ?? 0,
  };
}

export async function measureWindows(csvPath: string, sqlWorkerPath: string): Promise<WindowsMeasurement> {
  const without: WindowRun[] = [];
  const withWindows: WindowRun[] = [];
  // Alternated, so a noisy neighbour's spell weighs on both.
  for (let run = 0; run < RUNS; run++) {
    without.push(await oneRun(csvPath, sqlWorkerPath, []));
    withWindows.push(await oneRun(csvPath, sqlWorkerPath, BENCH_WINDOWS));
  }
  const a = medianRun(without);
  const b = medianRun(withWindows);
  return { rows: a.rows, without: a, withWindows: b, replayRatio: b.replayRowsPerSecond / a.replayRowsPerSecond, doneRatio: b.doneRowsPerSecond / a.doneRowsPerSecond };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const root = resolve(__dirname, '..');
  const csvPath = process.argv[2] ?? join(root, 'bench', 'tmp', 'traffic-1m.csv');
  void (async () => {
    if (!existsSync(csvPath)) {
      mkdirSync(join(root, 'bench', 'tmp'), { recursive: true });
      await writeTrafficCsv({ out: csvPath, rows: 1_000_000, junctions: 12 });
    }
    const result = await measureWindows(csvPath, join(root, 'out', 'main', 'sqlWorker.js'));
    console.log(JSON.stringify(result));
    process.exit(0);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
