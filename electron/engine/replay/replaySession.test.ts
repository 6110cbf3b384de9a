import { statSync, unlinkSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ReplayProgress } from '../../../shared/contract';
import { passesThreshold, type ThresholdOperator, type TrafficRecord } from '../../../shared/records';
import { EmbeddedBus } from '../bus/embeddedBus';
import type { BusMessage } from '../bus/bus';
import { sniffCsv } from '../source/sniffCsv';
import {
  TempDir,
  TRAFFIC_HEADER,
  joinLines,
  rowFields,
  trafficCsv,
  trafficRows,
  type TrafficRow,
} from '../testing/trafficFixture';
import { REPLAY_TOPIC, ReplaySession } from './replaySession';

const temp = new TempDir();
const sessions: ReplaySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) {
    session.stop();
    session.dispose();
  }
});
afterAll(() => temp.cleanup());

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a condition with short sleeps; the deadline only guards against a hang. */
async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function openSession(path: string): Promise<{ session: ReplaySession; bus: EmbeddedBus<TrafficRecord>; changes: () => number }> {
  const bus = new EmbeddedBus<TrafficRecord>();
  let changes = 0;
  const session = new ReplaySession(await sniffCsv(path), bus, () => changes++);
  sessions.push(session);
  return { session, bus, changes: () => changes };
}

const finished = (session: ReplaySession) => (): boolean => session.progress().state === 'finished';

function expectReconciled(progress: ReplayProgress): void {
  expect(progress.rowsRead).toBe(progress.rowsAccepted + progress.rowsRejected);
  expect(progress.rowsConsumed).toBe(progress.rowsAccepted);
}

/** 3,000 data lines in the Traffic.csv shape, four of them bad in different ways. */
function fixtureWithBadRows(): { text: string; good: TrafficRow[]; badLines: number[]; dataLines: number } {
  const rows = trafficRows(3000, 5);
  const lines = rows.map((row) => rowFields(row).join(','));
  const bad = new Map<number, string>([
    [100, rowFields(rows[100] as TrafficRow).slice(0, 5).join(',')],
    [1500, `"${lines[1500]}`], // a quote that never closes
    [2000, rowFields(rows[2000] as TrafficRow).map((f, i) => (i === 7 ? 'heavy' : f)).join(',')],
    [2999, `${lines[2999]},extra`],
  ]);
  for (const [index, text] of bad) lines[index] = text;
  return {
    text: joinLines([TRAFFIC_HEADER, ...lines]),
    good: rows.filter((_, i) => !bad.has(i)),
    badLines: [...bad.keys()].map((i) => i + 2),
    dataLines: rows.length,
  };
}

describe('ReplaySession at full speed', () => {
  it('reads every row, reconciles the counts and counts Total > 50 like the original filter', async () => {
    const fixture = fixtureWithBadRows();
    const path = temp.write(fixture.text);
    const { session, changes } = await openSession(path);
    expect(session.progress().state).toBe('idle');

    session.start(null);
    await until(finished(session), 'the replay to finish');

    const progress = session.progress();
    expect(progress.rowsRead).toBe(fixture.dataLines);
    expect(progress.rowsRejected).toBe(fixture.badLines.length);
    expect(progress.rowsAccepted).toBe(fixture.good.length);
    expectReconciled(progress);
    expect(progress.totalRows).toBe(fixture.dataLines);
    expect(progress.totalExact).toBe(true);
    expect(progress.bytesRead).toBe(statSync(path).size);
    expect(progress.bytesTotal).toBe(statSync(path).size);
    expect(progress.targetRowsPerSecond).toBeNull();
    expect(progress.message).toBeNull();
    expect(changes()).toBeGreaterThan(0);

    const threshold = session.thresholdView();
    expect(threshold.settings).toEqual({ column: 'Total', operator: '>', value: 50 });
    expect(threshold.passing).toBe(fixture.good.filter((row) => row.total > 50).length);
    expect(threshold.evaluated).toBe(fixture.good.length);
    expect(threshold.observedMin).toBe(Math.min(...fixture.good.map((r) => r.total)));
    expect(threshold.observedMax).toBe(Math.max(...fixture.good.map((r) => r.total)));
    expect(threshold.approximate).toBe(false);

    const rejected = session.rejectedView(true);
    expect(rejected.total).toBe(fixture.badLines.length);
    expect(rejected.rows.map((r) => r.line)).toEqual(fixture.badLines);
    expect(rejected.rows.find((r) => r.line === 2002)?.reason).toContain('"Total"');
    expect(rejected.rows.find((r) => r.line === 1502)?.reason).toMatch(/quote/);
  });

  it('shows every consumed row in the feed, in file order, marked by the threshold', async () => {
    const fixture = fixtureWithBadRows();
    const { session } = await openSession(temp.write(fixture.text));
    session.start(null);
    await until(finished(session), 'the replay to finish');

    const feed = session.feedView(true);
    expect(feed.reset).toBe(true);
    const goodLines = Array.from({ length: fixture.dataLines }, (_, i) => i + 2).filter((l) => !fixture.badLines.includes(l));
    expect(feed.rows.map((r) => r.line)).toEqual(goodLines);
    expect(feed.rows.map((r) => r.passes)).toEqual(fixture.good.map((row) => row.total > 50));
    // Every row came through the bus: each has a real partition and offset, no two the same.
    expect(new Set(feed.rows.map((r) => `${r.partition}:${r.offset}`)).size).toBe(feed.rows.length);
  });

  it('recounts over all rows when the threshold changes, and re-marks the feed', async () => {
    const fixture = fixtureWithBadRows();
    const { session } = await openSession(temp.write(fixture.text));
    session.start(null);
    await until(finished(session), 'the replay to finish');
    session.feedView(false); // the page has seen the rows

    const cases: { column: string; operator: ThresholdOperator; value: number; pick: (row: TrafficRow) => number }[] = [
      { column: 'Total', operator: '<=', value: 30, pick: (r) => r.total },
      { column: 'Total', operator: '>=', value: 100, pick: (r) => r.total },
      { column: 'CarCount', operator: '<', value: 40, pick: (r) => r.car },
      { column: 'TruckCount', operator: '>', value: 20, pick: (r) => r.truck },
    ];
    for (const { pick, ...settings } of cases) {
      session.setThreshold(settings);
      const view = session.thresholdView();
      const expected = fixture.good.filter((row) => passesThreshold(pick(row), settings.operator, settings.value));
      expect(view.settings).toEqual(settings);
      expect(view.passing, JSON.stringify(settings)).toBe(expected.length);
      expect(view.evaluated).toBe(fixture.good.length);

      const feed = session.feedView(false);
      expect(feed.reset).toBe(true);
      expect(feed.rows.filter((r) => r.passes)).toHaveLength(expected.length);
    }

    session.setOnlyPassing(true);
    const onlyPassing = session.feedView(false);
    expect(onlyPassing.onlyPassing).toBe(true);
    expect(onlyPassing.rows.every((r) => r.passes)).toBe(true);
    expect(onlyPassing.rows).toHaveLength(fixture.good.filter((r) => r.truck > 20).length);

    expect(() => session.setThreshold({ column: 'Day of the week', operator: '>', value: 1 })).toThrow(/numeric column/);
    expect(session.thresholdView().settings?.column).toBe('TruckCount');
  });

  it('replays again from the start with fresh counts', async () => {
    const fixture = fixtureWithBadRows();
    const { session } = await openSession(temp.write(fixture.text));
    session.start(null);
    await until(finished(session), 'the first replay to finish');
    const first = session.progress();
    const firstPassing = session.thresholdView().passing;

    session.start(null);
    expect(session.progress().state).toBe('running');
    await until(finished(session), 'the second replay to finish');
    const second = session.progress();
    expect(second.rowsRead).toBe(first.rowsRead);
    expect(second.rowsAccepted).toBe(first.rowsAccepted);
    expect(second.rowsRejected).toBe(first.rowsRejected);
    expectReconciled(second);
    expect(session.thresholdView().passing).toBe(firstPassing);
    expect(session.rejectedView(true).rows).toHaveLength(fixture.badLines.length);
  });

  it('keys rows by location so each junction stays in one partition, in file order', async () => {
    const rows = trafficRows(2000, 9);
    const junctions = ['J01', 'J02', 'J03', 'J04', 'J05'];
    const lines = rows.map((row, i) => `${rowFields(row).join(',')},${junctions[i % junctions.length]}`);
    const { session, bus } = await openSession(temp.write(joinLines([`${TRAFFIC_HEADER},Junction`, ...lines])));
    session.start(null);
    await until(finished(session), 'the replay to finish');
    expectReconciled(session.progress());
    expect(session.progress().rowsAccepted).toBe(rows.length);

    const audit = bus.consumer({ groupId: 'audit', topic: REPLAY_TOPIC });
    const messages: BusMessage<TrafficRecord>[] = [];
    for (let batch = await audit.poll(500, 0); batch.length > 0; batch = await audit.poll(500, 0)) messages.push(...batch);
    expect(messages).toHaveLength(rows.length);
    for (const junction of junctions) {
      const ofJunction = messages.filter((m) => m.key === junction);
      expect(ofJunction).toHaveLength(rows.length / junctions.length);
      expect(new Set(ofJunction.map((m) => m.partition)).size).toBe(1);
      const order = ofJunction.map((m) => m.value.line);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('fails with a message when the file disappears before the replay', async () => {
    const path = temp.write(trafficCsv(trafficRows(50)));
    const { session } = await openSession(path);
    unlinkSync(path);
    session.start(null);
    await until(() => session.progress().state !== 'running', 'the replay to end');
    const progress = session.progress();
    expect(progress.state).toBe('failed');
    expect(progress.message).toMatch(/Reading stopped/);
    expect(progress.rowsAccepted).toBe(0);
  });
});

describe('ReplaySession at a set pace', () => {
  it('is still running after a moment at 200 rows/s and has read only what the pace allows', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    const startedAt = performance.now();
    session.start(200);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    await sleep(100);
    const progress = session.progress();
    const elapsedMs = performance.now() - startedAt;

    expect(progress.state).toBe('running');
    expect(progress.targetRowsPerSecond).toBe(200);
    expect(progress.rowsRead).toBeLessThan(rows.length);
    // Never ahead of the pace, however slow or fast this machine is.
    expect(progress.rowsAccepted).toBeLessThanOrEqual(Math.floor((elapsedMs * 200) / 1000) + 1);
    expect(progress.rowsRead).toBe(progress.rowsAccepted + progress.rowsRejected);
  });

  it('holds still while paused, shows no rate, resumes without a burst and can finish at full speed', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    session.start(1000);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');

    session.pause();
    expect(session.progress().state).toBe('paused');
    await sleep(20); // a batch already handed to the bus may still be counted
    const held = session.progress();
    expect(held.rowsPerSecond).toBe(0);
    await sleep(300);
    const later = session.progress();
    expect(later.state).toBe('paused');
    expect(later.rowsAccepted).toBe(held.rowsAccepted);
    expect(later.rowsRead).toBe(held.rowsRead);
    expect(later.rowsPerSecond).toBe(0);

    const resumedAt = performance.now();
    session.resume();
    expect(session.progress().state).toBe('running');
    await sleep(50);
    const afterResume = session.progress();
    const sinceResumeMs = performance.now() - resumedAt;
    // The 300 ms paused are not made up for: no more than the pace allows since resuming.
    expect(afterResume.rowsAccepted - held.rowsAccepted).toBeLessThanOrEqual(Math.floor(sinceResumeMs) + 1);
    await until(() => session.progress().rowsAccepted > held.rowsAccepted, 'rows after resuming');

    session.setRate(null);
    await until(finished(session), 'the replay to finish');
    const done = session.progress();
    expect(done.rowsRead).toBe(rows.length);
    expectReconciled(done);
    expect(session.thresholdView().passing).toBe(rows.filter((r) => r.total > 50).length);
  });

  it('stops on request: state stays stopped, reading ends early and the counts still reconcile', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    session.start(500);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');

    session.stop();
    expect(session.progress().state).toBe('stopped');
    await sleep(20); // a batch already handed to the bus may still be counted
    await until(() => session.progress().rowsConsumed === session.progress().rowsAccepted, 'the stages to catch up');
    const stopped = session.progress();
    await sleep(100);
    const later = session.progress();
    expect(later.state).toBe('stopped');
    expect(later.rowsAccepted).toBe(stopped.rowsAccepted);
    expect(later.rowsAccepted).toBeLessThan(rows.length);
    expectReconciled(later);
    expect(session.thresholdView().evaluated).toBe(later.rowsConsumed);
    expect(session.isActive).toBe(false);
  });

  it('can be stopped while paused', async () => {
    const { session } = await openSession(temp.write(trafficCsv(trafficRows(20_000))));
    session.start(500);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    session.pause();
    session.stop();
    await until(() => session.progress().rowsConsumed === session.progress().rowsAccepted, 'the stages to catch up');
    expect(session.progress().state).toBe('stopped');
  });

  it('changes the pace while running', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    session.start(100);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    session.setRate(null);
    expect(session.progress().targetRowsPerSecond).toBeNull();
    await until(finished(session), 'the replay to finish at full speed');
    expect(session.progress().rowsAccepted).toBe(rows.length);
  });
});
