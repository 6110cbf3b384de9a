/**
 * Rows packed several to a Kafka message (rowsPerMessage > 1), against a real Kafka broker:
 * every row arrives once per key in order with its own headers and time, and a group that commits
 * between the rows of one message loses none of them after a restart (it reads that message again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_HOOK_TIMEOUT_MS, kafkaForTests, kafkaTestsCanRun, type TestCluster } from '../../kafka/testing/localKafkaBroker';
import type { BusConsumer, BusMessage, ProducerRecord } from '../bus';
import { jsonCodec } from '../jsonCodec';
import { KafkaBus } from './kafkaBus';
import { formatReplayTag, REPLAY_TAG_HEADER } from './replayTag';

interface Reading {
  junction: string;
  seq: number;
}

/** Rows of a live feed, 20 s apart from 40 minutes ago: stamped with their own times on the broker. */
const STEP_MS = 20_000;
const BASE = Math.floor(Date.now() / 1000) * 1000 - 40 * 60_000;
const readings = (count: number, from = 0): ProducerRecord<Reading>[] =>
  Array.from({ length: count }, (_, i) => {
    const seq = from + i;
    const junction = `J${seq % 3}`;
    return { key: junction, value: { junction, seq }, timestamp: BASE + seq * STEP_MS, headers: { [REPLAY_TAG_HEADER]: formatReplayTag('feed0001', seq, seq + 2) } };
  });

async function read(consumer: BusConsumer<Reading>, atLeast: number, max = 1000): Promise<BusMessage<Reading>[]> {
  const out: BusMessage<Reading>[] = [];
  const deadline = Date.now() + 20_000;
  while (out.length < atLeast && Date.now() < deadline) out.push(...(await consumer.poll(Math.min(max, atLeast - out.length), 200)));
  return out;
}

/** Everything there is: polls until a wait of a second brings nothing more, once `atLeast` rows came. */
async function readAll(consumer: BusConsumer<Reading>, atLeast: number): Promise<BusMessage<Reading>[]> {
  const out: BusMessage<Reading>[] = [];
  const deadline = Date.now() + 20_000;
  for (;;) {
    const got = await consumer.poll(1000, 1000);
    out.push(...got);
    if ((got.length === 0 && out.length >= atLeast) || Date.now() > deadline) return out;
  }
}

describe.runIf(kafkaTestsCanRun())('Kafka bus, rows packed 10 to a message', () => {
  let cluster: TestCluster | null = null;
  let bus: KafkaBus<Reading>;

  beforeAll(async () => {
    cluster = await kafkaForTests();
    bus = new KafkaBus<Reading>({ config: { clientId: 'packed-messages-test', brokers: cluster.brokers, retry: { retries: 3 } }, codec: jsonCodec<Reading>(), rowsPerMessage: 10 });
  }, BROKER_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await bus.close();
    await cluster?.stop();
  }, BROKER_HOOK_TIMEOUT_MS);

  it('delivers every row once, in order per key, with its own tag and time, in a tenth as many messages', async () => {
    const topic = `packed-${Date.now()}`;
    await bus.createTopic(topic, { partitions: 4 });
    await bus.produce(topic, readings(150));
    const consumer = await bus.consumer({ groupId: `packed-${Date.now()}`, topic });
    const got = await read(consumer, 150);
    await consumer.close();
    expect(got.map((m) => m.value.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    for (const junction of ['J0', 'J1', 'J2']) {
      const seqs = got.filter((m) => m.key === junction).map((m) => m.value.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    for (const message of got) {
      expect(message.timestamp).toBe(BASE + message.value.seq * STEP_MS);
      expect(message.headers?.[REPLAY_TAG_HEADER]).toBe(formatReplayTag('feed0001', message.value.seq, message.value.seq + 2));
    }
    const watermarks = await bus.watermarks(topic);
    expect(watermarks.reduce((sum, w) => sum + w.high - w.low, 0)).toBe(15);
  });

  it('starts a new group at a time row by row: no row at or after it is lost, even inside a message that began earlier', async () => {
    const topic = `packed-time-${Date.now()}`;
    await bus.createTopic(topic, { partitions: 1 });
    // Two produce batches; the start falls inside the second's messages (rows 60–99, ten per message per key).
    await bus.produce(topic, readings(60));
    await bus.produce(topic, readings(40, 60));
    const consumer = await bus.consumer({ groupId: `packed-time-${Date.now()}`, topic, start: { kind: 'timestamp', timestamp: BASE + 75 * STEP_MS } });
    const got = (await readAll(consumer, 25)).map((m) => m.value.seq);
    await consumer.close();
    // Every row from 75 on; rows before it only from the same batch, never the first batch's.
    expect(got.filter((seq) => seq >= 75).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => 75 + i));
    expect(got.every((seq) => seq >= 60)).toBe(true);
  });

  it('rows from last month, stamped as they were sent: a start at a time takes the messages sent from then on, every row of them', async () => {
    const topic = `packed-old-${Date.now()}`;
    await bus.createTopic(topic, { partitions: 1 });
    const lastMonth = (records: ProducerRecord<Reading>[]): ProducerRecord<Reading>[] => records.map((r) => ({ ...r, timestamp: (r.timestamp ?? 0) - 30 * 86_400_000 }));
    await bus.produce(topic, lastMonth(readings(60)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const between = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await bus.produce(topic, lastMonth(readings(40, 60)));
    const consumer = await bus.consumer({ groupId: `packed-old-${Date.now()}`, topic, start: { kind: 'timestamp', timestamp: between } });
    const got = await readAll(consumer, 40);
    await consumer.close();
    expect(got.map((m) => m.value.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => 60 + i));
    // Each row still reads back with its own time, a month ago.
    for (const message of got) expect(message.timestamp).toBe(BASE + message.value.seq * STEP_MS - 30 * 86_400_000);
  });

  it('a group that committed between the rows of a message reads that message again after a restart: no row is lost', async () => {
    const topic = `packed-resume-${Date.now()}`;
    const groupId = `packed-resume-${Date.now()}`;
    // One partition and one key: ten messages of ten rows, in order.
    await bus.createTopic(topic, { partitions: 1 });
    await bus.produce(topic, readings(100).map((record) => ({ ...record, key: 'J0' })));
    const first = await bus.consumer({ groupId, topic });
    const firstRead = await read(first, 25, 5);
    await first.commit();
    await first.close();
    // 25 rows read: two whole messages done, the third half read, so the group committed offset 2.
    expect([...(await bus.committed(groupId, topic)).values()]).toEqual([2]);

    const second = await bus.consumer({ groupId, topic });
    const secondRead = await read(second, 80);
    await second.close();
    expect(secondRead[0]?.value.seq).toBe(20);
    const all = new Set([...firstRead, ...secondRead].map((m) => m.value.seq));
    expect(all.size).toBe(100);
  });
});
