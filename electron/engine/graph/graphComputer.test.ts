/**
 * The graph worker for real (the TypeScript entry loaded through tsx): analytics, routes and
 * inferred links come back from another thread with the same answers as computed here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setEngineLogSink } from '../supervision/engineLog';
import type { WorkerChannel } from '../supervision/workerChannel';
import { threadOf } from '../testing/threadOf';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { GraphComputer } from './graphComputer';

let dir: string;
/** The graph worker's script, run from its TypeScript source. */
let workerScript: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'graph-worker-'));
  workerScript = writeTsWorkerEntry(dir, join(__dirname, 'graphWorker.ts'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// A path a – b – c plus a separate pair d – e.
const nodes = ['a', 'b', 'c', 'd', 'e'];
const edges = [
  { id: 'ab', from: 'a', to: 'b' },
  { id: 'bc', from: 'b', to: 'c' },
  { id: 'de', from: 'd', to: 'e' },
];

describe('graph worker', () => {
  it('computes analytics, routes and inferred links in its own thread', async () => {
    const computer = new GraphComputer(workerScript);
    try {
      const analytics = await computer.run({ kind: 'analyse', nodes, edges });
      expect(analytics.value.componentCount).toBe(2);
      expect(analytics.value.nodes.find((node) => node.id === 'b')).toMatchObject({ degree: 2, betweenness: 1 });

      const route = await computer.run({ kind: 'path', nodes, edges, costs: [5, 7, 1], from: 'a', to: 'c' });
      expect(route.value).toEqual({ path: ['a', 'b', 'c'], edges: ['ab', 'bc'], cost: 12 });
      const none = await computer.run({ kind: 'path', nodes, edges, costs: [1, 1, 1], from: 'a', to: 'e' });
      expect(none.value).toBeNull();

      const slots = 12;
      const up = Array.from({ length: slots }, (_, i) => i * 10);
      const down = up.map((v) => 200 - v);
      const values = new Float64Array([...up, ...up.map((v) => v * 2 + 3), ...down]);
      const infer = await computer.run({ kind: 'infer', ids: ['x', 'y', 'z'], slots, values, threshold: 0.9, existing: [] });
      expect(infer.value.map((link) => [link.from, link.to])).toEqual([['x', 'y']]);
    } finally {
      computer.dispose();
    }
  });

  it('fails the tasks a dying worker held, logs it, and runs the next task on a fresh worker', async () => {
    const logged: string[] = [];
    setEngineLogSink((source, line) => logged.push(`[${source}] ${line}`));
    const computer = new GraphComputer(workerScript);
    try {
      await computer.run({ kind: 'analyse', nodes, edges });
      const channelOf = (): WorkerChannel<unknown, unknown> | null => (computer as unknown as { worker: WorkerChannel<unknown, unknown> | null }).worker;
      const worker = threadOf(channelOf());
      const held = computer.run({ kind: 'analyse', nodes, edges });
      // Killed from outside, as its heap limit or an uncaught error would end it.
      await worker.terminate();
      await held.then(
        // It may have answered before the end; if not, it fails with the reason.
        () => undefined,
        (error: Error) => expect(error.message).toMatch(/The graph worker stopped \(its thread exited with code 1\)/),
      );
      expect(logged).toContain('[graph worker] stopped unexpectedly: its thread exited with code 1');
      const again = await computer.run({ kind: 'analyse', nodes, edges });
      expect(again.value.componentCount).toBe(2);
      expect(threadOf(channelOf())).not.toBe(worker);
    } finally {
      computer.dispose();
      setEngineLogSink((source, line) => console.error(`[${source}] ${line}`));
    }
  });
});
