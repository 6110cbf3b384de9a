/**
 * The producer in its own worker thread, against a real Kafka broker: every row arrives, keyed
 * (one partition per junction); a send after the thread is gone fails as retriable instead of hanging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_HOOK_TIMEOUT_MS, kafkaForTests, kafkaTestsCanRun, type TestCluster } from '../../kafka/testing/localKafkaBroker';
import { setEngineLogSink } from '../../supervision/engineLog';
import type { WorkerChannel } from '../../supervision/workerChannel';
import { threadOf } from '../../testing/threadOf';
import { writeTsWorkerEntry } from '../../testing/tsWorkerEntry';
import { jsonCodec } from '../jsonCodec';
import { KafkaBus } from './kafkaBus';
import { ThreadedProducer } from './threadedProducer';

interface Reading {
  junction: string;
  seq: number;
}

describe.runIf(kafkaTestsCanRun())('Kafka producer in a worker thread', () => {
  let cluster: TestCluster | null = null;
  let brokers: string[];
  let dir: string;
  let entry: string;

  beforeAll(async () => {
    cluster = await kafkaForTests();
    brokers = cluster.brokers;
    dir = mkdtempSync(join(tmpdir(), 'producer-worker-'));
    // The worker script is TypeScript here: a small CommonJS entry registers tsx, then loads it.
    entry = writeTsWorkerEntry(dir, join(__dirname, 'producerWorker.ts'));
  }, BROKER_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, BROKER_HOOK_TIMEOUT_MS);

  it('produces every row, keyed, through the worker; the bus reads them back', async () => {
    const bus = new KafkaBus<Reading>({ config: { clientId: 'threaded-producer-test', brokers }, codec: jsonCodec<Reading>(), producerWorkerPath: entry });
    try {
      const topic = `threaded-${Date.now()}`;
      await bus.createTopic(topic);
      for (let batch = 0; batch < 3; batch++) {
        await bus.produce(
          topic,
          Array.from({ length: 1000 }, (_, i) => {
            const seq = batch * 1000 + i;
            return { key: `J0${seq % 5}`, value: { junction: `J0${seq % 5}`, seq } };
          }),
        );
      }
      const consumer = await bus.consumer({ groupId: `threaded-${Date.now()}`, topic });
      const seen: { key: string | null; partition: number; seq: number }[] = [];
      const deadline = Date.now() + 20_000;
      while (seen.length < 3000 && Date.now() < deadline) {
        for (const message of await consumer.poll(1000, 200)) seen.push({ key: message.key, partition: message.partition, seq: message.value.seq });
      }
      await consumer.close();
      expect(seen.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
      for (const key of ['J00', 'J01', 'J02', 'J03', 'J04']) {
        const rows = seen.filter((m) => m.key === key);
        expect(new Set(rows.map((m) => m.partition)).size).toBe(1);
        expect(rows.map((m) => m.seq)).toEqual([...rows.map((m) => m.seq)].sort((a, b) => a - b));
      }
    } finally {
      await bus.close();
    }
  }, 60_000);

  it('fails sends as retriable once its thread is gone, rather than leaving them waiting', async () => {
    const producer = await ThreadedProducer.start(entry, { clientId: 'threaded-producer-test', brokers }, {});
    await producer.disconnect();
    const error = (await producer.send({ topic: 'any', acks: -1, compression: 0, messages: [{ key: 'a', value: '{}' }] }).catch((e: unknown) => e)) as Error & { retriable?: boolean };
    expect(error).toBeInstanceOf(Error);
    expect(error.retriable).toBe(true);
  }, 30_000);

  it('starts a new producer thread when the old one died, and the rows still all arrive', async () => {
    const logged: string[] = [];
    setEngineLogSink((source, line) => logged.push(`[${source}] ${line}`));
    const bus = new KafkaBus<Reading>({ config: { clientId: 'threaded-producer-restart', brokers }, codec: jsonCodec<Reading>(), producerWorkerPath: entry });
    try {
      const topic = `threaded-restart-${Date.now()}`;
      await bus.createTopic(topic);
      const rows = (from: number): { key: string; value: Reading }[] =>
        Array.from({ length: 500 }, (_, i) => ({ key: `J0${(from + i) % 3}`, value: { junction: `J0${(from + i) % 3}`, seq: from + i } }));
      await bus.produce(topic, rows(0));
      // Killed from outside, as its heap limit or an uncaught error would end it.
      await threadOf((bus as unknown as { producer: { worker: WorkerChannel<unknown, unknown> } }).producer.worker).terminate();
      await bus.produce(topic, rows(500));
      expect(logged).toContain('[kafka producer] stopped unexpectedly: its thread exited with code 1');
      expect(logged).toContain('[kafka producer] the producer thread stopped (its thread exited with code 1); starting a new producer thread');

      const consumer = await bus.consumer({ groupId: `threaded-restart-${Date.now()}`, topic });
      const seen = new Set<number>();
      const deadline = Date.now() + 20_000;
      while (seen.size < 1000 && Date.now() < deadline) {
        for (const message of await consumer.poll(1000, 200)) seen.add(message.value.seq);
      }
      await consumer.close();
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    } finally {
      await bus.close();
      setEngineLogSink((source, line) => console.error(`[${source}] ${line}`));
    }
  }, 60_000);
});
