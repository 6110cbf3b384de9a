/**
 * The original data set's split time form (`12:15:00 AM`, day of month, weekday) written newest
 * first, as "latest first" exports are: opened without any correction, every row lands on its real
 * date (the days run 9 … 1, 31 … 10, so the month goes back at 1 → 31), the file is replayed oldest
 * first, and the whole-file scan (in several segments) agrees. Expected dates come from the
 * generator's own calendar (JavaScript's Date), not from the engine.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Pace, ReplayLimits } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { EmbeddedBus } from '../bus/embeddedBus';
import { scanFile } from '../source/fileScan/scanFile';
import { openSniffedFile } from '../source/openFile';
import { sniffCsv } from '../source/sniffCsv';
import { producedOn, until, useReplaySessions } from '../testing/replaySessionsUnderTest';
import { JUNCTION_HEADER, TempDir, junctionFields, slotFields, trafficRows, type JunctionRow } from '../testing/trafficFixture';
import { embeddedBinding } from './busBinding';
import { REPLAY_TOPIC, ReplaySession } from './replaySession';

const temp = new TempDir();
const sessions = useReplaySessions();
afterAll(() => temp.cleanup());

const NO_LIMITS: ReplayLimits = { durationSeconds: null, rows: null, loop: false };
const FAST: Pace = { mode: 'fast' };

/** Tuesday 10 March 2026 00:00 to Thursday 9 April 2026 23:45, as the tutorial's month runs (10th to 31st, 1st to 9th). */
const START = Date.UTC(2026, 2, 10);
const SLOTS = 31 * 96;
const JUNCTIONS = ['1', '2', '3'];
/** The engine picks the latest month up to today that fits the weekdays: today is pinned for the test. */
const TODAY = new Date(Date.UTC(2026, 11, 7));

const oldestFirst: JunctionRow[] = trafficRows(SLOTS * JUNCTIONS.length, 11).map((row, i) => ({
  ...row,
  ...slotFields(Math.floor(i / JUNCTIONS.length), START),
  junction: JUNCTIONS[i % JUNCTIONS.length] as string,
}));
const written = [...oldestFirst].reverse();
/** Line 1 is the header. */
const lineOf = (index: number): number => index + 2;
const text = `${[JUNCTION_HEADER, ...written.map((row) => junctionFields(row).join(','))].join('\n')}\n`;

async function openAsToday(path: string): Promise<Awaited<ReturnType<typeof openSniffedFile>>> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
  try {
    return await openSniffedFile(await sniffCsv(path), null);
  } finally {
    vi.useRealTimers();
  }
}

describe('a split-form file written newest first', () => {
  it('opens on its real months, replays oldest first with every row on its date, and the scan agrees', async () => {
    const path = temp.write(text);
    const opened = await openAsToday(path);
    expect(opened.schema.time).toMatchObject({ kind: 'split', anchorYear: 2026, anchorMonth: 4, newestFirst: true });
    expect(opened.info.replayOrder?.reversed).toBe(true);
    const lastSlot = START + (SLOTS - 1) * 15 * 60_000;
    expect(opened.info.timeRange).toEqual({ first: START, last: lastSlot });

    const bus = new EmbeddedBus<TrafficRecord>();
    const session = new ReplaySession(opened, embeddedBinding(bus), () => undefined);
    sessions.push(session);
    session.start(FAST, NO_LIMITS);
    await until(() => session.progress().state === 'finished', 'the replay to finish');
    const progress = session.progress();
    expect(progress.rowsRead).toBe(written.length);
    expect(progress.rowsRejected).toBe(0);
    expect(progress.eventTime).toBe(lastSlot);

    const messages = await producedOn(bus, REPLAY_TOPIC);
    expect(messages.map((m) => m.value.line)).toEqual(written.map((_, i) => lineOf(i)).reverse());
    expect(messages.map((m) => m.value.time)).toEqual(written.map((row) => row.epoch).reverse());

    for (const segments of [1, 3]) {
      const profile = await scanFile({ path, dialect: opened.sniffed.dialect, schema: opened.schema, workerPath: null, segments });
      expect(profile).toMatchObject({ rows: written.length, accepted: written.length, rejected: 0, timeRange: { first: START, last: lastSlot } });
    }
  });
});
