/**
 * A looping replay at full speed outruns a slow prediction worker (the real worker, slowed on
 * purpose: see testing/slowPredictWorker.ts; on a busy machine the real one falls behind too).
 * The replay must wait for it rather than let the batches in flight grow without end, the worker
 * must keep reporting while it works through them, and every row must still be forecast.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS } from '../../../shared/predict/predictContract';
import type { TrafficRecord } from '../../../shared/records';
import { EmbeddedBus } from '../bus/embeddedBus';
import { embeddedBinding, ReplaySession } from '../replay';
import { SLOW_ROW_US } from '../testing/slowAnalysisCost';
import { openFixture, TempDir, trafficCsv, trafficRows } from '../testing/trafficFixture';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { PredictionFeed } from './predictionFeed';

const temp = new TempDir();
const feeds: PredictionFeed[] = [];
const sessions: ReplaySession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.dispose();
  for (const feed of feeds.splice(0)) await feed.dispose();
});
afterAll(() => temp.cleanup());

const ROWS = 40_000;
const MAX_WAITING = 1_500;
/** The consumer reads at most this many rows at a time (its POLL_BATCH): the bound can be overshot by one read. */
const ONE_READ = 20_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the prediction worker falling behind a full-speed replay', () => {
  it('holds the replay at the bound, keeps reporting progress, and forecasts every row once it catches up', async () => {
    const feed = new PredictionFeed({
      onChange: () => undefined,
      workerPath: writeTsWorkerEntry(temp.path, join(__dirname, '..', 'testing', 'slowPredictWorker.ts')),
      settings: { ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'none' } },
      maxWaiting: MAX_WAITING,
    });
    feeds.push(feed);
    feed.open();
    const path = join(temp.path, 'slow.csv');
    writeFileSync(path, trafficCsv(trafficRows(ROWS, 3)));
    const session = new ReplaySession(await openFixture(path), embeddedBinding(new EmbeddedBus<TrafficRecord>()), () => undefined);
    sessions.push(session);
    session.stages.attachSink(feed);

    let mostBacklog = 0;
    const processedSeen = new Set<number>();
    const started = performance.now();
    session.start({ mode: 'fast' }, { durationSeconds: null, rows: null, loop: false });
    while (session.progress().state !== 'finished') {
      const { rows } = feed.view(false);
      mostBacklog = Math.max(mostBacklog, rows.backlog);
      processedSeen.add(rows.processed);
      await sleep(2);
    }
    const replaySeconds = (performance.now() - started) / 1000;

    // Without the hold most of the file would be waiting: the replay is far faster than the slowed worker.
    expect(mostBacklog).toBeGreaterThan(0);
    expect(mostBacklog).toBeLessThanOrEqual(MAX_WAITING + ONE_READ);
    // The replay cannot have finished before the worker was within MAX_WAITING rows of the end.
    expect(replaySeconds).toBeGreaterThan(((ROWS - MAX_WAITING) * SLOW_ROW_US) / 1e6);
    // The engine heard of the worker's progress along the way, not only at the end.
    expect(processedSeen.size).toBeGreaterThan(3);

    const deadline = Date.now() + 30_000;
    while (feed.view(false).rows.processed < ROWS && Date.now() < deadline) await sleep(20);
    const { rows } = feed.view(false);
    expect(rows.received).toBe(ROWS);
    expect(rows.processed).toBe(ROWS);
    expect(rows.backlog).toBe(0);
  }, 60_000);
});
