/**
 * How often the real prediction worker, driven through the engine, calls an ordinary interval an
 * anomaly. On a file with a steep morning ramp and no incidents, a ±3σ band promises about 0.3 %
 * of points outside it; an engineer who sees more stops reading the list. An hour-long collapse at
 * one sensor must still be flagged, and a forecast equal to the actual value never is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../../shared/contract';
import { DEFAULT_PREDICT_SETTINGS, type PredictSettings } from '../../../shared/predict/predictContract';
import { Engine } from '../engine';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { RAMP_START, sensorName, writeRampCsv } from './testing/rampCsv';
import { DAY_MS } from './timeFeatures';

const FAST = { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } } as const;
let dir: string;
/** The predict worker's script, run from its TypeScript source. */
let workerScript: string;
const engines: Engine[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'anomaly-rate-'));
  workerScript = writeTsWorkerEntry(dir, join(__dirname, 'predictWorker.ts'));
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function until(engine: Engine, condition: (view: ViewUpdate) => boolean, what: string): Promise<ViewUpdate> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = engine.view(false);
    if (condition(view)) return view;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ ...view.predict, series: null })}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Opens the file with the panel open, replays it flat out and waits until every row was worked through. */
async function replayed(path: string, settings: PredictSettings = DEFAULT_PREDICT_SETTINGS): Promise<ViewUpdate['predict']> {
  const engine = new Engine({ workerScripts: { predict: workerScript }, sampleCsvPath: path, dataDir: mkdtempSync(join(dir, 'data-')), onViewUpdate: () => undefined });
  engines.push(engine);
  await engine.handle('predict:open', {});
  await engine.handle('file:open', { path });
  // After the file: opening one puts back the settings remembered for its columns.
  await engine.handle('predict:configure', settings);
  await until(engine, (view) => view.predict.state !== 'loadingHistory' && view.predict.state !== 'off', 'the history');
  await engine.handle('replay:start', FAST);
  const finished = await until(engine, (view) => view.replay.state === 'finished', 'the replay');
  const settled = (view: ViewUpdate): boolean => view.predict.rows.processed === finished.replay.rowsAccepted && view.predict.rows.scored > 0;
  await until(engine, settled, 'the model to work through every row');
  // The worker posts its view every 250 ms: one more makes sure the counts belong to the last row.
  await new Promise((resolve) => setTimeout(resolve, 600));
  return engine.view(false).predict;
}

describe('anomalies on normal traffic', () => {
  it('flags about what a ±3σ band promises on a steep morning ramp with no incidents (was 1.3 %)', async () => {
    const path = join(dir, 'ramp.csv');
    writeRampCsv(path, { days: 28, sensors: 4 });
    const view = await replayed(path);
    // 21 days after the 7-day history, 4 sensors, 96 intervals a day.
    expect(view.rows.scored).toBeGreaterThan(0.95 * 21 * 96 * 4);
    const rate = view.anomalyCount / view.rows.scored;
    // Gaussian: 0.27 % beyond 3σ; an estimated scale adds a little. One scale per sensor flagged 1.3 %, mostly the ramp.
    expect(rate).toBeLessThan(0.01);
  });

  it('still flags an hour-long collapse at one sensor', async () => {
    const path = join(dir, 'incident.csv');
    const start = RAMP_START + 12 * DAY_MS + 10 * 3_600_000; // day 13, 10:00
    writeRampCsv(path, { days: 20, sensors: 4, incident: { sensor: 2, start } });
    const view = await replayed(path);
    const during = view.anomalies.filter((a) => a.location === sensorName(2) && a.time >= start && a.time < start + 3_600_000);
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(during.every((a) => a.z < -3)).toBe(true);
  });

  it('never flags a forecast equal to the actual value (same-row parts that add up to the target)', async () => {
    const path = join(dir, 'leaky.csv');
    writeRampCsv(path, { days: 12, sensors: 3 });
    const view = await replayed(path, { ...DEFAULT_PREDICT_SETTINGS, derived: ['timeOfDay'], rawColumns: ['Cars', 'Trucks'] });

    expect(view.leakage?.columns).toEqual(['Cars', 'Trucks']);
    // Total = Cars + Trucks exactly: what is left is rounding in the last digits, not a miss.
    expect(view.rows.scored).toBeGreaterThan(1000);
    expect(view.anomalies.filter((a) => Math.abs(a.actual - a.predicted) < 1e-6 * Math.max(1, Math.abs(a.actual)))).toEqual([]);
    expect(view.anomalyCount).toBe(0);
  });
});
