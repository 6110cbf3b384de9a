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
}

interface Paths {
  workerPath: string;
  rendererDir: string;
}

/**
 * `sqlOpen`: an SQL console is open, so the live table fills too (it costs about a core).
 * `analysisOff`: the data-quality, profile and alarm checks are switched off for the run.
 */
export async function measureReplay(csvPath: string, paths: Paths, sqlOpen = false, analysisOff = false): Promise<ReplayMeasurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-'));
  const host = new WebHost({ port: 0, rendererDir: paths.rendererDir, workerPath: paths.workerPath, sampleCsvPath: csvPath, dataDir });
  const url = await host.start();
  const client = await connectWebHost(url);
  let updates = 0;
  let firstRowAt: number | null = null;
  client.onUpdate((view) => {
    updates++;
    if (firstRowAt === null && view.feed.rows.length > 0) firstRowAt = performance.now();
  });
  const invoke = client.invoke;

  if (sqlOpen) await invoke('sql:open', {});
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
  const seconds = (performance.now() - started) / 1000;
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
  };
}
