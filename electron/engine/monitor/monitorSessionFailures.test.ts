/**
 * Monitor mode on a bus with no broker (testing/fakeMonitorBus.ts): binary values among text ones,
 * and a watch loop that throws.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setEngineLogSink } from '../supervision';
import { MonitorSession, type MonitorSource } from './monitorSession';
import { fakeMonitorBus } from './testing/fakeMonitorBus';

const TOPIC = 'watched';
const source: MonitorSource = {
  request: { profileId: 'p', topic: TOPIC, startFrom: { kind: 'earliest' }, format: 'auto' },
  profileName: 'Test cluster',
  config: { brokers: ['127.0.0.1:1'] },
  groupId: 'traffic-monitor',
};
const json = (i: number): string => JSON.stringify({ Time: `2026-10-01T08:0${i}:00`, Junction: `J0${i}`, Total: i });
/** An Avro-like record: a zig-zag length, then text, then small integers; all of it valid UTF-8. */
const avroLike = (i: number): Buffer => Buffer.from([0x06, 0x4a, 0x30, 0x31, 0x02, 0x00, 0x10 + i, 0x0c, 0x1e]);

let session: MonitorSession | null = null;
afterEach(async () => {
  await session?.dispose();
  session = null;
  setEngineLogSink((name, line) => console.error(`[${name}] ${line}`));
});

describe('Monitor mode without a broker', () => {
  it('rejects binary values that are valid UTF-8 as binary, with partition and offset, and leaves them out of the format guess', async () => {
    const bus = fakeMonitorBus(TOPIC);
    expect(avroLike(0).toString('utf8')).not.toContain('\uFFFD');
    // Three binary among five: counted in the guess, they made this JSON topic read as CSV.
    bus.send([avroLike(0), json(1), avroLike(2), json(3), avroLike(4)]);
    session = await MonitorSession.open(source, null, () => undefined, bus);
    expect(session.fileInfo.name).toBe(`${TOPIC} (Kafka, JSON)`);
    // Tab, CR and LF are text (JSON whitespace), not control bytes.
    bus.send(['{"Time":"2026-10-01T08:05:00",\t"Junction":"J05",\r\n"Total":5}']);
    const opened = session;
    await expect.poll(() => opened.progress().rowsAccepted, { timeout: 3000 }).toBe(3);
    expect(session.fileInfo.columns.map((c) => c.name)).toEqual(['Time', 'Junction', 'Total']);
    const rejected = session.stages.rejects.takeView(true).rows;
    expect(rejected.map((r) => [r.partition, r.offset, r.reason])).toEqual([0, 2, 4].map((offset) => [0, offset, 'binary message (control bytes), not JSON or CSV text']));
    expect(rejected[0]?.text).toBe('\\x06J01\\x02\\x00\\x10\\x0c\\x1e');
  });

  it('counts messages the topic removed before they were read, for the Kafka panel', async () => {
    const bus = fakeMonitorBus(TOPIC);
    bus.send([json(1), json(2)]);
    session = await MonitorSession.open(source, null, () => undefined, bus);
    bus.loseToRetention(5);
    bus.send([json(3)]);
    const opened = session;
    await expect.poll(() => opened.progress().rowsAccepted, { timeout: 3000 }).toBe(3);
    expect(session.busView()).toMatchObject({ lostToRetention: 5, consumed: 3 });
  });

  it('says so, not "all empty", when every first message is binary', async () => {
    const bus = fakeMonitorBus(TOPIC);
    bus.send([avroLike(0), avroLike(1)]);
    await expect(MonitorSession.open(source, null, () => undefined, bus)).rejects.toThrow(/all binary/);
  });

  it('ends watching with a message the page shows, logged with context, when the watch loop throws', async () => {
    const logged: string[] = [];
    setEngineLogSink((name, line) => logged.push(`[${name}] ${line}`));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const bus = fakeMonitorBus(TOPIC);
      bus.send([json(1), json(2)]);
      let changes = 0;
      session = await MonitorSession.open(source, null, () => changes++, bus);
      bus.failPolls(new Error('the consumer fell over'));
      const opened = session;
      await expect.poll(() => opened.busView().state, { timeout: 3000 }).toBe('failed');
      const message = `Watching ${TOPIC} stopped: the consumer fell over. The rows read so far stay; watch the topic again to go on.`;
      expect(session.busView().message).toBe(message);
      expect(session.progress()).toMatchObject({ state: 'stopped', message, rowsAccepted: 2 });
      expect(changes).toBeGreaterThan(0);
      expect(logged.join('\n')).toMatch(/^\[monitor\] watching watched on Test cluster failed after 2 rows .*: the consumer fell over/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
