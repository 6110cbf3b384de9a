/**
 * A replay of a file written newest first, through the whole session: the data's clock runs
 * forwards (the bus gets the rows oldest first), nothing is lost or shown twice, and progress,
 * seeks and counts are those of the rows as replayed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Pace, ReplayLimits } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { EmbeddedBus } from '../bus/embeddedBus';
import { openSniffedFile } from '../source/openFile';
import { NEWEST_FIRST_OVERRIDES, NEWEST_FIRST_START, NEWEST_FIRST_STEP_MS, newestFirstFile } from '../source/replayOrder/newestFirstFixture';
import { sniffCsv } from '../source/sniffCsv';
import { producedOn, until, useReplaySessions } from '../testing/replaySessionsUnderTest';
import { TempDir } from '../testing/trafficFixture';
import { embeddedBinding } from './busBinding';
import { REPLAY_TOPIC, ReplaySession } from './replaySession';

const temp = new TempDir();
const sessions = useReplaySessions();
afterAll(() => temp.cleanup());

const NO_LIMITS: ReplayLimits = { durationSeconds: null, rows: null, loop: false };
const FAST: Pace = { mode: 'fast' };

const SLOTS = 3000;
const written = newestFirstFile({ junctions: 4, slots: SLOTS, rejectEvery: 499, multilineEvery: 211, brokenAt: [3_001] });
const good = written.rows.filter((row) => row.time !== null);
const rejectedLines = written.rows.filter((row) => row.time === null).map((row) => row.line);

async function openSession(): Promise<{ session: ReplaySession; bus: EmbeddedBus<TrafficRecord> }> {
  const bus = new EmbeddedBus<TrafficRecord>();
  const opened = await openSniffedFile(await sniffCsv(temp.write(written.text)), NEWEST_FIRST_OVERRIDES);
  const session = new ReplaySession(opened, embeddedBinding(bus), () => undefined);
  sessions.push(session);
  return { session, bus };
}

const produced = (bus: EmbeddedBus<TrafficRecord>): ReturnType<typeof producedOn> => producedOn(bus, REPLAY_TOPIC);

describe('replay of a file written newest first', () => {
  it('sends every good row once, oldest first; rejected rows keep their lines; counts and bytes reconcile', async () => {
    const { session, bus } = await openSession();
    expect(session.fileInfo.replayOrder?.reversed).toBe(true);
    session.start(FAST, NO_LIMITS);
    await until(() => session.progress().state === 'finished', 'the replay to finish');
    const progress = session.progress();
    expect(progress.rowsRead).toBe(written.rows.length);
    expect(progress.rowsAccepted).toBe(good.length);
    expect(progress.rowsRejected).toBe(rejectedLines.length);
    expect(progress.rowsConsumed).toBe(progress.rowsAccepted);
    expect(progress.position).toBe(written.rows.length);
    expect(progress.bytesRead).toBe(progress.bytesTotal);
    expect(session.stages.rejectedView(true).rows.map((row) => row.line).sort((a, b) => a - b)).toEqual(rejectedLines);
    const messages = await produced(bus);
    // The embedded bus reads back in the order produced: the file backwards.
    expect(messages.map((m) => m.value.line)).toEqual(good.map((row) => row.line).reverse());
    const times = messages.map((m) => m.value.time as number);
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    expect(progress.eventTime).toBe(NEWEST_FIRST_START + (SLOTS - 1) * NEWEST_FIRST_STEP_MS);
  });

  it('seeks by time: exactly the rows at or after it, the data clock going on from there', async () => {
    const { session, bus } = await openSession();
    const target = NEWEST_FIRST_START + 1234 * NEWEST_FIRST_STEP_MS;
    session.setPace(FAST);
    session.seek({ kind: 'time', time: target });
    await until(() => session.progress().state === 'finished', 'the seek replay to finish');
    const messages = await produced(bus);
    const expected = good.filter((row) => (row.time as number) >= target);
    expect(messages.map((m) => m.value.line)).toEqual(expected.map((row) => row.line).reverse());
    expect(messages[0]?.value.time).toBe(target);
    const progress = session.progress();
    expect(progress.rowsRead).toBe(progress.rowsAccepted + progress.rowsRejected);
    expect(progress.position).toBe(written.rows.length);
  });
});
