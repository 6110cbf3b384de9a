/**
 * Predictions through the engine's commands, with the real prediction worker and the committed
 * sample city: the model is fed only once the panel opens, trains on the file's first days, scores
 * every later row before learning from it, and answers a change of target at once.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../../shared/contract';
import { DEFAULT_PREDICT_SETTINGS } from '../../../shared/predict/predictContract';
import { Engine } from '../engine';
import { SAMPLE_CSV } from '../testing/sampleCity';
import { FLAT_OUT, useWorkerForThisFile } from '../testing/workerUnderTest';
import { setEngineLogSink } from '../supervision/engineLog';
import type { WorkerChannel } from '../supervision/workerChannel';
import { threadOf } from '../testing/threadOf';

const worker = useWorkerForThisFile('engine-predict', join(__dirname, 'predictWorker.ts'));

function newEngine(): Engine {
  const engine = new Engine({ workerScripts: { predict: worker.script }, sampleCsvPath: SAMPLE_CSV, dataDir: worker.dataDir(), onViewUpdate: () => undefined });
  worker.track(engine);
  return engine;
}

async function until(engine: Engine, condition: (view: ViewUpdate) => boolean, what: string): Promise<ViewUpdate> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = engine.view(false);
    if (condition(view)) return view;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ ...view.predict, series: null })}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Replays the open file at full speed until the model has worked through every row. */
async function replayAll(engine: Engine): Promise<ViewUpdate> {
  await until(engine, (view) => view.predict.state !== 'loadingHistory', 'the history');
  await engine.handle('replay:start', FLAT_OUT);
  const finished = await until(engine, (view) => view.replay.state === 'finished', 'the replay');
  return until(
    engine,
    (view) => view.predict.rows.processed === finished.replay.rowsAccepted && view.predict.metrics.model.rows > 0,
    'the model to work through every row',
  );
}

describe('predictions through the engine', () => {
  it('feeds the model nothing until the panel opens', async () => {
    const engine = newEngine();
    await engine.handle('file:openSample', {});
    await engine.handle('replay:start', FLAT_OUT);
    const view = await until(engine, (v) => v.replay.state === 'finished', 'the replay');
    expect(view.predict.state).toBe('off');
    expect(view.predict.rows.received).toBe(0);
  });

  it('trains on the first week, scores the rest before learning it, and beats the last-value baseline', async () => {
    const engine = newEngine();
    await engine.handle('predict:open', {});
    await engine.handle('file:openSample', {});
    const view = await replayAll(engine);
    const { rows, metrics, model } = view.predict;
    expect(view.predict.state).toBe('ready');
    expect(view.predict.target).toBe('Total');
    // Counts reconcile: every accepted row reached the model, none is left waiting.
    expect(rows.received).toBe(view.replay.rowsAccepted);
    expect(rows.backlog).toBe(0);
    // Seven days of ten junctions at 15 minutes trained the model before the replay; replayed, they are not scored again.
    expect(rows.historyRows).toBe(7 * 96 * 10);
    expect(rows.inHistoryPeriod).toBe(7 * 96 * 10);
    // The history ends with the seventh day's last slot (the sample starts on 1 October 2026).
    expect(view.predict.historyUntil).toBe(Date.UTC(2026, 9, 7, 23, 45));
    expect(rows.scored + rows.warmingUp + rows.inHistoryPeriod + rows.noTarget).toBe(rows.received);
    expect(metrics.model.rows).toBe(rows.scored);
    expect(metrics.model.mae).not.toBeNull();
    expect(metrics.lastValue.mae).not.toBeNull();
    expect(metrics.model.mae as number).toBeLessThan(metrics.lastValue.mae as number);
    expect(model?.target).toBe('Total');
    // The first history day has no "same time yesterday", so the fit could use six of the seven.
    expect(model?.historyRows).toBe(6 * 96 * 10);
    // The chart gets both series for one junction, bounded.
    const series = engine.view(true).predict.series;
    expect(series?.points.length).toBeGreaterThan(100);
    expect(series?.points.length).toBeLessThanOrEqual(1000);
    expect(series?.points.every((point) => Number.isFinite(point.actual) && Number.isFinite(point.predicted))).toBe(true);
  });

  it('refits at once when the target changes, and flags the parts of Total as leakage', async () => {
    const engine = newEngine();
    await engine.handle('predict:open', {});
    await engine.handle('file:openSample', {});
    const before = await replayAll(engine);
    const refits = before.predict.model?.refits ?? 0;

    await engine.handle('predict:configure', { ...DEFAULT_PREDICT_SETTINGS, target: 'CarCount' });
    const changed = await until(engine, (v) => v.predict.model?.target === 'CarCount', 'a model of CarCount');
    expect(changed.predict.model?.refits).toBeGreaterThan(refits);
    expect(changed.predict.model?.coefficients.map((c) => c.name)).toContain('CarCount[t−1]');

    await engine.handle('predict:configure', { ...DEFAULT_PREDICT_SETTINGS, target: 'Total', rawColumns: ['CarCount', 'BikeCount', 'BusCount', 'TruckCount'] });
    const leaky = await until(engine, (v) => v.predict.leakage !== null, 'the leakage warning');
    expect(leaky.predict.leakage?.columns).toEqual(expect.arrayContaining(['CarCount', 'BikeCount', 'BusCount', 'TruckCount']));
    expect(leaky.predict.leakage?.r2).toBeGreaterThan(0.99);
  });

  it('restarts a prediction worker that dies, says what was lost, and forecasts again on the next replay', async () => {
    const logged: string[] = [];
    setEngineLogSink((source, line) => logged.push(`[${source}] ${line}`));
    try {
      const engine = newEngine();
      await engine.handle('predict:open', {});
      await engine.handle('file:openSample', {});
      await replayAll(engine);

      // Killed from outside, as its heap limit or an uncaught error would end it.
      const feed = (engine as unknown as { panels: { predictions: { worker: WorkerChannel<unknown, unknown> | null } } }).panels.predictions;
      await threadOf(feed.worker).terminate();
      const after = await until(engine, (v) => /restarted/.test(v.predict.message ?? ''), 'the restart notice');
      expect(after.predict.state).not.toBe('failed');
      expect(after.predict.message).toMatch(/prediction worker stopped .* and was restarted: the model and the forecasts so far were lost/);
      expect(logged.some((line) => line.startsWith('[prediction worker] stopped unexpectedly'))).toBe(true);

      // The new worker has the stream: the next replay is forecast in full, every row reaching it.
      const again = await replayAll(engine);
      expect(again.predict.state).toBe('ready');
      expect(again.predict.rows.received).toBe(again.replay.rowsAccepted);
      expect(again.predict.rows.backlog).toBe(0);
      expect(again.predict.message ?? '').not.toMatch(/restarted/);
    } finally {
      setEngineLogSink((source, line) => console.error(`[${source}] ${line}`));
    }
  });
});
