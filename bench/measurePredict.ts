/**
 * The Predictions panel's figures: refit time on a 100,000-row window with 8 features while a
 * full-speed replay runs, whether the model keeps pace with that replay (its backlog, and the
 * replay's rate with and without the panel open, measured in the same process), chart series size,
 * on the sample city the default model's accuracy beside the naive baselines', and the share of
 * scored rows flagged as anomalies there and on a file with no incidents (a ±3σ band promises ≈0.3 %).
 */
import { builtWorkerScripts } from '../electron/engine/workerScripts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ViewUpdate } from '../shared/contract';
import { DEFAULT_PREDICT_SETTINGS, type Metric, type PredictSettings } from '../shared/predict/predictContract';
import { Engine } from '../electron/engine/engine';
import { writeRampCsv } from '../electron/engine/predict/testing/rampCsv';

export interface PredictMeasurement {
  rows: number;
  replayWithoutRowsPerSecond: number;
  replayWithRowsPerSecond: number;
  maxBacklog: number;
  /** Largest backlog in each quarter of the replay (by rows read): growing means the model falls behind. */
  backlogByQuarter: number[];
  /** From the last row read to the model having worked through every row. */
  drainMs: number;
  refitFeatures: number;
  refitTrainingRows: number;
  refitsTimed: number;
  refitMsMedian: number;
  refitMsMax: number;
  maxSeriesPoints: number;
  sample: { rows: number; model: Metric; lastValue: Metric; sameTimeYesterday: Metric };
  /** Anomalies among scored rows with the default settings: the sample city (4 incidents) and a file with none. */
  flagged: { sample: FlaggedRate; noIncidents: FlaggedRate };
}

export interface FlaggedRate {
  scored: number;
  anomalies: number;
}

/** Time of day (4 columns), lags 1, 2, 4 and the same time yesterday: 8 input columns. */
const EIGHT_FEATURES: PredictSettings = {
  ...DEFAULT_PREDICT_SETTINGS,
  derived: ['timeOfDay', 'lag1', 'lag2', 'lag4', 'sameTimeYesterday'],
  history: { kind: 'none' },
  refit: { everyRows: 50_000, everySeconds: 1, windowRows: 100_000 },
};
const FAST = { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } } as const;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function until(engine: Engine, condition: (view: ViewUpdate) => boolean, onSample: (view: ViewUpdate) => void = () => undefined): Promise<ViewUpdate> {
  for (;;) {
    const view = engine.view(false);
    onSample(view);
    if (condition(view)) return view;
    await sleep(50);
  }
}

export async function measurePredict(csvPath: string, sampleCsvPath: string, predictWorkerPath: string): Promise<PredictMeasurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-predict-'));
  const engine = new Engine({ sampleCsvPath, dataDir, onViewUpdate: () => undefined, workerScripts: builtWorkerScripts(dirname(predictWorkerPath)) });
  try {
    await engine.handle('file:open', { path: csvPath });
    let started = performance.now();
    await engine.handle('replay:start', FAST);
    const without = await until(engine, (view) => view.replay.state === 'finished');
    const replayWithoutRowsPerSecond = without.replay.rowsAccepted / ((performance.now() - started) / 1000);

    // As the Predictions panel does when it is shown.
    await engine.handle('predict:open', {});
    await engine.handle('predict:configure', EIGHT_FEATURES);
    await until(engine, (view) => view.predict.state !== 'loadingHistory' && view.predict.state !== 'off');
    const refits = new Map<number, { ms: number; rows: number; features: number }>();
    let maxBacklog = 0;
    const backlogByQuarter = [0, 0, 0, 0];
    let maxSeriesPoints = 0;
    const rowsInFile = without.replay.rowsAccepted;
    const sample = (view: ViewUpdate): void => {
      maxBacklog = Math.max(maxBacklog, view.predict.rows.backlog);
      if (view.replay.state === 'running') {
        const quarter = Math.min(3, Math.floor((4 * view.replay.rowsAccepted) / rowsInFile));
        backlogByQuarter[quarter] = Math.max(backlogByQuarter[quarter] ?? 0, view.predict.rows.backlog);
      }
      maxSeriesPoints = Math.max(maxSeriesPoints, view.predict.series?.points.length ?? 0);
      const model = view.predict.model;
      if (model && model.windowRows >= EIGHT_FEATURES.refit.windowRows) {
        refits.set(model.refits, { ms: model.refitMs, rows: model.trainingRows, features: model.coefficients.length });
      }
    };
    started = performance.now();
    await engine.handle('replay:start', FAST);
    const finished = await until(engine, (view) => view.replay.state === 'finished', sample);
    const replayWithRowsPerSecond = finished.replay.rowsAccepted / ((performance.now() - started) / 1000);
    const readAt = performance.now();
    await until(engine, (view) => view.predict.rows.processed >= finished.replay.rowsAccepted, sample);
    const drainMs = performance.now() - readAt;
    const timed = [...refits.values()];
    if (timed.length === 0) throw new Error('no refit on a full window was seen');

    // The sample city with the panel's defaults (linear, history = first days, every derived feature).
    await engine.handle('predict:configure', DEFAULT_PREDICT_SETTINGS);
    await engine.handle('file:openSample', {});
    await until(engine, (view) => view.predict.state !== 'loadingHistory');
    await engine.handle('replay:start', FAST);
    const done = await until(engine, (view) => view.replay.state === 'finished');
    await until(engine, (view) => view.predict.rows.processed >= done.replay.rowsAccepted);
    await sleep(600); // the worker posts its view every 250 ms
    const { metrics, anomalyCount, rows } = engine.view(false).predict;
    const noIncidentsPath = join(dataDir, 'no-incidents.csv');
    writeRampCsv(noIncidentsPath, { days: 28, sensors: 10 });
    await engine.handle('file:open', { path: noIncidentsPath });
    await engine.handle('predict:configure', DEFAULT_PREDICT_SETTINGS);
    await until(engine, (view) => view.predict.state !== 'loadingHistory');
    await engine.handle('replay:start', FAST);
    const quiet = await until(engine, (view) => view.replay.state === 'finished');
    await until(engine, (view) => view.predict.rows.processed >= quiet.replay.rowsAccepted);
    await sleep(600);
    const noIncidents = engine.view(false).predict;
    return {
      rows: finished.replay.rowsAccepted,
      replayWithoutRowsPerSecond,
      replayWithRowsPerSecond,
      maxBacklog,
      backlogByQuarter,
      drainMs,
      refitFeatures: timed[0]?.features ?? 0,
      refitTrainingRows: Math.min(...timed.map((refit) => refit.rows)),
      refitsTimed: timed.length,
      refitMsMedian: median(timed.map((refit) => refit.ms)),
      refitMsMax: Math.max(...timed.map((refit) => refit.ms)),
      maxSeriesPoints,
      sample: { rows: done.replay.rowsAccepted, ...metrics },
      flagged: {
        sample: { scored: rows.scored, anomalies: anomalyCount },
        noIncidents: { scored: noIncidents.rows.scored, anomalies: noIncidents.anomalyCount },
      },
    };
  } finally {
    engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
