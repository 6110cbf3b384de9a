/**
 * Test-only: a monitor bus with no broker. Its consumer hands out the messages a test queues, and
 * fails the way the test says (a poll that throws), which a real broker will not do on demand.
 */
import type { BusConsumer, BusMessage } from '../../bus';
import type { MonitorBus } from '../monitorBus';

export interface FakeMonitorBus extends MonitorBus {
  /** Queues message values (partition 0, offsets from 0 on) for the next poll. */
  send(values: readonly (string | Buffer)[]): void;
  /** Every later poll throws this. */
  failPolls(error: Error): void;
  /** `count` messages written and removed by retention before the consumer reached them: their offsets are skipped, as a Kafka consumer skips them. */
  loseToRetention(count: number): void;
}

export function fakeMonitorBus(topic: string): FakeMonitorBus {
  let queue: BusMessage<Buffer>[] = [];
  let offset = 0;
  let pollError: Error | null = null;
  const consumer: BusConsumer<Buffer> = {
    poll: async (max, waitMs) => {
      if (pollError) throw pollError;
      if (queue.length === 0) await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 20)));
      const taken = queue.slice(0, max);
      queue = queue.slice(taken.length);
      return taken;
    },
    commit: () => Promise.resolve(),
    assignment: () => [0],
    lostToRetention: 0,
    failure: null,
    takeMalformed: () => [],
    close: () => Promise.resolve(),
  };
  return {
    connect: () => Promise.resolve(),
    topicExists: (name) => Promise.resolve(name === topic),
    consumer: () => Promise.resolve(consumer),
    watermarks: () => Promise.resolve([{ partition: 0, low: 0, high: offset }]),
    close: () => Promise.resolve(),
    send: (values) => {
      for (const value of values) {
        queue.push({ topic, partition: 0, offset: offset++, key: null, value: typeof value === 'string' ? Buffer.from(value, 'utf8') : value, timestamp: Date.now() });
      }
    },
    failPolls: (error) => (pollError = error),
    loseToRetention: (count) => {
      offset += count;
      (consumer as { lostToRetention: number }).lostToRetention += count;
    },
  };
}
