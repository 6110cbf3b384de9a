/**
 * The analysis stage through the engine, with the real analysis worker (run from its TypeScript
 * source) and the committed sample city: every row a replay accepts is checked, once; a new file
 * starts it over; the flags export writes what the checker holds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisView } from '../../../shared/analysis/analysisContract';
import type { ViewUpdate } from '../../../shared/contract';
import { Engine } from '../engine';
import { setEngineLogSink } from '../supervision/engineLog';
import type { WorkerChannel } from '../supervision/workerChannel';
import { threadOf } from '../testing/threadOf';
import { SAMPLE_CSV } from '../testing/sampleCity';
import { FLAT_OUT, useWorkerForThisFile } from '../testing/workerUnderTest';

const worker = useWorkerForThisFile('engine-analysis', join(__dirname, 'analysisWorker.ts'));

/** The page's copy: the last view and the last analysis sent (null means unchanged). */
interface Held {
  view: ViewUpdate | null;
  analysis: AnalysisView | null;
}

function newEngine(): { engine: Engine; held: Held } {
  const held: Held = { view: null, analysis: null };
  const engine = new Engine({
    workerScripts: { analysis: worker.script },
    sampleCsvPath: SAMPLE_CSV,
    dataDir: worker.dataDir(),
    onViewUpdate: (view) => {
      held.view = view;
      held.analysis = view.analysis ?? held.analysis;
    },
  });
  worker.track(engine);
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
  it('an analysis worker that dies is logged, the panel says so, and the next replay is checked in full by a new one', async () => {
    const logged: string[] = [];
    setEngineLogSink((source, line) => logged.push(`[${source}] ${line}`));
    try {
      const { engine, held } = newEngine();
      await engine.handle('file:openSample', {});
      await engine.handle('replay:start', FLAT_OUT);
      await until(held, (h) => h.view?.replay.state === 'finished' && h.analysis?.health.counts.rowsChecked === 26_880, 'the first replay checked');

      // Killed from outside, as its heap limit or an uncaught error would end it.
      const feed = (engine as unknown as { panels: { analysis: { worker: WorkerChannel<unknown, unknown> | null } } }).panels.analysis;
      await threadOf(feed.worker).terminate();
      await until(held, (h) => /The analysis stopped/.test(h.analysis?.message ?? ''), 'the panel to say the analysis stopped');
      expect(logged.some((line) => line.startsWith('[analysis worker] stopped unexpectedly'))).toBe(true);

      await engine.handle('replay:start', FLAT_OUT);
      // The new worker's own views replace the notice, and they count the whole replay.
      await until(held, (h) => h.view?.replay.state === 'finished' && !/stopped/.test(h.analysis?.message ?? '') && h.analysis?.health.counts.rowsChecked === 26_880, 'the next replay checked in full by the new worker');
      expect(held.analysis?.health.locationCount).toBe(10);
    } finally {
      setEngineLogSink((source, line) => console.error(`[${source}] ${line}`));
    }
  }, 60_000);

  it('switched off, a replay checks nothing and says so; switched on again, the next replay checks every row', async () => {
    const { engine, held } = newEngine();
    await engine.handle('file:openSample', {});
    const settings = { ...(await engine.handle('session:snapshot', {})).analysis!.settings };
    await engine.handle('analysis:configure', { ...settings, enabled: false });
    await engine.handle('replay:start', FLAT_OUT);
    await until(held, (h) => h.view?.replay.state === 'finished', 'the replay to finish');
    expect(held.view?.replay.rowsAccepted).toBe(26_880);
    await until(held, (h) => /off for this run/.test(h.analysis?.message ?? ''), 'the panel to say the checks are off');
    expect(held.analysis?.health.counts.rowsGiven).toBe(0);
    expect(held.analysis?.health.locationCount).toBe(0);

    await engine.handle('analysis:configure', { ...settings, enabled: true });
    await until(held, (h) => /on again from the next replay/.test(h.analysis?.message ?? ''), 'the panel to say when they start');
    await engine.handle('replay:start', FLAT_OUT);
    await until(held, (h) => h.view?.replay.state === 'finished' && h.analysis?.health.counts.rowsChecked === 26_880, 'every row of the next replay checked');
  }, 60_000);

  it('checks every row a replay accepts, once, and starts over on a new file', async () => {
    const { engine, held } = newEngine();
    await engine.handle('file:openSample', {});
    await engine.handle('replay:start', FLAT_OUT);
    await until(held, (h) => h.view?.replay.state === 'finished', 'the replay to finish');
    const accepted = held.view?.replay.rowsAccepted ?? 0;
    expect(accepted).toBe(26_880);
    await until(held, (h) => h.analysis?.health.counts.rowsChecked === accepted, 'every row checked');
    expect(held.analysis?.health.locationCount).toBe(10);
    expect(held.analysis?.state).toBe('live');

    // The flags export writes the checker's flags (the clean sample has none: the header alone).
    const out = join(worker.dir, 'flags.csv');
    const { rows } = await engine.handle('analysis:export', { what: 'flags', path: out });
    expect(rows).toBe(held.analysis?.health.counts.flagsKept);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1 + rows);

    // Another file: everything starts over under its columns.
    const other = join(worker.dir, 'sensors.csv');
    const lines = Array.from({ length: 600 }, (_, i) => `${new Date(Date.UTC(2026, 2, 14) + Math.floor(i / 2) * 300_000).toISOString()},S${(i % 2) + 1},${40 + (i % 9)}`);
    writeFileSync(other, `timestamp,sensor_id,flow\n${lines.join('\n')}\n`);
    await engine.handle('file:open', { path: other });
    await until(held, (h) => h.analysis?.state === 'waiting', 'the analysis to start over');
    expect(held.analysis?.health.counts.rowsChecked).toBe(0);
    await engine.handle('replay:start', FLAT_OUT);
    await until(held, (h) => h.view?.replay.state === 'finished' && h.analysis?.health.counts.rowsChecked === 600, 'the new file checked');
    expect(held.analysis?.health.locations.map((location) => location.location)).toEqual(['S1', 'S2']);
    expect(held.analysis?.measure).toBe('flow');
  }, 60_000);

  it('a file written newest first is replayed oldest first: the data clock ends at the newest row, no row is out of order and both sensors are OK', async () => {
    const { engine, held } = newEngine();
    const path = join(worker.dir, 'newest-first.csv');
    // Two sensors every 5 min for 25 h, written newest first: 600 rows.
    const lines = Array.from({ length: 600 }, (_, i) => `${new Date(Date.UTC(2026, 2, 14) + Math.floor(i / 2) * 300_000).toISOString()},S${(i % 2) + 1},${40 + (i % 9)}`).reverse();
    writeFileSync(path, `timestamp,sensor_id,flow\n${lines.join('\n')}\n`);
    const info = await engine.handle('file:open', { path });
    expect(info.timeOrder).toBe('descending');
    expect(info.replayOrder?.reversed).toBe(true);
    await engine.handle('replay:start', FLAT_OUT);
    await until(held, (h) => h.view?.replay.state === 'finished' && h.analysis?.health.counts.rowsChecked === 600, 'the file checked');
    // The last row replayed is the newest (the file's first), as it would be on a live feed.
    expect(held.view?.replay.eventTime).toBe(Date.UTC(2026, 2, 14) + 299 * 300_000);
    expect(held.analysis?.health.counts).toMatchObject({ outOfOrder: 0, duplicateTimes: 0, flagsRaised: 0 });
    expect(held.analysis?.cadenceMs).toBe(300_000);
    expect(held.analysis?.health.locations.map((location) => [location.location, location.status, location.cadenceMs])).toEqual([
      ['S1', 'ok', 300_000],
      ['S2', 'ok', 300_000],
    ]);
  }, 60_000);
});
