/**
 * Replays one file through the real web host (engine worker + WebSocket relay) at full speed, as
 * a browser would watch it, and measures what the issue names: rows per second end to end, the
 * process's peak memory, the host event loop's p99 delay, and how many view updates arrived.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebHost } from '../electron/web/webHost';
import { connectWebHost } from './webHostClient';
import { DEFAULT_ANALYSIS_SETTINGS } from '../electron/engine/analysis';
import type { AnalysisView } from '../shared/analysis/analysisContract';
import type { ViewUpdate } from '../shared/contract';

export interface ReplayMeasurement {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  baselineRssMb: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  viewUpdatesPerSecond: number;
  passing: number;
  /** From asking to open the file to the first view update that carries rows for the feed. */
  firstRowMs: number;
  /**
   * With the analysis on: how long after the replay's end its checks had every row (they run at a
   * lower priority and catch up after a full-speed replay); null with the analysis off.
   */
  analysisCaughtUpMs: number | null;
  /** The most rows the checks were behind the replay in any view update (the replay waits at ANALYSIS_MAX_WAITING); null with the analysis off. */
  analysisMostWaiting: number | null;
  /**
   * With the SQL console open: how long after the replay's end the live table held every row (the
   * SQL worker runs at a lower priority too), and the most rows it was behind in any view update
   * (the replay waits at SQL_MAX_WAITING); null with the console closed.
   */
  sqlCaughtUpMs: number | null;
  sqlMostWaiting: number | null;
}

export interface ReplayOptions {
  /** An SQL console is open, so the live table fills too (it costs about a core). */
  sqlOpen?: boolean;
  /** The data-quality, profile and alarm checks are switched off for the run. */
  analysisOff?: boolean;
  /** CREATE WINDOW statements declared before the replay (needs sqlOpen). */
  windows?: readonly string[];
}

interface Paths {
  workerPath: string;
  rendererDir: string;
}

export async function measureReplay(csvPath: string, paths: Paths, options: ReplayOptions = {}): Promise<ReplayMeasurement> {
  const { sqlOpen = false, analysisOff = false, windows = [] } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-'));
  const host = new WebHost({ port: 0, rendererDir: paths.rendererDir, workerPath: paths.workerPath, sampleCsvPath: csvPath, dataDir });
  const url = await host.start();
  const client = await connectWebHost(url);
  let updates = 0;
  let firstRowAt: number | null = null;
  let analysis: AnalysisView | null = null;
  let mostWaiting = 0;
  let sqlMostWaiting = 0;
  let lastView: ViewUpdate | null = null;
  client.onUpdate((view) => {
    updates++;
    lastView = view;
    analysis = view.analysis ?? analysis;
    mostWaiting = Math.max(mostWaiting, view.analysis?.rowsWaiting ?? 0);
    sqlMostWaiting = Math.max(sqlMostWaiting, view.sql.rowsPending);
    if (firstRowAt === null && view.feed.rows.length > 0) firstRowAt = performance.now();
  });
  const invoke = client.invoke;

  if (sqlOpen) await invoke('sql:open', {});
  for (const sql of windows) await invoke('sql:window', { sql });
  const openedAt = performance.now();
  // The host's "sample" is this file: a WebSocket client may not name a path (only uploads).
  await invoke('file:openSample', {});
  // A fresh data folder: the settings are the defaults.
  if (analysisOff) await invoke('analysis:configure', { ...DEFAULT_ANALYSIS_SETTINGS, enabled: false });
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  updates = 0;
  await invoke('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
  const finished = await client.until((view) => view.replay.state === 'finished' && view.replay.rowsConsumed === view.replay.rowsAccepted);
  const finishedAt = performance.now();
  const seconds = (finishedAt - started) / 1000;
  let analysisCaughtUpMs: number | null = null;
  if (!analysisOff) {
    const checkedAll = (): boolean => analysis !== null && analysis.rowsWaiting === 0 && analysis.health.counts.rowsChecked >= finished.replay.rowsAccepted;
    if (!checkedAll()) {
      await client.until((view) => {
        analysis = view.analysis ?? analysis;
        return checkedAll();
      });
    }
    analysisCaughtUpMs = performance.now() - finishedAt;
  }
  let sqlCaughtUpMs: number | null = null;
  if (sqlOpen) {
    const heldAll = (view: ViewUpdate | null): boolean => view !== null && view.sql.rowsPending === 0 && view.sql.rowsInserted >= finished.replay.rowsAccepted;
    if (!heldAll(lastView)) await client.until(heldAll);
    sqlCaughtUpMs = performance.now() - finishedAt;
  }
  loop.disable();
  clearInterval(sampler);
  client.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    rows: finished.replay.rowsRead,
    seconds,
    rowsPerSecond: finished.replay.rowsRead / seconds,
    peakRssMb: peakRss / 2 ** 20,
    baselineRssMb: baselineRss / 2 ** 20,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
    viewUpdatesPerSecond: updates / seconds,
    passing: finished.threshold.passing,
    firstRowMs: (firstRowAt ?? Number.NaN) - openedAt,
    analysisCaughtUpMs,
    analysisMostWaiting: analysisOff ? null : mostWaiting,
    sqlCaughtUpMs,
    sqlMostWaiting: sqlOpen ? sqlMostWaiting : null,
  };
}
