/**
 * Replays one file through the real web host (engine worker + WebSocket relay) at full speed, as
 * a browser would watch it, and measures what the issue names: rows per second end to end, the
 * process's peak memory, the host event loop's p99 delay, and how many view updates arrived.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ViewUpdate } from '../shared/contract';
import { WebHost } from '../electron/web/webHost';

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

/** `sqlOpen`: an SQL console is open, so the live table fills too (it costs about a core). */
export async function measureReplay(csvPath: string, paths: Paths, sqlOpen = false): Promise<ReplayMeasurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-'));
  const host = new WebHost({ port: 0, rendererDir: paths.rendererDir, workerPath: paths.workerPath, sampleCsvPath: csvPath, dataDir });
  const url = await host.start();
  const socket = new WebSocket(`${url.replace('http', 'ws')}ws`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

  let nextId = 1;
  const replies = new Map<number, (value: unknown) => void>();
  let updates = 0;
  let last: ViewUpdate | null = null;
  let onUpdate: (() => void) | null = null;
  let firstRowAt: number | null = null;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; id: number; envelope: unknown; name: string; payload: ViewUpdate };
    if (message.type === 'result') replies.get(message.id)?.(message.envelope);
    else if (message.name === 'view:update') {
      updates++;
      last = message.payload;
      if (firstRowAt === null && message.payload.feed.rows.length > 0) firstRowAt = performance.now();
      onUpdate?.();
    }
  });
  const invoke = (name: string, args: unknown): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      socket.send(JSON.stringify({ type: 'invoke', id, name, args }));
    });

  if (sqlOpen) await invoke('sql:open', {});
  const openedAt = performance.now();
  await invoke('file:open', { path: csvPath });
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
  const finished = await new Promise<ViewUpdate>((resolve) => {
    onUpdate = () => {
      const view = last as ViewUpdate | null;
      if (view && view.replay.state === 'finished' && view.replay.rowsConsumed === view.replay.rowsAccepted) resolve(view);
    };
  });
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  clearInterval(sampler);
  socket.close();
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
