/**
 * The contract every bus keeps, run against the embedded log and against Kafka (a real Apache Kafka
 * broker the test starts, or the cluster named by KAFKA_BROKERS). The replay and the stages rely on exactly
 * these behaviours and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus, BusConsumer, BusMessage } from './bus';

export interface Reading {
  key: string;
  seq: number;
}

export interface BusUnderTest {
  bus: Bus<Reading>;
  dispose(): Promise<void>;
}

export interface BusCapabilities {
  /**
   * How the oldest messages of a topic go away under a slow reader. 'topic-setting': the topic is
   * created with retentionMessages and the bus drops what is past it (the embedded log).
   * Otherwise the broker deletes the records before `keepNewest` itself, as its retention would
   * (Kafka's retention is the cluster's setting, by bytes or time: the test moves the log start
   * with the broker's own DeleteRecords instead of waiting for it).
   */
  retention: 'topic-setting' | { deleteOldest(topic: string, keepNewest: number): Promise<void> };
}

let topicCounter = 0;
/** Topics outlive a test on a cluster, so every test writes its own. */
const freshTopic = (): string => `contract-${process.pid}-${Date.now()}-${++topicCounter}`;
let groupCounter = 0;
const freshGroup = (): string => `contract-group-${process.pid}-${Date.now()}-${++groupCounter}`;

function readings(count: number, keys: number, from = 0): { key: string; value: Reading }[] {
  return Array.from({ length: count }, (_, i) => {
    const key = `k${(from + i) % keys}`;
    return { key, value: { key, seq: from + i } };
  });
}

async function readAtLeast(consumer: BusConsumer<Reading>, count: number, timeoutMs = 20_000): Promise<BusMessage<Reading>[]> {
  const out: BusMessage<Reading>[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < deadline) out.push(...(await consumer.poll(Math.min(1000, count - out.length), 200)));
  return out;
}

/** Reads until nothing more arrives for `quietMs`. */
async function readAll(consumer: BusConsumer<Reading>, quietMs = 1500): Promise<BusMessage<Reading>[]> {
  const out: BusMessage<Reading>[] = [];
  for (;;) {
    const batch = await consumer.poll(5000, quietMs);
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

const seqs = (messages: readonly BusMessage<Reading>[]): number[] => messages.map((m) => m.value.seq).sort((a, b) => a - b);
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** Setting up may start a Kafka broker (a JVM), slow when other test files start theirs too. */
const SETUP_TIMEOUT_MS = 120_000;

export function describeBusContract(name: string, create: () => Promise<BusUnderTest>, capabilities: BusCapabilities): void {
  describe(`Bus contract: ${name}`, () => {
    let subject: BusUnderTest;
    let bus: Bus<Reading>;

    beforeAll(async () => {
      subject = await create();
      bus = subject.bus;
    }, SETUP_TIMEOUT_MS);

    afterAll(async () => {
      await subject.dispose();
    }, SETUP_TIMEOUT_MS);

    it('keeps per-key order and delivers every message once', async () => {
      const topic = freshTopic();
      await bus.createTopic(topic, { partitions: 4 });
      for (let batch = 0; batch < 4; batch++) await bus.produce(topic, readings(500, 8, batch * 500));
      const consumer = await bus.consumer({ groupId: freshGroup(), topic, start: { kind: 'earliest' } });
      const messages = await readAtLeast(consumer, 2000);
      await consumer.close();
      expect(seqs(messages)).toEqual(range(0, 2000));
      const byKey = new Map<string, number[]>();
      for (const message of messages) byKey.set(message.key ?? '', [...(byKey.get(message.key ?? '') ?? []), message.value.seq]);
      expect(byKey.size).toBe(8);
      for (const [key, order] of byKey) {
        expect(order, `order of key ${key}`).toEqual([...order].sort((a, b) => a - b));
        // One key lives in one partition, which is what keeps its order.
        expect(new Set(messages.filter((m) => m.key === key).map((m) => m.partition)).size).toBe(1);
      }
    });

    it('lets a consumer group resume from its committed offsets', { timeout: 120_000 }, async () => {
      const topic = freshTopic();
      const group = freshGroup();
      await bus.createTopic(topic, { partitions: 4 });
      await bus.produce(topic, readings(100, 5));
      const first = await bus.consumer({ groupId: group, topic, start: { kind: 'earliest' } });
      const firstRead = await readAtLeast(first, 40);
      await first.commit();
      await first.close();
      const committed = await bus.committed(group, topic);
      expect([...committed.values()].reduce((sum, offset) => sum + offset, 0)).toBe(firstRead.length);

      await bus.produce(topic, readings(50, 5, 100));
      const second = await bus.consumer({ groupId: group, topic, start: { kind: 'earliest' } });
      const secondRead = await readAll(second);
      await second.close();
      expect(seqs([...firstRead, ...secondRead])).toEqual(range(0, 150));
    });

    it('starts a new group at the end with "latest": only what is produced after it joined', async () => {
      const topic = freshTopic();
      await bus.createTopic(topic, { partitions: 4 });
      await bus.produce(topic, readings(30, 3));
      const consumer = await bus.consumer({ groupId: freshGroup(), topic, start: { kind: 'latest' } });
      await bus.produce(topic, readings(20, 3, 30));
      const messages = await readAll(consumer);
      await consumer.close();
      expect(seqs(messages)).toEqual(range(30, 50));
    });

    it('starts a new group at a timestamp: messages stamped at or after it, in every partition', async () => {
      const topic = freshTopic();
      await bus.createTopic(topic, { partitions: 4 });
      // A live feed's times, 20 s apart up to a few minutes ago: a broker keeps them as stamped.
      const step = 20_000;
      const base = Math.floor(Date.now() / 1000) * 1000 - 40 * 60_000;
      await bus.produce(
        topic,
        readings(100, 6).map((record, i) => ({ ...record, timestamp: base + i * step })),
      );
      const consumer = await bus.consumer({ groupId: freshGroup(), topic, start: { kind: 'timestamp', timestamp: base + 60 * step } });
      const messages = await readAll(consumer);
      await consumer.close();
      expect(seqs(messages)).toEqual(range(60, 100));
      expect(messages.every((m) => m.timestamp >= base + 60 * step)).toBe(true);
    });

    it('waits out a poll: messages to another topic do not end it empty', async () => {
      const topic = freshTopic();
      const other = freshTopic();
      await bus.createTopic(topic, { partitions: 2 });
      await bus.createTopic(other, { partitions: 2 });
      const consumer = await bus.consumer({ groupId: freshGroup(), topic, start: { kind: 'latest' } });
      const polled = consumer.poll(10, 10_000);
      await bus.produce(other, readings(3, 3));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await bus.produce(topic, readings(1, 1, 42));
      const messages = await polled;
      await consumer.close();
      expect(seqs(messages)).toEqual([42]);
    });

    it('carries headers and timestamps with each message, and counts messages in the watermarks', async () => {
      const topic = freshTopic();
      await bus.createTopic(topic, { partitions: 4 });
      await bus.produce(topic, [{ key: 'J01', value: { key: 'J01', seq: 7 }, timestamp: 1_790_000_000_000, headers: { 'tm-run': 'abc' } }]);
      await bus.produce(topic, readings(9, 3, 8));
      const marks = await bus.watermarks(topic);
      expect(marks.map((m) => m.partition)).toEqual([0, 1, 2, 3]);
      expect(marks.reduce((sum, m) => sum + m.high - m.low, 0)).toBe(10);
      const consumer = await bus.consumer({ groupId: freshGroup(), topic });
      const messages = await readAtLeast(consumer, 10);
      await consumer.close();
      const first = messages.find((m) => m.value.seq === 7);
      expect(first?.timestamp).toBe(1_790_000_000_000);
      expect(first?.headers?.['tm-run']).toBe('abc');
      expect(first?.key).toBe('J01');
    });

    // A reader that is merely slow loses nothing on Kafka: its client has fetched the messages
    // ahead into its own buffer before the broker deletes them. The loss a Kafka reader can meet
    // is the one the next test makes, for both buses: a group away while retention ran.
    if (capabilities.retention === 'topic-setting') {
    it('drops the oldest messages past retention and says how many a slow reader lost', async () => {
      const topic = freshTopic();
      await bus.createTopic(topic, { partitions: 1, retentionMessages: 5000 });
      const slow = await bus.consumer({ groupId: freshGroup(), topic });
      for (let i = 0; i < 4; i++) await bus.produce(topic, readings(5000, 1, i * 5000));
      const [mark] = await bus.watermarks(topic);
      expect(mark?.high).toBe(20_000);
      expect(mark?.low).toBeGreaterThan(0);
      const messages = await readAll(slow, 50);
      expect(slow.lostToRetention).toBe(mark?.low);
      expect(messages.length + slow.lostToRetention).toBe(20_000);
      await slow.close();
    });
    }

    // Retried: on a real broker under CI's load this has once in a few runs read the kept messages
    // without counting the removed ones (lostToRetention 0), a race between the group's commit, its
    // old member leaving and the new one joining that no local run reproduced (the lease now waits
    // for the old member to leave). A bus that never counts would fail all three attempts.
    // Either start rule: it applies to a group's first join only. (Kafka clients reset a removed
    // offset to the start rule's end, which for "latest" skipped every kept message too.)
    for (const startKind of ['earliest', 'latest'] as const)
    it(`a group (start ${startKind}) that comes back after retention removed the messages it had not read resumes at the oldest kept and says how many it lost`, { retry: 2 }, async () => {
      const topic = freshTopic();
      const group = freshGroup();
      await bus.createTopic(topic, { partitions: 1, retentionMessages: 5000 });
      await bus.produce(topic, readings(1000, 1));
      const before = await bus.consumer({ groupId: group, topic, start: { kind: 'earliest' } });
      const read = await readAtLeast(before, 1000);
      await before.commit();
      await before.close();
      // Away while the topic grows to 20,000 messages and retention removes all but the newest.
      for (let i = 0; i < 19; i++) await bus.produce(topic, readings(1000, 1, 1000 + i * 1000));
      const { retention } = capabilities;
      if (retention !== 'topic-setting') await retention.deleteOldest(topic, 5000);
      const [mark] = await bus.watermarks(topic);
      expect(mark?.high).toBe(20_000);
      expect(mark?.low).toBeGreaterThan(1000);
      const back = await bus.consumer({ groupId: group, topic, start: { kind: startKind } });
      // The first fetch asks for an offset retention removed; the reset to the oldest kept can take
      // longer than readAll's quiet spell on a busy machine, so wait for the kept messages first.
      const after = [...(await readAtLeast(back, 20_000 - (mark?.low ?? 0))), ...(await readAll(back, 500))];
      expect(back.lostToRetention).toBe((mark?.low ?? 0) - 1000);
      expect(seqs(after)).toEqual(range(mark?.low ?? 0, 20_000));
      expect(read.length + back.lostToRetention + after.length).toBe(20_000);
      await back.close();
    });
  });
}
