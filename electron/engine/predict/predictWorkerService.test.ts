/**
 * The prediction worker's logic without the thread: stream rows that arrive while the history is
 * still being read wait for it (none is scored by a model that has not seen the history, none is
 * learnt twice), and location codes from the engine and from the history file meet under one name.
 * The exports write every scored row once, with the actual value of the row it forecast.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS } from '../../../shared/predict/predictContract';
import { openSniffedFile } from '../source/openFile';
import { replayableFile } from '../source/replayOrder/createReplaySource';
import { sniffCsv } from '../source/sniffCsv';
import { BatchPacker, packLayoutFor } from './batchPacker';
import type { FromPredictWorker } from './predictWorkerMessages';
import { PredictWorkerService, VIEW_INTERVAL_MS } from './predictWorkerService';

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

type ViewMessage = Extract<FromPredictWorker, { kind: 'view' }>;

/** Feeds the whole file as the stream before the 2-day history has been read; resolves once every row is worked through. */
async function replayHourly(): Promise<{ service: PredictWorkerService; data: ReturnType<typeof rows>; last: ViewMessage; replies: FromPredictWorker[] }> {
  const data = rows();
  const path = join(dir, 'hourly.csv');
  writeFileSync(path, `time,Junction,Total\n${data.map((row) => `${new Date(row.time).toISOString()},${row.junction},${row.total}`).join('\n')}\n`);
  const opened = await openSniffedFile(await sniffCsv(path), null);
  const layout = packLayoutFor(opened.schema.columns);
  const views: ViewMessage[] = [];
  const replies: FromPredictWorker[] = [];
  const service = new PredictWorkerService((message) => {
    if (message.kind === 'view') views.push(message);
    else if (message.kind === 'failed') throw new Error(message.message);
    else replies.push(message);
  });
  services.push(service);

  service.receive({ kind: 'configure', settings: { ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'fileDays', days: 2 } } });
  service.receive({
    kind: 'reset',
    input: layout.input,
    locationColumn: 'Junction',
    file: { ...replayableFile(opened), timeRange: opened.info.timeRange },
  });
  // The engine's codes number the junctions in its own order (J2 first here), the history file's in another.
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
  return { service, data, last, replies };
}

/** A CSV written by the export, split by hand (its fields hold no commas or quotes here). */
function readCsv(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split('\r\n').filter((line) => line !== '');
  return { header: (lines[0] ?? '').split(','), rows: lines.slice(1).map((line) => line.split(',')) };
}

describe('the prediction worker service', () => {
  it('holds stream rows back while history loads, then does not score or relearn the history period', async () => {
    const { data, last } = await replayHourly();
    const historyRows = 2 * 24 * 2;
    expect(last.historyError).toBeNull();
    expect(last.view.rows.historyRows).toBe(historyRows);
    // Said in words for the panel: 2 of the file's 6 days, every row of them.
    expect(last.historyRead).toBe(`${historyRows} rows: first 2 days of the file`);
    // The replayed history period is neither scored nor learnt again; every later row is accounted for.
    expect(last.view.rows.inHistoryPeriod).toBe(historyRows);
    expect(last.view.rows.scored + last.view.rows.warmingUp + last.view.rows.noTarget).toBe(data.length - historyRows);
    expect(last.view.rows.scored).toBeGreaterThan(0);
    expect(last.view.model?.windowRows ?? 0).toBeLessThanOrEqual(data.length - historyRows);
    // One location per junction, whichever code each side gave it.
    expect(last.view.locations.map((location) => location.name).sort()).toEqual(['J1', 'J2']);
    expect(last.view.locations.every((location) => location.scored > 0)).toBe(true);
  });

  it('exports every scored row once with its actual value, and the anomalies are the flagged rows', async () => {
    const { service, data, last, replies } = await replayHourly();
    const forecasts = join(dir, 'forecasts.csv');
    const anomalies = join(dir, 'anomalies.csv');
    service.receive({ kind: 'export', id: 1, what: 'forecasts', path: forecasts });
    service.receive({ kind: 'export', id: 2, what: 'anomalies', path: anomalies });
    const written = readCsv(forecasts);
    expect(written.header).toEqual(['time', 'location', 'actual', 'predicted', 'band_low', 'band_high', 'anomaly']);
    expect(replies).toContainEqual({ kind: 'exported', id: 1, rows: written.rows.length });
    expect(written.rows.length).toBe(last.view.rows.scored);

    // Each row is a row of the file after the 2-day history (found by time and junction, with its Total), none twice.
    const historyEnd = START + 2 * 24 * HOUR;
    const source = new Map(data.map((row) => [`${new Date(row.time).toISOString().slice(0, 19).replace('T', ' ')}|${row.junction}`, row]));
    const seen = new Set<string>();
    for (const [time, location, actual] of written.rows) {
      const key = `${time}|${location}`;
      const row = source.get(key);
      expect(row, key).toBeDefined();
      expect(row?.time).toBeGreaterThanOrEqual(historyEnd);
      expect(Number(actual)).toBeCloseTo(row?.total ?? Number.NaN, 9);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }

    // A flagged row lies outside its band, an unflagged one inside (or has no band yet); the anomaly list is exactly the flagged rows.
    for (const [, , actual, , low, high, flag] of written.rows) {
      const outside = low !== '' && (Number(actual) < Number(low) || Number(actual) > Number(high));
      expect(flag).toBe(outside ? 'true' : 'false');
    }
    expect(written.rows.filter((row) => row[4] !== '').length).toBeGreaterThan(written.rows.length / 2);
    const flagged = written.rows.filter((row) => row[6] === 'true').map((row) => row.slice(0, 6).join(','));
    const listed = readCsv(anomalies);
    expect(listed.header).toEqual(['time', 'location', 'actual', 'predicted', 'band_low', 'band_high', 'z']);
    expect(replies).toContainEqual({ kind: 'exported', id: 2, rows: listed.rows.length });
    expect(listed.rows.map((row) => row.slice(0, 6).join(',')).sort()).toEqual(flagged.sort());
  });

  it('reports its progress while rows keep arriving, even when no timer gets a turn between them', async () => {
    const data = rows();
    const path = join(dir, 'flood.csv');
    writeFileSync(path, `time,Junction,Total\n${data.map((row) => `${new Date(row.time).toISOString()},${row.junction},${row.total}`).join('\n')}\n`);
    const layout = packLayoutFor((await openSniffedFile(await sniffCsv(path), null)).schema.columns);
    const processed: number[] = [];
    const service = new PredictWorkerService((message) => {
      if (message.kind === 'view') processed.push(message.processed);
    });
    services.push(service);
    service.receive({ kind: 'configure', settings: { ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'none' } } });
    service.receive({ kind: 'reset', input: layout.input, locationColumn: 'Junction', file: null });
    const before = processed.length;

    // A flood of batches handled back to back, as a worker's port delivers a long queue: the
    // view timer cannot fire until it ends, yet the engine must hear how far the worker got.
    let sent = 0;
    const until = performance.now() + 4 * VIEW_INTERVAL_MS;
    while (performance.now() < until) {
      const packer = new BatchPacker(layout, data.length);
      for (const row of data) packer.add({ line: 0, time: row.time + sent * HOUR, values: [row.time + sent * HOUR, row.junction, row.total] });
      const taken = packer.take();
      if (!taken) throw new Error('nothing packed');
      service.receive({ kind: 'rows', batch: taken.batch, newLocations: taken.newLocations });
      sent += data.length;
    }
    const during = processed.slice(before);
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.every((count, index) => index === 0 || count > (during[index - 1] ?? 0))).toBe(true);
    expect(during[during.length - 1]).toBeLessThanOrEqual(sent);
  });

  it('answers an export it cannot write with the reason and leaves no file', async () => {
    const { service, replies } = await replayHourly();
    const path = join(dir, 'no-such-folder', 'forecasts.csv');
    service.receive({ kind: 'export', id: 7, what: 'forecasts', path });
    expect(replies).toContainEqual(expect.objectContaining({ kind: 'exportFailed', id: 7 }));
  });
});
