import { embeddedBinding } from './busBinding';
import { appendFileSync, readFileSync, statSync, truncateSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Pace, ReplayLimits, ReplayProgress } from '../../../shared/contract';
import { passesThreshold, type ThresholdOperator, type TrafficRecord } from '../../../shared/records';
import type { BusMessage } from '../bus/bus';
import { EmbeddedBus } from '../bus/embeddedBus';
import { RejectSpill } from '../stages/rejectSpill';
import { sleep, until, useReplaySessions } from '../testing/replaySessionsUnderTest';
import {
  JUNCTION_HEADER,
  SLOT_MS,
  TempDir,
  TRAFFIC_HEADER,
  joinLines,
  junctionFields,
  junctionRows,
  openFixture,
  rowFields,
  trafficCsv,
  trafficRows,
  type JunctionRow,
  type TrafficRow,
} from '../testing/trafficFixture';
import { defaultPace } from '../../../shared/contract';
import { REPLAY_TOPIC, ReplaySession } from './replaySession';

const temp = new TempDir();
const sessions = useReplaySessions();
afterAll(() => temp.cleanup());

const FAST: Pace = { mode: 'fast' };
const rowsPerSecond = (rate: number): Pace => ({ mode: 'rows', rowsPerSecond: rate });
const NO_LIMITS: ReplayLimits = { durationSeconds: null, rows: null, loop: false };
const limits = (partial: Partial<ReplayLimits>): ReplayLimits => ({ ...NO_LIMITS, ...partial });


interface Opened {
  session: ReplaySession;
  bus: EmbeddedBus<TrafficRecord>;
  changes: () => number;
}

async function openSession(path: string, spill: RejectSpill | null = null): Promise<Opened> {
  const bus = new EmbeddedBus<TrafficRecord>();
  let changes = 0;
  const session = new ReplaySession(await openFixture(path), embeddedBinding(bus), () => changes++, spill);
  sessions.push(session);
  return { session, bus, changes: () => changes };
}

const finished = (session: ReplaySession) => (): boolean => session.progress().state === 'finished';

function expectReconciled(progress: ReplayProgress): void {
  expect(progress.rowsRead).toBe(progress.rowsAccepted + progress.rowsRejected);
  expect(progress.rowsConsumed).toBe(progress.rowsAccepted);
}

let audits = 0;
/** Every message of the current run's topic, in the order produced. */
async function produced(bus: EmbeddedBus<TrafficRecord>): Promise<BusMessage<TrafficRecord>[]> {
  const audit = await bus.consumer({ groupId: `audit-${++audits}`, topic: REPLAY_TOPIC });
  const messages: BusMessage<TrafficRecord>[] = [];
  for (let batch = await audit.poll(5000, 0); batch.length > 0; batch = await audit.poll(5000, 0)) messages.push(...batch);
  await audit.close();
  return messages;
}

/** 3,000 data lines in the Traffic.csv shape (October 1 to November 1), four of them bad in different ways. */
function fixtureWithBadRows(): { text: string; rows: TrafficRow[]; good: TrafficRow[]; badRows: number[]; badLines: number[]; dataLines: number } {
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
    rows,
    good: rows.filter((_, i) => !bad.has(i)),
    badRows: [...bad.keys()],
    badLines: [...bad.keys()].map((i) => i + 2),
    dataLines: rows.length,
  };
}

const JUNCTIONS = ['J01', 'J02', 'J03', 'J04'];
/** 5,000 slots × 4 junctions (about 1 MB, four blocks), October into November, some rows bad. */
function junctionFixture(): { text: string; rows: JunctionRow[]; bad: Set<number>; good: JunctionRow[] } {
  const rows = junctionRows(5000, JUNCTIONS, 8);
  const bad = new Set([3, 4_000, 12_001, 15_555, 19_998]);
  const lines = rows.map((row, i) => (bad.has(i) ? junctionFields(row).map((f, k) => (k === 3 ? '12abc' : f)).join(',') : junctionFields(row).join(',')));
  return { text: joinLines([JUNCTION_HEADER, ...lines]), rows, bad, good: rows.filter((_, i) => !bad.has(i)) };
}

describe('ReplaySession before any replay', () => {
  it('widens the time range to the whole file once the whole-file scan is done (an unsorted file\'s ends do not bound it)', async () => {
    // 30,000 rows around 10 March; the earliest (1 March) and the latest (20 March) sit in the middle.
    const lines = ['time,site,flow'];
    for (let i = 0; i < 30_000; i++) lines.push(`2025-03-10 ${String(8 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},S${i % 7},${i % 90}`);
    lines[15_000] = '2025-03-01 00:00,S1,5';
    lines[15_001] = '2025-03-20 23:45,S2,6';
    const { session } = await openSession(temp.write(joinLines(lines)));
    await until(() => session.fileInfo.timeRange?.first === Date.UTC(2025, 2, 1) && session.fileInfo.timeRange.last === Date.UTC(2025, 2, 20, 23, 45), 'the scanned range');
    expect(session.progress().state).not.toBe('running');
  });
});

describe('ReplaySession at full speed', () => {
  it('reads every row, reconciles the counts and counts Total > 50 like the original filter', async () => {
    const fixture = fixtureWithBadRows();
    const path = temp.write(fixture.text);
    const { session, changes } = await openSession(path);
    expect(session.progress().state).toBe('idle');
    // A file with time replays by its own clock unless told otherwise.
    expect(defaultPace(session.file.schema.time !== null)).toEqual({ mode: 'event', speed: 60, maxGapSeconds: 3600 });

    session.start(FAST, NO_LIMITS);
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
    expect(progress.pace).toEqual(FAST);
    expect(progress.limits).toEqual(NO_LIMITS);
    expect(progress.message).toBeNull();
    expect(progress.loop).toBe(0);
    expect(progress.position).toBe(fixture.dataLines);
    expect(progress.seekedTo).toBeNull();
    expect(progress.rowsSkipped).toBe(0);
    expect(progress.etaSeconds).toBeNull();
    // The split time rolled from October 31 into November 1.
    expect(progress.eventTime).toBe(fixture.good.at(-1)!.epoch);
    expect(new Date(progress.eventTime!).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(changes()).toBeGreaterThan(0);

    const threshold = session.stages.thresholdView();
    expect(threshold.settings).toEqual({ column: 'Total', operator: '>', value: 50 });
    expect(threshold.passing).toBe(fixture.good.filter((row) => row.total > 50).length);
    expect(threshold.evaluated).toBe(fixture.good.length);
    expect(threshold.observedMin).toBe(Math.min(...fixture.good.map((r) => r.total)));
    expect(threshold.observedMax).toBe(Math.max(...fixture.good.map((r) => r.total)));
    expect(threshold.approximate).toBe(false);

    const rejected = session.stages.rejectedView(true);
    expect(rejected.total).toBe(fixture.badLines.length);
    expect(rejected.rows.map((r) => r.line)).toEqual(fixture.badLines);
    expect(rejected.rows.find((r) => r.line === 2002)?.reason).toContain('"Total"');
    expect(rejected.rows.find((r) => r.line === 1502)?.reason).toMatch(/quote/);
  });

  it('shows every consumed row in the feed, in file order, marked by the threshold, with its event time', async () => {
    const fixture = fixtureWithBadRows();
    const { session } = await openSession(temp.write(fixture.text));
    session.start(FAST, NO_LIMITS);
    await until(finished(session), 'the replay to finish');

    const feed = session.stages.feedView(true);
    expect(feed.reset).toBe(true);
    const goodLines = Array.from({ length: fixture.dataLines }, (_, i) => i + 2).filter((l) => !fixture.badLines.includes(l));
    expect(feed.rows.map((r) => r.line)).toEqual(goodLines);
    expect(feed.rows.map((r) => r.passes)).toEqual(fixture.good.map((row) => row.total > 50));
    expect(feed.rows.map((r) => r.time)).toEqual(fixture.good.map((row) => row.epoch));
    // Every row came through the bus: each has a real partition and offset, no two the same.
    expect(new Set(feed.rows.map((r) => `${r.partition}:${r.offset}`)).size).toBe(feed.rows.length);
  });

  it('recounts over all rows when the threshold changes, and re-marks the feed', async () => {
    const fixture = fixtureWithBadRows();
    const { session } = await openSession(temp.write(fixture.text));
    session.start(FAST, NO_LIMITS);
    await until(finished(session), 'the replay to finish');
    session.stages.feedView(false); // the page has seen the rows

    const cases: { column: string; operator: ThresholdOperator; value: number; pick: (row: TrafficRow) => number }[] = [
      { column: 'Total', operator: '<=', value: 30, pick: (r) => r.total },
      { column: 'Total', operator: '>=', value: 100, pick: (r) => r.total },
      { column: 'CarCount', operator: '<', value: 40, pick: (r) => r.car },
      { column: 'TruckCount', operator: '>', value: 20, pick: (r) => r.truck },
    ];
    for (const { pick, ...settings } of cases) {
      session.stages.setThreshold(settings);
      const view = session.stages.thresholdView();
      const expected = fixture.good.filter((row) => passesThreshold(pick(row), settings.operator, settings.value));
      expect(view.settings).toEqual(settings);
      expect(view.passing, JSON.stringify(settings)).toBe(expected.length);
      expect(view.evaluated).toBe(fixture.good.length);

      const feed = session.stages.feedView(false);
      expect(feed.reset).toBe(true);
      expect(feed.rows.filter((r) => r.passes)).toHaveLength(expected.length);
    }

    session.stages.setOnlyPassing(true);
    const onlyPassing = session.stages.feedView(false);
    expect(onlyPassing.onlyPassing).toBe(true);
    expect(onlyPassing.rows.every((r) => r.passes)).toBe(true);
    expect(onlyPassing.rows).toHaveLength(fixture.good.filter((r) => r.truck > 20).length);

    expect(() => session.stages.setThreshold({ column: 'Day of the week', operator: '>', value: 1 })).toThrow(/numeric column/);
    expect(session.stages.thresholdView().settings?.column).toBe('TruckCount');
  });

  it('replays again from the start with fresh counts', async () => {
    const fixture = fixtureWithBadRows();
    const { session } = await openSession(temp.write(fixture.text));
    expect(session.progress().run).toBe(0);
    session.start(FAST, NO_LIMITS);
    await until(finished(session), 'the first replay to finish');
    const first = session.progress();
    const firstPassing = session.stages.thresholdView().passing;
    expect(first.run).toBe(1);

    session.start(FAST, NO_LIMITS);
    expect(session.progress().state).toBe('running');
    await until(finished(session), 'the second replay to finish');
    const second = session.progress();
    // Finished again with the same counts: only the run number tells the page this is a new run.
    expect(second.run).toBe(2);
    expect(second.rowsRead).toBe(first.rowsRead);
    expect(second.rowsAccepted).toBe(first.rowsAccepted);
    expect(second.rowsRejected).toBe(first.rowsRejected);
    expectReconciled(second);
    expect(session.stages.thresholdView().passing).toBe(firstPassing);
    expect(session.stages.rejectedView(true).rows).toHaveLength(fixture.badLines.length);
  });

  it('keys rows by location so each junction stays in one partition, in file order, with the event time as timestamp', async () => {
    const rows = junctionRows(400, ['J01', 'J02', 'J03', 'J04', 'J05'], 9);
    const { session, bus } = await openSession(temp.write(joinLines([JUNCTION_HEADER, ...rows.map((row) => junctionFields(row).join(','))])));
    session.start(FAST, NO_LIMITS);
    await until(finished(session), 'the replay to finish');
    expectReconciled(session.progress());
    expect(session.progress().rowsAccepted).toBe(rows.length);

    const messages = await produced(bus);
    expect(messages).toHaveLength(rows.length);
    expect(messages.map((m) => m.value.line)).toEqual(rows.map((_, i) => i + 2));
    expect(messages.map((m) => m.timestamp)).toEqual(rows.map((row) => row.epoch));
    for (const junction of ['J01', 'J02', 'J03', 'J04', 'J05']) {
      const ofJunction = messages.filter((m) => m.key === junction);
      expect(ofJunction).toHaveLength(rows.length / 5);
      expect(new Set(ofJunction.map((m) => m.partition)).size).toBe(1);
      const order = ofJunction.map((m) => m.value.line);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('fails with a message when the file disappears before the replay', async () => {
    const path = temp.write(trafficCsv(trafficRows(50)));
    const { session } = await openSession(path);
    unlinkSync(path);
    session.start(FAST, NO_LIMITS);
    await until(() => session.progress().state !== 'running', 'the replay to end');
    const progress = session.progress();
    expect(progress.state).toBe('failed');
    expect(progress.message).toMatch(/Reading stopped/);
    expect(progress.rowsAccepted).toBe(0);
  });
});

describe('ReplaySession at a set pace', () => {
  it('after the bus held the producer up for seconds, goes back to its pace instead of sending what fell due in one burst', async () => {
    /** The embedded log, but a produce can be made to wait (as a cluster that is away makes it wait). */
    class GatedBus extends EmbeddedBus<TrafficRecord> {
      gate: Promise<void> | null = null;
      override async produce(topic: string, records: Parameters<EmbeddedBus<TrafficRecord>['produce']>[1]): Promise<void> {
        if (this.gate) await this.gate;
        return super.produce(topic, records);
      }
    }
    const bus = new GatedBus();
    const session = new ReplaySession(await openFixture(temp.write(trafficCsv(trafficRows(20_000)))), embeddedBinding(bus), () => undefined, null);
    sessions.push(session);
    session.start(rowsPerSecond(50), NO_LIMITS);
    await until(() => session.progress().rowsAccepted >= 20, 'the first rows');
    let open = (): void => undefined;
    bus.gate = new Promise<void>((resolve) => (open = resolve));
    await sleep(3000);
    const before = session.progress().rowsAccepted;
    bus.gate = null;
    open();
    await sleep(300);
    const after = session.progress().rowsAccepted;
    // At 50 rows/s, 3 s of stall is 150 rows; the pace forgives all but 1 s of it (50 rows), plus
    // the rows the 300 ms since are worth (15) and the batch that was waiting at the gate.
    expect(after - before).toBeGreaterThan(0);
    expect(after - before).toBeLessThanOrEqual(50 + 15 + 10);
  });

  it('is still running after a moment at 200 rows/s and has read only what the pace allows', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    const startedAt = performance.now();
    session.start(rowsPerSecond(200), NO_LIMITS);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    await sleep(100);
    const progress = session.progress();
    const elapsedMs = performance.now() - startedAt;

    expect(progress.state).toBe('running');
    expect(progress.pace).toEqual(rowsPerSecond(200));
    expect(progress.rowsRead).toBeLessThan(rows.length);
    // Never ahead of the pace, however slow or fast this machine is.
    expect(progress.rowsAccepted).toBeLessThanOrEqual(Math.floor((elapsedMs * 200) / 1000) + 1);
    expect(progress.rowsRead).toBe(progress.rowsAccepted + progress.rowsRejected);
    expect(progress.etaSeconds).not.toBeNull();
  });

  it('holds still while paused, shows no rate, resumes without a burst and can finish at full speed', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    session.start(rowsPerSecond(1000), NO_LIMITS);
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

    session.setPace(FAST);
    await until(finished(session), 'the replay to finish');
    const done = session.progress();
    expect(done.rowsRead).toBe(rows.length);
    expectReconciled(done);
    expect(session.stages.thresholdView().passing).toBe(rows.filter((r) => r.total > 50).length);
  });

  it('stops on request: state stays stopped, reading ends early and the counts still reconcile', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    session.start(rowsPerSecond(500), NO_LIMITS);
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
    expect(session.stages.thresholdView().evaluated).toBe(later.rowsConsumed);
    expect(session.isActive).toBe(false);
  });

  it('can be stopped while paused', async () => {
    const { session } = await openSession(temp.write(trafficCsv(trafficRows(20_000))));
    session.start(rowsPerSecond(500), NO_LIMITS);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    session.pause();
    session.stop();
    await until(() => session.progress().rowsConsumed === session.progress().rowsAccepted, 'the stages to catch up');
    expect(session.progress().state).toBe('stopped');
  });

  it('changes the pace while running, between all three modes', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    session.start(rowsPerSecond(100), NO_LIMITS);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    // At 1× the next quarter hour is 15 minutes away: nothing more comes.
    session.setPace({ mode: 'event', speed: 1, maxGapSeconds: null });
    expect(session.progress().pace).toEqual({ mode: 'event', speed: 1, maxGapSeconds: null });
    await sleep(50);
    const held = session.progress().rowsAccepted;
    await sleep(150);
    expect(session.progress().rowsAccepted).toBe(held);
    expect(session.progress().state).toBe('running');
    // A row rate counts from the rows already sent, so it goes on at once (no stall).
    session.setPace(rowsPerSecond(100_000));
    await until(() => session.progress().rowsAccepted > held + 10, 'rows at the new rate');
    session.setPace(FAST);
    expect(session.progress().pace).toEqual(FAST);
    await until(finished(session), 'the replay to finish at full speed');
    expect(session.progress().rowsAccepted).toBe(rows.length);
    expectReconciled(session.progress());
  });
});

describe('ReplaySession by event time', () => {
  it('at 1× sends the first slot (every junction) and then waits for the data clock', async () => {
    const rows = junctionRows(200, JUNCTIONS);
    const { session } = await openSession(temp.write(joinLines([JUNCTION_HEADER, ...rows.map((row) => junctionFields(row).join(','))])));
    session.start({ mode: 'event', speed: 1, maxGapSeconds: null }, NO_LIMITS);
    await until(() => session.progress().rowsConsumed === JUNCTIONS.length, 'the first slot');
    await sleep(200);
    const progress = session.progress();
    expect(progress.state).toBe('running');
    expect(progress.rowsAccepted).toBe(JUNCTIONS.length);
    expect(progress.eventTime).toBe(rows[0]!.epoch);
    // The next slot is 15 minutes of data away at 1×.
    expect(progress.etaSeconds).toBe(199 * 15 * 60);

    session.setPace({ mode: 'event', speed: 1_000_000, maxGapSeconds: null });
    await until(finished(session), 'the replay to finish at 1,000,000×');
    expect(session.progress().rowsAccepted).toBe(rows.length);
    expect(session.progress().eventTime).toBe(rows.at(-1)!.epoch);
    expectReconciled(session.progress());
  });

  it('shortens a gap in the data to the maximum gap (a 30-day hole takes a moment, not 12 hours at 60×)', async () => {
    const before = trafficRows(4);
    const after = trafficRows(4).map((row) => ({ ...row, date: row.date + 30, day: 'Saturday', epoch: row.epoch + 30 * 86_400_000 }));
    const { session } = await openSession(temp.write(trafficCsv([...before, ...after])));
    // Every gap is cut to 6 data seconds (0.1 s at 60×); the 30 days would take 12 hours.
    session.start({ mode: 'event', speed: 60, maxGapSeconds: 6 }, NO_LIMITS);
    await until(finished(session), 'the replay to finish');
    const progress = session.progress();
    expect(progress.rowsAccepted).toBe(8);
    expect(progress.eventTime).toBe(Date.UTC(2026, 9, 31, 0, 45));
    expectReconciled(progress);
  });
});

describe('ReplaySession limits', () => {
  it('stops after the duration limit and says so', async () => {
    const rows = trafficRows(20_000);
    const { session } = await openSession(temp.write(trafficCsv(rows)));
    session.start(rowsPerSecond(50), limits({ durationSeconds: 0.3 }));
    await until(finished(session), 'the duration limit');
    const progress = session.progress();
    expect(progress.message).toBe('Stopped after 0.3 s: the duration limit.');
    expect(progress.limits).toEqual(limits({ durationSeconds: 0.3 }));
    expect(progress.rowsAccepted).toBeGreaterThan(0);
    expect(progress.rowsAccepted).toBeLessThan(rows.length);
    expectReconciled(progress);
    expect(session.stages.thresholdView().evaluated).toBe(progress.rowsAccepted);
    // The total comes from the whole-file scan, not from the replay that stopped early.
    await until(() => session.progress().totalExact, 'the whole-file scan');
    expect(session.progress().totalRows).toBe(rows.length);
  });

  it('does not count paused time towards the duration limit', async () => {
    const { session } = await openSession(temp.write(trafficCsv(trafficRows(20_000))));
    session.start(rowsPerSecond(50), limits({ durationSeconds: 0.4 }));
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    session.pause();
    await sleep(700);
    expect(session.progress().state).toBe('paused');
    session.resume();
    await until(finished(session), 'the duration limit');
    expect(session.progress().message).toMatch(/duration limit/);
    expectReconciled(session.progress());
  });

  it('writes the duration in minutes when it is whole minutes', async () => {
    const { session } = await openSession(temp.write(trafficCsv(trafficRows(100))));
    session.start(FAST, limits({ durationSeconds: 120, rows: 10 }));
    await until(finished(session), 'the row limit');
    expect(session.progress().message).toBe('Stopped after 10 rows: the row limit.');
    expect(session.progress().etaSeconds).toBeNull();
  });

  it('stops at exactly N rows, counting only the rows up to there', async () => {
    const fixture = fixtureWithBadRows();
    const { session, bus } = await openSession(temp.write(fixture.text));
    session.start(FAST, limits({ rows: 1700 }));
    await until(finished(session), 'the row limit');
    const progress = session.progress();
    expect(progress.rowsAccepted).toBe(1700);
    expect(progress.rowsConsumed).toBe(1700);
    expect(progress.message).toBe('Stopped after 1,700 rows: the row limit.');
    // Rows 0..1701 were read, two of them (100 and 1500) bad; the bad rows further on (2000 and
    // 2999, in a block already read ahead) were not reached.
    expect(progress.rowsRejected).toBe(2);
    expect(session.stages.rejectedView(true).rows.map((r) => r.line)).toEqual([102, 1502]);
    expect(progress.rowsRead).toBe(1702);
    expect(progress.position).toBe(1702);
    expectReconciled(progress);
    expect(session.stages.thresholdView().evaluated).toBe(1700);
    const messages = await produced(bus);
    expect(messages).toHaveLength(1700);
    expect(messages.at(-1)?.value.line).toBe(1703);
  });

  it('stops at exactly N rows by event time too', async () => {
    const { session } = await openSession(temp.write(trafficCsv(trafficRows(500))));
    session.start({ mode: 'event', speed: 1_000_000, maxGapSeconds: 1 }, limits({ rows: 77 }));
    await until(finished(session), 'the row limit');
    expect(session.progress().rowsAccepted).toBe(77);
    expectReconciled(session.progress());
  });

  it('loops: loop 2 follows loop 1 in time, counters go up and the counts reconcile', async () => {
    const rows = trafficRows(100, 13);
    const lines = rows.map((row) => rowFields(row).join(','));
    lines[10] = 'broken';
    lines[60] = rowFields(rows[60]!).map((f, i) => (i === 1 ? '45' : f)).join(',');
    const { session, bus } = await openSession(temp.write(joinLines([TRAFFIC_HEADER, ...lines])));
    // 98 good rows a pass: 250 rows is two whole loops and 54 rows of a third.
    session.start(FAST, limits({ loop: true, rows: 250 }));
    await until(finished(session), 'the row limit');
    const progress = session.progress();
    expect(progress.loop).toBe(2);
    expect(progress.rowsAccepted).toBe(250);
    // Each pass rejects the bad rows again; the third pass stopped before row 60.
    expect(progress.rowsRejected).toBe(2 + 2 + 1);
    expectReconciled(progress);
    expect(progress.totalRows).toBe(100);
    expect(progress.totalExact).toBe(true);
    expect(progress.etaSeconds).toBeNull();

    const good = rows.filter((_, i) => i !== 10 && i !== 60);
    const messages = await produced(bus);
    expect(messages).toHaveLength(250);
    const span = rows.at(-1)!.epoch - rows[0]!.epoch;
    const shift = span + SLOT_MS; // loop 2 begins one quarter hour after loop 1 ends
    const expectedTimes = [...good.map((r) => r.epoch), ...good.map((r) => r.epoch + shift), ...good.slice(0, 54).map((r) => r.epoch + 2 * shift)];
    expect(messages.map((m) => m.value.time)).toEqual(expectedTimes);
    expect(messages.map((m) => m.value.line)).toEqual([...good, ...good, ...good.slice(0, 54)].map((r) => rows.indexOf(r) + 2));
    expect(progress.eventTime).toBe(expectedTimes.at(-1));
    // Times only grow from loop to loop.
    expect(messages.every((m, i) => i === 0 || m.value.time! > messages[i - 1]!.value.time!)).toBe(true);
  });

  it('loops until the duration limit ends it', async () => {
    const { session } = await openSession(temp.write(trafficCsv(trafficRows(50))));
    session.start(rowsPerSecond(1000), limits({ loop: true, durationSeconds: 0.5 }));
    await until(finished(session), 'the duration limit');
    const progress = session.progress();
    expect(progress.loop).toBeGreaterThanOrEqual(2);
    expect(progress.message).toMatch(/duration limit/);
    expect(progress.rowsAccepted).toBeGreaterThan(100);
    expectReconciled(progress);
  });

  it('does not loop forever over a file without a single good row', async () => {
    const { session } = await openSession(temp.write(joinLines([TRAFFIC_HEADER, 'a,b', 'c,d', 'e'])));
    session.start(FAST, limits({ loop: true }));
    await until(() => !session.isActive, 'the replay to end');
    const progress = session.progress();
    expect(progress.state).toBe('finished');
    expect(progress.rowsAccepted).toBe(0);
    expect(progress.rowsRejected).toBe(3);
    expect(progress.message).toMatch(/no rows/i);
    expectReconciled(progress);
  });

  it('does not loop forever over a header-only file', async () => {
    const { session } = await openSession(temp.write(`${TRAFFIC_HEADER}\n`));
    session.start(FAST, limits({ loop: true }));
    await until(() => !session.isActive, 'the replay to end');
    expect(session.progress().state).toBe('finished');
    expect(session.progress().rowsRead).toBe(0);
  });
});

describe('ReplaySession seek', () => {
  async function expectStartsAt(opened: Opened, fixture: ReturnType<typeof junctionFixture>, firstRow: number): Promise<void> {
    const { session, bus } = opened;
    const progress = session.progress();
    const goodAfter = fixture.good.filter((row) => fixture.rows.indexOf(row) >= firstRow);
    const badAfter = [...fixture.bad].filter((i) => i >= firstRow);
    expect(progress.rowsAccepted).toBe(goodAfter.length);
    expect(progress.rowsRejected).toBe(badAfter.length);
    expectReconciled(progress);
    expect(progress.position).toBe(fixture.rows.length);
    const messages = await produced(bus);
    expect(messages[0]?.value.line).toBe(fixture.rows.indexOf(goodAfter[0]!) + 2);
    expect(messages.map((m) => m.value.time)).toEqual(goodAfter.map((row) => row.epoch));
    // The panels restarted at the seek point.
    expect(session.stages.thresholdView().evaluated).toBe(goodAfter.length);
    expect(session.stages.thresholdView().passing).toBe(goodAfter.filter((row) => row.total > 50).length);
    expect(session.stages.rejectedView(true).rows.map((r) => r.line)).toEqual(badAfter.map((i) => i + 2));
    expect(session.stages.feedView(true).rows.at(-1)?.line).toBe(fixture.rows.length + 1);
  }

  it('seeks by row from the start of the file when nothing has been read yet', async () => {
    const fixture = junctionFixture();
    const opened = await openSession(temp.write(fixture.text));
    opened.session.setPace(FAST); // a seek while idle starts the replay at the session's pace
    opened.session.seek({ kind: 'row', row: 17_000 });
    expect(opened.session.progress().state).toBe('running');
    expect(opened.session.progress().seekedTo).toEqual({ kind: 'row', row: 17_000 });
    await until(finished(opened.session), 'the replay to finish');
    const progress = opened.session.progress();
    expect(progress.rowsSkipped).toBe(17_000);
    expect(progress.seekedTo).toEqual({ kind: 'row', row: 17_000 });
    expect(progress.message).toBeNull();
    await expectStartsAt(opened, fixture, 17_000);
    expect(opened.session.stages.feedView(true).rows[0]?.line).toBe(17_002);
  });

  it('seeks by row from a checkpoint once the file has been read, skipping less than a block', async () => {
    const fixture = junctionFixture();
    const opened = await openSession(temp.write(fixture.text));
    opened.session.start(FAST, NO_LIMITS);
    await until(finished(opened.session), 'the first replay');
    opened.session.seek({ kind: 'row', row: 15_555 }); // a bad row: the replay starts there
    await until(finished(opened.session), 'the replay after the seek');
    expect(opened.session.progress().rowsSkipped).toBeLessThan(6_000);
    expect(opened.session.progress().rowsSkipped).toBeGreaterThan(0);
    await expectStartsAt(opened, fixture, 15_555);
  });

  it('seeks by time to the first row of that slot, every junction included, in November', async () => {
    const fixture = junctionFixture();
    const opened = await openSession(temp.write(fixture.text));
    opened.session.start(FAST, NO_LIMITS);
    await until(finished(opened.session), 'the first replay');
    const target = fixture.rows[3100 * JUNCTIONS.length]!.epoch;
    expect(new Date(target).getUTCMonth()).toBe(10);
    opened.session.seek({ kind: 'time', time: target });
    await until(finished(opened.session), 'the replay after the seek');
    expect(opened.session.progress().seekedTo).toEqual({ kind: 'time', time: target });
    await expectStartsAt(opened, fixture, 3100 * JUNCTIONS.length);
    const first = (await produced(opened.bus))[0]!;
    expect(first.value.time).toBe(target);
    expect(first.key).toBe('J01');
  });

  it('seeks by a time between slots to the next slot', async () => {
    const fixture = junctionFixture();
    const opened = await openSession(temp.write(fixture.text));
    opened.session.setPace(FAST);
    opened.session.seek({ kind: 'time', time: fixture.rows[4000 * JUNCTIONS.length]!.epoch - 1 });
    await until(finished(opened.session), 'the replay after the seek');
    await expectStartsAt(opened, fixture, 4000 * JUNCTIONS.length);
  });

  it('seeks while running at a slow pace: the panels restart from the seek point and the pace and limits stay', async () => {
    const fixture = junctionFixture();
    const opened = await openSession(temp.write(fixture.text));
    const { session } = opened;
    session.start(rowsPerSecond(200), limits({ loop: false, durationSeconds: 3600 }));
    await until(() => session.progress().rowsConsumed > 5, 'the first rows');
    session.seek({ kind: 'row', row: 18_000 });
    expect(session.progress().pace).toEqual(rowsPerSecond(200));
    expect(session.progress().limits).toEqual(limits({ durationSeconds: 3600 }));
    await until(() => session.progress().rowsConsumed > 0, 'rows after the seek');
    const early = session.stages.feedView(true);
    expect(early.reset).toBe(true);
    expect(early.rows[0]?.line).toBe(18_002);
    expect(session.stages.thresholdView().evaluated).toBe(session.progress().rowsConsumed);
    session.setPace(FAST);
    await until(finished(session), 'the replay to finish');
    await expectStartsAt(opened, fixture, 18_000);
  });

  it('resumes at a row with the position reported while running (as reopening with new roles does)', async () => {
    const fixture = junctionFixture();
    const opened = await openSession(temp.write(fixture.text));
    const { session } = opened;
    session.start(FAST, limits({ rows: 4_100 }));
    await until(finished(session), 'the row limit');
    // 4,100 good rows are rows 0..4,101 (rows 3 and 4,000 are bad).
    expect(session.progress().position).toBe(4_102);
    session.seek({ kind: 'row', row: session.progress().position });
    await until(finished(session), 'the row limit after the seek');
    const messages = await produced(opened.bus);
    expect(messages[0]?.value.line).toBe(4_102 + 2);
  });
});

describe('ReplaySession rejected rows on disk', () => {
  it('keeps every rejected row for saving, beyond the thousand listed, and starts afresh with each replay', async () => {
    const rows = trafficRows(3000, 2);
    const lines = rows.map((row, i) => (i % 2 === 0 ? `${rowFields(row).join(',')},extra` : rowFields(row).join(',')));
    const spill = new RejectSpill(join(temp.path, 'spill'));
    const { session } = await openSession(temp.write(joinLines([TRAFFIC_HEADER, ...lines])), spill);
    await expect(session.saveRejected(temp.file())).rejects.toThrow();
    session.start(FAST, NO_LIMITS);
    await until(finished(session), 'the replay to finish');
    expect(session.progress().rowsRejected).toBe(1500);
    expect(session.stages.rejectedView(true).rows).toHaveLength(1000);
    const target = temp.file('rejected.csv');
    expect(await session.saveRejected(target)).toBe(1500);
    const saved = readFileSync(target, 'utf8').trimEnd().split('\n');
    expect(saved).toHaveLength(1501);
    expect(saved[1]).toBe(`2,"expected 9 fields, found 10","${lines[0]},"`.replace(/,"$/, '"'));
    expect(saved.at(-1)?.startsWith('3000,')).toBe(true);

    session.start(FAST, limits({ rows: 10 }));
    await until(finished(session), 'the second replay');
    expect(await session.saveRejected(temp.file('second.csv'))).toBe(session.progress().rowsRejected);
    await spill.dispose();
  });

  it('refuses to save when the session keeps no file', async () => {
    const { session } = await openSession(temp.write(trafficCsv(trafficRows(10))));
    await expect(session.saveRejected(temp.file())).rejects.toThrow(/not kept on disk/);
  });
});

describe('ReplaySession on a file that changes while it is read', () => {
  const CHANGED = /^The file changed while it was being read \(\d[\d,]* bytes when opened, \d[\d,]* now\): the rows read are counted as read/;

  it('says so when rows are appended during the replay, and counts the rows it read', async () => {
    const rows = trafficRows(20_000);
    const path = temp.write(trafficCsv(rows));
    const { session } = await openSession(path);
    session.start(rowsPerSecond(2000), NO_LIMITS);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    appendFileSync(path, trafficRows(100, 9).map((row) => `${rowFields(row).join(',')}\n`).join(''));
    session.setPace(FAST);
    await until(finished(session), 'the replay to finish');
    const progress = session.progress();
    expect(progress.message).toMatch(CHANGED);
    expect(progress.rowsRead).toBe(20_100);
    expect(progress.totalRows).toBe(20_100);
    expect(progress.totalExact).toBe(true);
    expectReconciled(progress);
  });

  it('says so when the file is truncated during the replay, and counts the rows it read', async () => {
    const rows = trafficRows(20_000);
    const path = temp.write(trafficCsv(rows));
    const { session } = await openSession(path);
    session.start(rowsPerSecond(2000), NO_LIMITS);
    await until(() => session.progress().rowsAccepted > 0, 'the first rows');
    truncateSync(path, Math.floor(statSync(path).size / 2));
    session.setPace(FAST);
    await until(finished(session), 'the replay to finish');
    const progress = session.progress();
    expect(progress.message).toMatch(CHANGED);
    expect(progress.rowsRead).toBeLessThan(20_000);
    expect(progress.totalRows).toBe(progress.rowsRead);
    expect(progress.totalExact).toBe(true);
    expectReconciled(progress);
  });
});
