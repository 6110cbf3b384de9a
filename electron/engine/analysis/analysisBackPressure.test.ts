/**
 * A replay at full speed outruns a slow analysis worker (the real worker, slowed on purpose: see
 * testing/slowAnalysisWorker.ts). The replay must wait for it rather than let the batches in flight
 * grow with the file, and every row must still be checked once, in the end.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AnalysisView } from '../../../shared/analysis/analysisContract';
import type { TrafficRecord } from '../../../shared/records';
import { EmbeddedBus } from '../bus/embeddedBus';
import { embeddedBinding, ReplaySession } from '../replay';
import { SLOW_ROW_US } from '../testing/slowAnalysisCost';
import { openFixture, TempDir, trafficCsv, trafficRows } from '../testing/trafficFixture';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { AnalysisFeed } from './analysisFeed';

const temp = new TempDir();

/** The feed's full view; `full` always returns one. */
const viewOf = (feed: AnalysisFeed): AnalysisView => feed.view(true) as AnalysisView;
const feeds: AnalysisFeed[] = [];
const sessions: ReplaySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  for (const feed of feeds.splice(0)) feed.dispose();
});
afterAll(() => temp.cleanup());

const ROWS = 60_000;
const MAX_WAITING = 1_500;
/** The consumer reads at most this many rows at a time (its POLL_BATCH): the bound can be overshot by one read. */
const ONE_READ = 20_000;

describe('the analysis worker falling behind a full-speed replay', () => {
  it('holds the replay at the bound, so rows waiting stay bounded, and checks every row once it catches up', async () => {
    const path = join(temp.path, 'slow.csv');
    writeFileSync(path, trafficCsv(trafficRows(ROWS, 3)));
    const feed = new AnalysisFeed({
      onChange: () => undefined,
      measure: () => 'Total',
      network: () => null,
      workerPath: writeTsWorkerEntry(temp.path, join(__dirname, '..', 'testing', 'slowAnalysisWorker.ts')),
      maxWaiting: MAX_WAITING,
    });
    feeds.push(feed);
    const session = new ReplaySession(await openFixture(path), embeddedBinding(new EmbeddedBus<TrafficRecord>()), () => undefined);
    sessions.push(session);
    session.stages.attachSink(feed);

    let mostWaiting = 0;
    const started = performance.now();
    session.start({ mode: 'fast' }, { durationSeconds: null, rows: null, loop: false });
    while (session.progress().state !== 'finished') {
      mostWaiting = Math.max(mostWaiting, viewOf(feed).rowsWaiting);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const replaySeconds = (performance.now() - started) / 1000;

    // Without the hold most of the file would be waiting (about 50,000 rows: the replay is far faster).
    expect(mostWaiting).toBeGreaterThan(0);
    expect(mostWaiting).toBeLessThanOrEqual(MAX_WAITING + ONE_READ);
    // The replay cannot have finished before the worker was within MAX_WAITING rows of the end.
    expect(replaySeconds).toBeGreaterThan(((ROWS - MAX_WAITING) * SLOW_ROW_US) / 1e6);

    const deadline = Date.now() + 20_000;
    while (viewOf(feed).health.counts.rowsChecked < ROWS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const last = viewOf(feed);
    expect(last.health.counts.rowsChecked).toBe(ROWS);
    expect(last.rowsWaiting).toBe(0);
  }, 60_000);
});
