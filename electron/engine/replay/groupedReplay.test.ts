/**
 * A replay of a file sorted by location, then time, through the whole session: it follows the
 * data's clock (pace, ETA, seek, the graph's "now"), not the file's order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPaceFor, type Pace, type ReplayLimits } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { EmbeddedBus } from '../bus/embeddedBus';
import { JunctionLoads } from '../graph/junctionLoads';
import { openSniffedFile } from '../source/openFile';
import { GROUPED_OVERRIDES, GROUPED_START, STEP_MS, groupedSpecs, junctionNames, writeRows, type WrittenFile } from '../source/replayOrder/groupedFixture';
import { sniffCsv } from '../source/sniffCsv';
import { producedOn, sleep, until, useReplaySessions } from '../testing/replaySessionsUnderTest';
import { TempDir } from '../testing/trafficFixture';
import { embeddedBinding } from './busBinding';
import { REPLAY_TOPIC, ReplaySession } from './replaySession';

const temp = new TempDir();
const sessions = useReplaySessions();
afterAll(() => temp.cleanup());

const NO_LIMITS: ReplayLimits = { durationSeconds: null, rows: null, loop: false };
const FAST: Pace = { mode: 'fast' };

async function openSession(written: WrittenFile): Promise<{ session: ReplaySession; bus: EmbeddedBus<TrafficRecord> }> {
  const bus = new EmbeddedBus<TrafficRecord>();
  const opened = await openSniffedFile(await sniffCsv(temp.write(written.text)), GROUPED_OVERRIDES);
  const session = new ReplaySession(opened, embeddedBinding(bus), () => undefined);
  sessions.push(session);
  return { session, bus };
}

const produced = (bus: EmbeddedBus<TrafficRecord>): ReturnType<typeof producedOn> => producedOn(bus, REPLAY_TOPIC);

const JUNCTIONS = junctionNames(4);
const SLOTS = 5000;
const BAD = new Set([17, 5_000, 12_345, 19_999]);
const sortedLines = (lines: readonly number[]): number[] => [...lines].sort((a, b) => a - b);

describe('replay of a file grouped by location', () => {
  const written = writeRows(groupedSpecs(JUNCTIONS, SLOTS, BAD));
  const good = written.rows.filter((row) => row.time !== null);
  const badLines = written.rows.filter((row) => row.time === null).map((row) => row.line);

  it('replays every row merged by time, rejected rows with their real lines, counts reconciled', async () => {
    const { session, bus } = await openSession(written);
    expect(session.fileInfo.replayOrder?.merged).toBe(true);
    session.start(FAST, NO_LIMITS);
    await until(() => session.progress().state === 'finished', 'the replay to finish');
    const progress = session.progress();
    expect(progress.rowsRead).toBe(written.rows.length);
    expect(progress.rowsAccepted).toBe(good.length);
    expect(progress.rowsRejected).toBe(badLines.length);
    expect(progress.rowsConsumed).toBe(progress.rowsAccepted);
    expect(progress.position).toBe(written.rows.length);
    expect(progress.bytesRead).toBe(progress.bytesTotal);
    expect(session.stages.rejectedView(true).rows.map((row) => row.line).sort((a, b) => a - b)).toEqual(badLines);
    const messages = await produced(bus);
    expect(sortedLines(messages.map((m) => m.value.line))).toEqual(good.map((row) => row.line));
    // Read back in the order produced (the embedded bus keeps it across partitions): by time.
    const times = messages.map((m) => m.value.time as number);
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    // The last row produced is the latest in time, not the last junction's last row's neighbour in the file.
    expect(progress.eventTime).toBe(GROUPED_START + (SLOTS - 1) * STEP_MS);
  });

  it('gets a default pace from the density of all locations together (not one location a second)', async () => {
    const { session } = await openSession(written);
    const pace = defaultPaceFor(session.fileInfo);
    expect(pace.mode).toBe('event');
    if (pace.mode !== 'event') return;
    const spanSeconds = ((SLOTS - 1) * STEP_MS) / 1000;
    const rowsPerSecond = (written.rows.length / spanSeconds) * pace.speed;
    // The presets are a factor of 6 apart: about 40 rows a second means within that of 40.
    expect(rowsPerSecond).toBeGreaterThan(40 / 6);
    expect(rowsPerSecond).toBeLessThan(40 * 6);
  });

  it('paces by event time: half the rows produced is half the span, and the ETA only counts down', async () => {
    const small = writeRows(groupedSpecs(JUNCTIONS, 800));
    const { session } = await openSession(small);
    const spanMs = 799 * STEP_MS;
    // The whole span in about 1.5 s of wall time.
    session.start({ mode: 'event', speed: spanMs / 1500, maxGapSeconds: null }, NO_LIMITS);
    const etas: number[] = [];
    const times: number[] = [];
    let atHalf: number | null = null;
    while (session.progress().state === 'running') {
      const progress = session.progress();
      if (progress.etaSeconds !== null) etas.push(progress.etaSeconds);
      if (progress.eventTime !== null) times.push(progress.eventTime);
      if (atHalf === null && progress.rowsAccepted >= small.rows.length / 2) atHalf = progress.eventTime;
      await sleep(20);
    }
    expect(session.progress().state).toBe('finished');
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    // In file order half the rows would be two junctions' whole span, ending at its last slot.
    expect(atHalf).not.toBeNull();
    expect(Math.abs((atHalf as number) - (GROUPED_START + spanMs / 2))).toBeLessThan(spanMs * 0.1);
    expect(etas.length).toBeGreaterThan(3);
    expect(etas.every((eta, i) => i === 0 || eta <= (etas[i - 1] as number) + 1e-9)).toBe(true);
    expect(etas[0]).toBeLessThanOrEqual(1.5 + 0.1);
  });

  it('seeks by time: exactly the rows at or after it, from every location', async () => {
    const { session, bus } = await openSession(written);
    const target = GROUPED_START + 3210 * STEP_MS;
    session.setPace(FAST);
    session.seek({ kind: 'time', time: target });
    await until(() => session.progress().state === 'finished', 'the seek replay to finish');
    const messages = await produced(bus);
    const expected = good.filter((row) => (row.time as number) >= target);
    expect(sortedLines(messages.map((m) => m.value.line))).toEqual(expected.map((row) => row.line));
    for (const junction of JUNCTIONS) expect(messages.filter((m) => m.key === junction).length).toBe(expected.filter((row) => row.junction === junction).length);
    const progress = session.progress();
    expect(progress.rowsRead).toBe(progress.rowsAccepted + progress.rowsRejected);
    expect(progress.position).toBe(written.rows.length);
  });

  it('keeps every junction in the graph\'s window as it streams (none greyed out as too old)', async () => {
    const { session, bus } = await openSession(written);
    session.start(FAST, NO_LIMITS);
    await until(() => session.progress().state === 'finished', 'the replay to finish');
    // The embedded bus reads back in the order written: the order the panels saw.
    const messages = (await produced(bus)).map((m) => m.value);
    const loads = new JunctionLoads(60 * 60_000, 96);
    // Halfway through the merged stream: every junction has rows in the last hour.
    for (const record of messages.slice(0, messages.length / 2)) loads.add(String(record.values[1]), record.time as number, record.values[2] as number, record.values);
    expect(JUNCTIONS.map((junction) => loads.load(junction) !== null)).toEqual([true, true, true, true]);
    expect(loads.tooOld).toBe(0);
  });
});
