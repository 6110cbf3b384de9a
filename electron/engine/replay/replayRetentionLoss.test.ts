/**
 * A topic whose retention removes rows before the replay's consumer reaches them (a Kafka topic
 * with a small retention.bytes, a reader slower than the writer): the consumer skips their
 * offsets, and the replay must finish saying so, with the count, instead of blaming another
 * consumer of its group or waiting for rows no one will deliver. Here the embedded log stands in
 * for the topic (its retention is a message count; the consumer's skipping is the same code path
 * the Kafka consumer's contract suite checks against a real broker).
 */
import { afterAll, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import type { BusConsumer, ConsumerOptions } from '../bus/bus';
import { EmbeddedBus } from '../bus/embeddedBus';
import { until, useReplaySessions } from '../testing/replaySessionsUnderTest';
import { openFixture, TempDir, trafficCsv, trafficRows } from '../testing/trafficFixture';
import { embeddedBinding } from './busBinding';
import { missingRowsMessage } from './replayConsumer';
import { ReplaySession } from './replaySession';

const temp = new TempDir();
const sessions = useReplaySessions();
afterAll(() => temp.cleanup());

/** The embedded log, with consumers that read nothing until released: a reader slower than the writer. */
class SlowReaderBus extends EmbeddedBus<TrafficRecord> {
  private held = true;

  releaseReaders(): void {
    this.held = false;
  }

  override async consumer(options: ConsumerOptions): Promise<BusConsumer<TrafficRecord>> {
    const inner = await super.consumer(options);
    const held = (): boolean => this.held;
    return new Proxy(inner, {
      get(target, property) {
        if (property === 'poll') {
          return async (maxMessages: number, waitMs: number) => {
            if (!held()) return target.poll(maxMessages, waitMs);
            await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 20)));
            return [];
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

it('a replay whose topic dropped rows before they were read finishes and names retention, with the count', async () => {
  const rows = 20_000;
  const path = temp.write(trafficCsv(trafficRows(rows, 3)), 'retention.csv');
  // One partition keeping about 5,000 messages (whole segments go, as Kafka deletes segments), and a reader that falls behind: it reads nothing until every row is written.
  const bus = new SlowReaderBus({ partitions: 1, retentionMessages: 5000 });
  const binding = { ...embeddedBinding(bus), tagRecords: true, maxConsumerLag: 1_000_000 };
  const session = new ReplaySession(await openFixture(path), binding, () => undefined, null);
  sessions.push(session);
  session.start({ mode: 'fast' }, { durationSeconds: null, rows: null, loop: false });
  await until(() => session.busCounters().produced === rows, 'every row produced');
  bus.releaseReaders();
  await until(() => session.progress().state === 'finished', 'the replay finished', 15_000);

  const counters = session.busCounters();
  const progress = session.progress();
  const [mark] = await bus.watermarks('traffic.replay');
  const removed = mark?.low ?? 0;
  expect(counters.produced).toBe(rows);
  expect(removed).toBeGreaterThan(0);
  // What the topic still held was read; the rest was counted as removed, not silently missing.
  expect(counters.lostToRetention).toBe(removed);
  expect(progress.rowsConsumed).toBe(rows - removed);
  expect(progress.message).toContain(`${removed} of this replay's rows are not in the panels`);
  expect(progress.message).toContain(`retention of topic traffic.replay removed ${removed} messages before they were read`);
  expect(progress.message).not.toContain('another consumer');
});

it('rows another consumer of the group read are still put down to that consumer', () => {
  expect(missingRowsMessage(12, 0, 'traffic.replay', 'traffic-monitor.stages')).toBe(
    "12 of this replay's rows are not in the panels: another consumer in group traffic-monitor.stages, which shares its partitions, read them.",
  );
  expect(missingRowsMessage(1, 1, 't', 'g')).toMatch(/^1 of this replay's rows is not in the panels: the retention of topic t removed 1 message before/);
});
