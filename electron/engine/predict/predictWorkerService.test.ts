/**
 * The prediction worker's logic without the thread: stream rows that arrive while the history is
 * still being read wait for it (none is scored by a model that has not seen the history, none is
 * learnt twice), and location codes from the engine and from the history file meet under one name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS } from '../../../shared/predict/predictContract';
import { openSniffedFile } from '../source/openFile';
import { sniffCsv } from '../source/sniffCsv';
import { BatchPacker, packLayoutFor } from './batchPacker';
import type { FromPredictWorker } from './predictWorkerMessages';
import { PredictWorkerService } from './predictWorkerService';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 9, 1);
const DAYS = 6;
let dir: string;
const services: PredictWorkerService[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'predict-service-'));
});
afterEach(() => services.splice(0).forEach((service) => service.dispose()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Hourly counts for two junctions with a daily rhythm, written to disk. */
function rows(): { time: number; junction: string; total: number }[] {
  const out = [];
  for (let h = 0; h < DAYS * 24; h++) {
    for (const [index, junction] of ['J1', 'J2'].entries()) out.push({ time: START + h * HOUR, junction, total: 50 + 40 * Math.sin((2 * Math.PI * (h % 24)) / 24) + 10 * index + (h % 5) });
  }
  return out;
}

describe('the prediction worker service', () => {
  it('holds stream rows back while history loads, then does not score or relearn the history period', async () => {
    const data = rows();
    const path = join(dir, 'hourly.csv');
    writeFileSync(path, `time,Junction,Total\n${data.map((row) => `${new Date(row.time).toISOString()},${row.junction},${row.total}`).join('\n')}\n`);
    const opened = await openSniffedFile(await sniffCsv(path), null);
    const layout = packLayoutFor(opened.schema.columns);
    const views: Extract<FromPredictWorker, { kind: 'view' }>[] = [];
    const service = new PredictWorkerService((message) => {
      if (message.kind === 'view') views.push(message);
      else throw new Error(message.message);
    });
    services.push(service);

    service.receive({ kind: 'configure', settings: { ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'fileDays', days: 2 } } });
    service.receive({
      kind: 'reset',
      input: layout.input,
      locationColumn: 'Junction',
      file: { path, dialect: opened.sniffed.dialect, schema: opened.schema, timeRange: opened.info.timeRange },
    });
    // The whole file arrives as the stream before the history has been read: the engine's codes
    // number the junctions in its own order (J2 first here), the history file's in another.
    const packer = new BatchPacker(layout, data.length);
    for (const row of [...data].sort((a, b) => a.time - b.time || b.junction.localeCompare(a.junction))) {
      packer.add({ line: 0, time: row.time, values: [row.time, row.junction, row.total] });
    }
    const taken = packer.take();
    if (!taken) throw new Error('nothing packed');
    expect(taken.newLocations).toEqual(['J2', 'J1']);
    service.receive({ kind: 'rows', batch: taken.batch, newLocations: taken.newLocations });

    const deadline = Date.now() + 10_000;
    while (!views.some((view) => !view.loadingHistory && view.processed === data.length)) {
      if (Date.now() > deadline) throw new Error('the service never finished');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const last = views[views.length - 1];
    if (!last) throw new Error('no view');
    const historyRows = 2 * 24 * 2;
    expect(last.historyError).toBeNull();
    expect(last.view.rows.historyRows).toBe(historyRows);
    // The replayed history period is neither scored nor learnt again; every later row is accounted for.
    expect(last.view.rows.inHistoryPeriod).toBe(historyRows);
    expect(last.view.rows.scored + last.view.rows.warmingUp + last.view.rows.noTarget).toBe(data.length - historyRows);
    expect(last.view.rows.scored).toBeGreaterThan(0);
    expect(last.view.model?.windowRows ?? 0).toBeLessThanOrEqual(data.length - historyRows);
    // One location per junction, whichever code each side gave it.
    expect(last.view.locations.map((location) => location.name).sort()).toEqual(['J1', 'J2']);
    expect(last.view.locations.every((location) => location.scored > 0)).toBe(true);
  });
});
