/**
 * The SQL worker thread's handle, with small stand-in worker scripts instead of the real SQL worker:
 * what a thread is given, how rows cross, how a thread that stops by itself is reported (before or
 * after it said 'ready'), and that a stopped thread is heard from no more.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batchOf, cityEntries } from '../testing/liveTableRows';
import { encodeRowBatch } from './rowBatchCodec';
import { SqlWorkerHandle, type SqlWorkerScript } from './sqlWorkerHandle';
import type { FromSqlWorker } from './sqlWorkerMessages';
import { StopFlags } from './stopFlags';

/** Stand-in worker scripts: plain CommonJS, so no build step is needed. */
const SCRIPTS = {
  // Proves it shares the engine's stop flags (stops query 7), echoes its wasm path, and acks rows.
  echo: `
    const { parentPort, workerData } = require('node:worker_threads');
    Atomics.store(new Int32Array(workerData.stopFlags), 0, 7);
    parentPort.postMessage({ kind: 'ready' });
    parentPort.postMessage({ kind: 'unavailable', message: workerData.wasmPath });
    parentPort.on('message', (message) => {
      if (message.kind === 'rows') parentPort.postMessage({ kind: 'ingested', generation: 0, inserted: require('node:v8').deserialize(message.bytes).rows, evicted: 0, evictedForMemory: 0 });
      if (message.kind === 'retention') throw new Error('retention crashed me');
    });
  `,
  exitsAtOnce: `process.exit(2);`,
  // Talks until it is stopped.
  chatty: `
    const { parentPort } = require('node:worker_threads');
    parentPort.postMessage({ kind: 'ready' });
    setInterval(() => parentPort.postMessage({ kind: 'objects', objects: [] }), 5);
  `,
};

let dir: string;
const scripts = {} as Record<keyof typeof SCRIPTS, string>;
const handles: SqlWorkerHandle[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sql-worker-handle-'));
  for (const [name, source] of Object.entries(SCRIPTS)) {
    const path = join(dir, `${name}.cjs`);
    writeFileSync(path, source);
    scripts[name as keyof typeof SCRIPTS] = path;
  }
});

afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.stop()));
  useScript({ workerPath: null });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The script every handle here starts from: read at each start, so a test can change it between starts. */
const script: SqlWorkerScript = { workerPath: null };

function useScript(next: SqlWorkerScript): void {
  script.workerPath = next.workerPath;
  script.wasmPath = next.wasmPath;
}

/** A handle that records what it hears; like the real owner, it stops the thread it hears has stopped. */
function recordingHandle(flags = new StopFlags()) {
  const messages: FromSqlWorker[] = [];
  const stops: { detail: string; wasReady: boolean }[] = [];
  const handle: SqlWorkerHandle = new SqlWorkerHandle(
    flags.buffer,
    {
      message: (message) => messages.push(message),
      stopped: (detail, wasReady) => {
        stops.push({ detail, wasReady });
        void handle.stop();
      },
    },
    script,
  );
  handles.push(handle);
  return { handle, messages, stops };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SQL worker handle', () => {
  it('says why SQL is unavailable when there is no worker script or it cannot start', () => {
    const { handle } = recordingHandle();
    expect(handle.start()).toBe('SQL is unavailable: this engine was started without the SQL worker.');
    useScript({ workerPath: 'not/absolute.cjs' });
    expect(handle.start()).toMatch(/^SQL is unavailable: the SQL worker \(not\/absolute\.cjs\) could not start: /);
    expect(handle.running).toBe(false);
    // Nothing runs, so posting is a no-op rather than an error.
    expect(() => handle.post({ kind: 'retention', retention: { maxRows: 1, maxMinutes: null } })).not.toThrow();
  });

  it('starts a thread with the stop flags and wasm path, and posts a copy of the encoded rows, keeping the original', async () => {
    useScript({ workerPath: scripts.echo, wasmPath: '/somewhere/sql-wasm.wasm' });
    const flags = new StopFlags();
    const { handle, messages } = recordingHandle(flags);
    expect(handle.start()).toBeNull();
    expect(handle.running).toBe(true);
    await waitFor(() => messages.length >= 2, 'the first messages');
    expect(messages).toEqual([{ kind: 'ready' }, { kind: 'unavailable', message: '/somewhere/sql-wasm.wasm' }]);
    expect(flags.isStopped('query', 7)).toBe(true);

    const encoded = encodeRowBatch(batchOf(cityEntries(0, 2)));
    const length = encoded.byteLength;
    handle.postRows(encoded);
    // The engine keeps its bytes: they are what a replaced worker's table is rebuilt from.
    expect(encoded.byteLength).toBe(length);
    await waitFor(() => messages.length >= 3, 'the rows to be acknowledged');
    expect(messages[2]).toMatchObject({ kind: 'ingested', inserted: 2 });
  });

  it('reports a thread that stops by itself, and whether it had said it was ready', async () => {
    useScript({ workerPath: scripts.exitsAtOnce });
    const early = recordingHandle();
    early.handle.start();
    await waitFor(() => early.stops.length > 0, 'the thread to exit');
    expect(early.stops).toEqual([{ detail: 'its thread exited with code 2', wasReady: false }]);
    expect(early.handle.running).toBe(false);

    useScript({ workerPath: scripts.echo });
    const late = recordingHandle();
    late.handle.start();
    await waitFor(() => late.messages.length > 0, 'ready');
    late.handle.post({ kind: 'retention', retention: { maxRows: 1, maxMinutes: null } });
    await waitFor(() => late.stops.length > 0, 'the thread to crash');
    expect(late.stops).toEqual([{ detail: 'retention crashed me', wasReady: true }]);

    // A new thread must say 'ready' again.
    useScript({ workerPath: scripts.exitsAtOnce });
    late.handle.start();
    await waitFor(() => late.stops.length > 1, 'the new thread to exit');
    expect(late.stops[1]).toEqual({ detail: 'its thread exited with code 2', wasReady: false });
  });

  it('hears nothing more from a thread once it is stopped, not even its exit', async () => {
    useScript({ workerPath: scripts.chatty });
    const { handle, messages, stops } = recordingHandle();
    handle.start();
    await waitFor(() => messages.length >= 3, 'a few messages');
    await handle.stop();
    expect(handle.running).toBe(false);
    const heard = messages.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(messages).toHaveLength(heard);
    expect(stops).toEqual([]);
  });
});
