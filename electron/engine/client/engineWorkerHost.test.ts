/**
 * The engine's thread dies (here terminated from outside, as its heap limit or an uncaught error
 * would end it): the host logs it, the page is told what was lost, a new thread takes commands,
 * and the file that was open is open again. The real engine worker script, real files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, ViewUpdate } from '../../../shared/contract';
import { trafficCsv, trafficRows } from '../testing/trafficFixture';
import type { WorkerChannel } from '../supervision/workerChannel';
import { threadOf } from '../testing/threadOf';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { EngineWorkerHost } from './engineWorkerHost';

let dir: string;
let entry: string;
const hosts: EngineWorkerHost[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-host-'));
  entry = writeTsWorkerEntry(dir, join(__dirname, '..', 'worker.ts'));
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The thread as the host holds it: what a crash ends, reached from outside as a test must. */
function engineThreadOf(host: EngineWorkerHost): Worker {
  return threadOf((host as unknown as { worker: WorkerChannel<unknown, unknown> | null }).worker);
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function newHost(logs: string[]): { host: EngineWorkerHost; events: { name: EventName; payload: unknown }[] } {
  const host = new EngineWorkerHost(entry, { sampleCsvPath: '', dataDir: mkdtempSync(join(dir, 'data-')) }, null, { log: (line) => logs.push(line) });
  hosts.push(host);
  const events: { name: EventName; payload: unknown }[] = [];
  host.onEvent((name, payload) => events.push({ name, payload }));
  host.start();
  return { host, events };
}

describe('EngineWorkerHost supervision', () => {
  it('logs a dead engine thread, tells the page, starts a new one and opens the same file again', async () => {
    const logs: string[] = [];
    const { host, events } = newHost(logs);
    const csv = join(dir, 'junctions.csv');
    writeFileSync(csv, trafficCsv(trafficRows(200)));
    const opened = await host.invoke('file:open', { path: csv });
    expect(opened.ok).toBe(true);

    await engineThreadOf(host).terminate();
    const restarted = await until(() => events.find((event) => event.name === 'engine:restarted'), 'the restart event');
    expect(restarted.payload).toMatchObject({ restarted: true });
    expect((restarted.payload as { message: string }).message).toMatch(/^The engine stopped \(its thread exited with code 1\) and was restarted\. junctions\.csv was opened again; the replay stopped/);
    expect(logs[0]).toBe('[engine worker] stopped unexpectedly: its thread exited with code 1');
    expect(logs).toContain('[engine worker] restarted; junctions.csv reopened');

    // The next command works, on the file that was open.
    const snapshot = await host.invoke('session:snapshot', {});
    expect(snapshot.ok).toBe(true);
    const view = (snapshot as { ok: true; value: ViewUpdate }).value;
    expect(view.file?.name).toBe('junctions.csv');
    const started = await host.invoke('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    expect(started.ok).toBe(true);
  }, 60_000);

  it('fails a request in flight with the reason instead of "not running" for good', async () => {
    const { host } = newHost([]);
    await host.invoke('session:snapshot', {});
    const thread = engineThreadOf(host);
    const inFlight = host.invoke('session:snapshot', {});
    await thread.terminate();
    const answer = await inFlight;
    // Either it was answered before the end, or it fails saying the engine is being restarted.
    if (!answer.ok) expect(answer.error.message).toMatch(/is being restarted/);
    // terminate() settles after the exit was handled: the new thread takes the next command.
    expect((await host.invoke('session:snapshot', {})).ok).toBe(true);
  }, 60_000);

  it("writes the engine's own log lines (here: a worker it cannot start) to the host's log, named by their source", async () => {
    const logs: string[] = [];
    const { host } = newHost(logs);
    // Run from the TypeScript sources, the engine finds no built SQL worker script beside it.
    expect((await host.invoke('sql:open', {})).ok).toBe(true);
    await host.invoke('sql:run', { sql: 'SELECT 1', pageSize: 10 });
    const line = await until(() => logs.find((entry) => entry.startsWith('[sql worker] SQL is unavailable: ')), 'the SQL worker log line');
    expect(line).toMatch(/the SQL worker stopped while starting/);
    expect(logs.some((entry) => /^\[sql worker\] stopped unexpectedly: Cannot find module/.test(entry))).toBe(true);
  }, 60_000);
});
