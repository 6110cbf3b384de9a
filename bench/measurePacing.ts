/**
 * Pacing accuracy by the data's clock: replays a file with one row per second of event time at
 * 60× through the real web host and compares how far the data clock advanced with 60 × the wall
 * clock over the run (one minute unless BENCH_PACING_SECONDS says otherwise).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ViewUpdate } from '../shared/contract';
import { WebHost } from '../electron/web/webHost';
import { parseServerMessage, SocketRequests } from '../shared/socketProtocol';
import { webHostSocketUrl } from './webHostClient';

export const PACING_SPEED = 60;

export interface PacingMeasurement {
  speed: number;
  wallSeconds: number;
  dataSeconds: number;
  /** Data-clock advance ÷ (speed × wall-clock advance) − 1. */
  relativeError: number;
}

/** One sensor, one row per second: fine enough that the data clock's steps are 1/60 of a wall second at 60×. */
export function writePacingCsv(path: string, rows: number): void {
  const start = Date.UTC(2026, 9, 1);
  const lines = ['timestamp,sensor,count'];
  for (let i = 0; i < rows; i++) lines.push(`${new Date(start + i * 1000).toISOString()},S1,${i % 97}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export async function measurePacing(csvPath: string, paths: { workerPath: string; rendererDir: string }): Promise<PacingMeasurement> {
  const runSeconds = Number(process.env['BENCH_PACING_SECONDS'] ?? 60);
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-pacing-'));
  const host = new WebHost({ port: 0, ...paths, sampleCsvPath: csvPath, dataDir });
  const url = await host.start();
  const socket = new WebSocket(webHostSocketUrl(url));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const samples: { wall: number; data: number }[] = [];
  const requests = new SocketRequests();
  socket.on('message', (raw) => {
    const message = parseServerMessage(String(raw));
    if (message?.type === 'result') requests.answered(message);
    else if (message?.name === 'view:update') {
      const { replay } = message.payload as ViewUpdate;
      if (replay.eventTime !== null && replay.state === 'running') samples.push({ wall: performance.now(), data: replay.eventTime });
    }
  });
  const invoke = async (name: string, args: unknown): Promise<void> => {
    await requests.invoke((text) => socket.send(text), name, args);
  };
  // The host's "sample" is this file: a WebSocket client may not name a path (only uploads).
  await invoke('file:openSample', {});
  await invoke('replay:start', {
    pace: { mode: 'event', speed: PACING_SPEED, maxGapSeconds: null },
    limits: { durationSeconds: runSeconds, rows: null, loop: false },
  });
  await new Promise((resolve) => setTimeout(resolve, runSeconds * 1000 + 500));
  socket.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.wall <= first.wall) throw new Error('no pacing samples were received');
  const wallSeconds = (last.wall - first.wall) / 1000;
  const dataSeconds = (last.data - first.data) / 1000;
  return { speed: PACING_SPEED, wallSeconds, dataSeconds, relativeError: dataSeconds / (PACING_SPEED * wallSeconds) - 1 };
}
