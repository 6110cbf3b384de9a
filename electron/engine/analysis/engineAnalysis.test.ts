/**
 * The analysis stage through the engine, with the real analysis worker (run from its TypeScript
 * source) and the committed sample city: every row a replay accepts is checked, once; a new file
 * starts it over; the flags export writes what the checker holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisView } from '../../../shared/analysis/analysisContract';
import type { ViewUpdate } from '../../../shared/contract';
import { Engine } from '../engine';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';

const SAMPLE = resolve(__dirname, '../../../sample-data/traffic-sample.csv');
const FAST = { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } } as const;
let dir: string;
let workerScript: string;
const engines: Engine[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-analysis-'));
  workerScript = writeTsWorkerEntry(dir, join(__dirname, 'analysisWorker.ts'));
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The page's copy: the last view and the last analysis sent (null means unchanged). */
interface Held {
  view: ViewUpdate | null;
  analysis: AnalysisView | null;
}

function newEngine(): { engine: Engine; held: Held } {
  const held: Held = { view: null, analysis: null };
  const engine = new Engine({
    workerScripts: { analysis: workerScript },
    sampleCsvPath: SAMPLE,
    dataDir: mkdtempSync(join(dir, 'data-')),
    onViewUpdate: (view) => {
      held.view = view;
      held.analysis = view.analysis ?? held.analysis;
    },
  });
  engines.push(engine);
  return { engine, held };
}

async function until(held: Held, condition: (held: Held) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition(held)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; analysis: ${JSON.stringify(held.analysis?.health.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the analysis stage in the engine', () => {
  it('checks every row a replay accepts, once, and starts over on a new file', async () => {
    const { engine, held } = newEngine();
    await engine.handle('file:openSample', {});
    await engine.handle('replay:start', FAST);
    await until(held, (h) => h.view?.replay.state === 'finished', 'the replay to finish');
    const accepted = held.view?.replay.rowsAccepted ?? 0;
    expect(accepted).toBe(26_880);
    await until(held, (h) => h.analysis?.health.counts.rowsChecked === accepted, 'every row checked');
    expect(held.analysis?.health.locationCount).toBe(10);
    expect(held.analysis?.state).toBe('live');

    // The flags export writes the checker's flags (the clean sample has none: the header alone).
    const out = join(dir, 'flags.csv');
    const { rows } = await engine.handle('analysis:export', { what: 'flags', path: out });
    expect(rows).toBe(held.analysis?.health.counts.flagsKept);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1 + rows);

    // Another file: everything starts over under its columns.
    const other = join(dir, 'sensors.csv');
    const lines = Array.from({ length: 600 }, (_, i) => `${new Date(Date.UTC(2026, 2, 14) + Math.floor(i / 2) * 300_000).toISOString()},S${(i % 2) + 1},${40 + (i % 9)}`);
    writeFileSync(other, `timestamp,sensor_id,flow\n${lines.join('\n')}\n`);
    await engine.handle('file:open', { path: other });
    await until(held, (h) => h.analysis?.state === 'waiting', 'the analysis to start over');
    expect(held.analysis?.health.counts.rowsChecked).toBe(0);
    await engine.handle('replay:start', FAST);
    await until(held, (h) => h.view?.replay.state === 'finished' && h.analysis?.health.counts.rowsChecked === 600, 'the new file checked');
    expect(held.analysis?.health.locations.map((location) => location.location)).toEqual(['S1', 'S2']);
    expect(held.analysis?.measure).toBe('flow');
  }, 60_000);
});
