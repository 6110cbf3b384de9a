/**
 * The web host's memory as users run it: the built server (`out/main/webServer.js`, what `npm run
 * web` starts) in a process of its own, replaying a file at full speed while this process watches
 * over the WebSocket like a browser. Its RSS is read from /proc, so the figure holds the server and
 * its engine worker only, not the benchmark's TypeScript loader or the watching client.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectWebHost, uploadToWebHost } from './webHostClient';

export interface ServerMemoryMeasurement {
  rows: number;
  /** After the file is open, before the replay. */
  baselineRssMb: number;
  peakRssMb: number;
}

/** Why the measurement cannot run here, or null. */
export function serverMemorySkipReason(): string | null {
  return process.platform === 'linux' ? null : 'reading another process\'s memory needs Linux\'s /proc';
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export async function measureServerMemory(csvPath: string, serverScript: string): Promise<ServerMemoryMeasurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-server-'));
  const server = spawn(process.execPath, [serverScript, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      server.once('exit', (code) => reject(new Error(`the web host exited (${String(code)}) before it was ready: ${output}`)));
    });
    const pid = server.pid as number;
    const client = await connectWebHost(url);
    await client.invoke('file:open', { path: await uploadToWebHost(url, csvPath) });
    const baselineRssMb = rssMb(pid);
    let peakRssMb = baselineRssMb;
    const sampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, rssMb(pid));
    }, 20);
    await client.invoke('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    const finished = await client.until((view) => view.replay.state === 'finished' && view.replay.rowsConsumed === view.replay.rowsAccepted);
    clearInterval(sampler);
    client.close();
    return { rows: finished.replay.rowsRead, baselineRssMb, peakRssMb };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
