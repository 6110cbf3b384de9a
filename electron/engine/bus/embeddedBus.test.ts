import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BusConsumer, BusMessage } from './bus';
import { EmbeddedBus } from './embeddedBus';

interface Reading {
  key: string | null;
  seq: number;
}

const TOPIC = 'readings';

function records(count: number, key: (i: number) => string | null = () => null, from = 0) {
  return Array.from({ length: count }, (_, i) => ({ key: key(from + i), value: { key: key(from + i), seq: from + i } }));
}

/** Polls without waiting until a poll comes back empty. */
async function drain<T>(consumer: BusConsumer<T>, batch = 1000): Promise<BusMessage<T>[]> {
  const out: BusMessage<T>[] = [];
  for (;;) {
    const messages = await consumer.poll(batch, 0);
    if (messages.length === 0) return out;
    out.push(...messages);
  }
}

const seqs = (messages: readonly BusMessage<Reading>[]): number[] => messages.map((m) => m.value.seq).sort((a, b) => a - b);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

afterEach(() => {
  vi.useRealTimers();
});

describe('EmbeddedBus: partitions and offsets', () => {
  it('gives each partition dense offsets from 0 in produce order', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    await bus.produce(TOPIC, records(50));
    await bus.produce(TOPIC, records(53, () => null, 50));
    const messages = await drain(await bus.consumer({ groupId: 'g', topic: TOPIC }));

    expect(seqs(messages)).toEqual(range(103));
    for (let p = 0; p < 4; p++) {
      const inPartition = messages.filter((m) => m.partition === p);
      expect(inPartition.map((m) => m.offset)).toEqual(range(inPartition.length));
      const produced = inPartition.map((m) => m.value.seq);
      expect(produced).toEqual([...produced].sort((a, b) => a - b));
      expect(inPartition.every((m) => m.topic === TOPIC)).toBe(true);
    }
    const watermarks = (await bus.watermarks(TOPIC));
    expect(watermarks.map((w) => w.low)).toEqual([0, 0, 0, 0]);
    expect(watermarks.reduce((sum, w) => sum + w.high, 0)).toBe(103);
  });

  it('keeps every message of a key in one partition, in the order produced', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    const junctions = ['J01', 'J02', 'J03', 'J04', 'J05', 'J06', 'J07', 'J08'];
    for (let round = 0; round < 5; round++) await bus.produce(TOPIC, records(40, (i) => junctions[i % junctions.length] as string, round * 40));
    const messages = await drain(await bus.consumer({ groupId: 'g', topic: TOPIC }), 7);

    expect(messages).toHaveLength(200);
    const partitionsUsed = new Set<number>();
    for (const junction of junctions) {
      const ofKey = messages.filter((m) => m.key === junction);
      expect(ofKey).toHaveLength(25);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      partitionsUsed.add(ofKey[0]?.partition as number);
      const order = ofKey.map((m) => m.value.seq);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // Eight keys over four partitions do not all land in one.
    expect(partitionsUsed.size).toBeGreaterThan(1);
  });

  it('lets one consumer read the topic back in the order it was written, across partitions', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    await bus.produce(TOPIC, records(60, (i) => (i % 3 === 0 ? null : `J${i % 7}`)));
    await bus.produce(TOPIC, records(40, () => null, 60));
    const messages = await drain(await bus.consumer({ groupId: 'g', topic: TOPIC }), 9);
    expect(messages.map((m) => m.value.seq)).toEqual(range(100));
  });

  it('spreads keyless messages evenly over the partitions', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    for (let i = 0; i < 10; i++) await bus.produce(TOPIC, records(10, () => null, i * 10));
    const highs = (await bus.watermarks(TOPIC)).map((w) => w.high);
    expect(highs.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...highs) - Math.min(...highs)).toBeLessThanOrEqual(1);
  });

  it('creates a topic on first produce with the default partition count', async () => {
    const bus = new EmbeddedBus<Reading>({ partitions: 3, retentionMessages: 1000 });
    await bus.produce('fresh', records(9));
    expect((await bus.watermarks('fresh'))).toHaveLength(3);
  });

  it('keeps the timestamp given by the producer', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.produce(TOPIC, [{ key: 'J01', value: { key: 'J01', seq: 0 }, timestamp: 1_700_000_000_000 }]);
    const [message] = await drain(await bus.consumer({ groupId: 'g', topic: TOPIC }));
    expect(message?.timestamp).toBe(1_700_000_000_000);
    expect(message?.key).toBe('J01');
  });
});

describe('EmbeddedBus: consumer groups', () => {
  it('resumes a group from its committed offsets: no message twice, none lost', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    await bus.produce(TOPIC, records(100));

    const first = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    const early = [...(await first.poll(30, 0)), ...(await first.poll(15, 0))];
    expect(early).toHaveLength(45);
    await first.commit();
    await first.close();
    expect([...(await bus.committed('stages', TOPIC)).values()].reduce((a, b) => a + b, 0)).toBe(45);

    await bus.produce(TOPIC, records(20, () => null, 100));
    const second = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    const late = await drain(second);
    expect(late).toHaveLength(75);
    expect(seqs([...early, ...late])).toEqual(range(120));
  });

  it('delivers again what a member read but did not commit', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 2 });
    await bus.produce(TOPIC, records(10));
    const first = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    expect(await first.poll(4, 0)).toHaveLength(4);
    await first.close();
    expect(await drain(await bus.consumer({ groupId: 'stages', topic: TOPIC }))).toHaveLength(10);
  });

  it('splits the partitions between two members that together read every message once', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    const a = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    const b = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    expect([...a.assignment(), ...b.assignment()].sort()).toEqual([0, 1, 2, 3]);
    expect(a.assignment().some((p) => b.assignment().includes(p))).toBe(false);
    expect(a.assignment().length).toBe(2);

    await bus.produce(TOPIC, records(200, (i) => `J${i % 13}`));
    const fromA = await drain(a, 17);
    const fromB = await drain(b, 17);
    expect(fromA.length).toBeGreaterThan(0);
    expect(fromB.length).toBeGreaterThan(0);
    expect(fromA.every((m) => a.assignment().includes(m.partition))).toBe(true);
    expect(fromB.every((m) => b.assignment().includes(m.partition))).toBe(true);
    expect(seqs([...fromA, ...fromB])).toEqual(range(200));
  });

  it('hands a leaving member its partitions to the others, from the committed offsets', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    const a = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    const b = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    await bus.produce(TOPIC, records(80));
    const fromA = await drain(a);
    await a.commit();
    const fromB = await b.poll(10, 0);
    await b.commit();
    await b.close();
    expect(a.assignment().sort()).toEqual([0, 1, 2, 3]);
    const rest = await drain(a);
    expect(seqs([...fromA, ...fromB, ...rest])).toEqual(range(80));
  });

  it('lets a different group read everything independently', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    await bus.produce(TOPIC, records(60));
    const stages = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    expect(await drain(stages)).toHaveLength(60);
    await stages.commit();
    const audit = await bus.consumer({ groupId: 'audit', topic: TOPIC });
    expect(seqs(await drain(audit))).toEqual(range(60));
    expect((await bus.committed('audit', TOPIC)).size).toBe(0);
  });

  it('starts at the end with "start: latest" and reads only what comes after', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 4 });
    await bus.produce(TOPIC, records(10));
    const live = await bus.consumer({ groupId: 'live', topic: TOPIC, start: { kind: 'latest' } });
    expect(await live.poll(100, 0)).toEqual([]);
    await bus.produce(TOPIC, records(5, () => null, 10));
    expect(seqs(await drain(live))).toEqual([10, 11, 12, 13, 14]);
  });

  it('closed consumers read nothing', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.produce(TOPIC, records(5));
    const consumer = await bus.consumer({ groupId: 'g', topic: TOPIC });
    await consumer.close();
    expect(await consumer.poll(10, 0)).toEqual([]);
  });

  it('forgets the groups of a deleted topic, so a recreated topic is read from its start', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 2 });
    await bus.produce(TOPIC, records(10));
    const first = await bus.consumer({ groupId: 'stages', topic: TOPIC });
    await drain(first);
    await first.commit();
    await first.close();
    await bus.deleteTopic(TOPIC);
    await bus.createTopic(TOPIC, { partitions: 2 });
    await bus.produce(TOPIC, records(4));
    expect(seqs(await drain(await bus.consumer({ groupId: 'stages', topic: TOPIC })))).toEqual([0, 1, 2, 3]);
  });
});

describe('EmbeddedBus: retention', () => {
  it('advances the low watermark and counts what a lagging consumer missed', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 1, retentionMessages: 5000 });
    const lagging = await bus.consumer({ groupId: 'slow', topic: TOPIC });
    const produced = 20_000;
    for (let i = 0; i < produced; i += 1000) await bus.produce(TOPIC, records(1000, () => null, i));

    const [mark] = (await bus.watermarks(TOPIC));
    expect(mark?.high).toBe(produced);
    expect(mark?.low).toBeGreaterThan(0);
    // Retention keeps at least the bound.
    expect((mark?.high ?? 0) - (mark?.low ?? 0)).toBeGreaterThanOrEqual(5000);

    const read = await drain(lagging, 3000);
    expect(lagging.lostToRetention).toBe(mark?.low);
    expect(read[0]?.offset).toBe(mark?.low);
    expect(read.length + lagging.lostToRetention).toBe(produced);
    expect(read.at(-1)?.value.seq).toBe(produced - 1);
  });

  it('loses nothing for a consumer that keeps up', async () => {
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 2, retentionMessages: 3000 });
    const keepingUp = await bus.consumer({ groupId: 'fast', topic: TOPIC });
    let read = 0;
    for (let i = 0; i < 30_000; i += 500) {
      await bus.produce(TOPIC, records(500, () => null, i));
      read += (await drain(keepingUp)).length;
    }
    expect(read).toBe(30_000);
    expect(keepingUp.lostToRetention).toBe(0);
    expect((await bus.watermarks(TOPIC)).every((w) => w.low > 0)).toBe(true);
  });
});

describe('EmbeddedBus: poll waiting', () => {
  it('wakes a waiting poll as soon as a message is produced', async () => {
    vi.useFakeTimers();
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 2 });
    const consumer = await bus.consumer({ groupId: 'g', topic: TOPIC });
    let result: BusMessage<Reading>[] | null = null;
    const polling = consumer.poll(10, 60_000).then((messages) => (result = messages));
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBeNull();

    await bus.produce(TOPIC, records(1, () => 'J01'));
    // No timer has to fire: the produce itself resolves the poll.
    await vi.advanceTimersByTimeAsync(0);
    expect(result).not.toBeNull();
    expect((await polling).map((m) => m.value.seq)).toEqual([0]);
  });

  it('returns an empty batch after its wait time when nothing comes', async () => {
    vi.useFakeTimers();
    const bus = new EmbeddedBus<Reading>();
    await bus.createTopic(TOPIC, { partitions: 2 });
    const consumer = await bus.consumer({ groupId: 'g', topic: TOPIC });
    let result: BusMessage<Reading>[] | null = null;
    void consumer.poll(10, 200).then((messages) => (result = messages));
    await vi.advanceTimersByTimeAsync(199);
    expect(result).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toEqual([]);
  });

  it('returns at once without waiting when messages are ready', async () => {
    vi.useFakeTimers();
    const bus = new EmbeddedBus<Reading>();
    await bus.produce(TOPIC, records(3));
    const consumer = await bus.consumer({ groupId: 'g', topic: TOPIC });
    let result: BusMessage<Reading>[] | null = null;
    void consumer.poll(10, 60_000).then((messages) => (result = messages));
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toHaveLength(3);
  });
});
