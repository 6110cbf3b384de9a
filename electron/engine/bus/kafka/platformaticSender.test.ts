/**
 * The replay's producer (@platformatic/kafka) on a real broker: a batch sent again while its first
 * attempt is still in flight (the replay gave up waiting for an acknowledgement) must neither lose
 * the new batch nor jam the batches after it.
 */
import { describe, expect, it } from 'vitest';
import { useKafkaForThisFile } from '../../kafka/testing/brokerPerFile';
import { kafkaTestsCanRun, WHY_NO_KAFKA } from '../../kafka/testing/localKafkaBroker';
import { loadKafkajs } from './kafkajsModule';
import { connectSender } from './platformaticSender';

const runnable = kafkaTestsCanRun();

describe.runIf(runnable)('the replay producer on a real broker', () => {
  const kafka = useKafkaForThisFile();

  /** Every message value on `topic`, read by kafkajs from the start. */
  async function valuesOn(topic: string, expected: number): Promise<string[]> {
    const { Kafka } = await loadKafkajs();
    const consumer = new Kafka({ clientId: 'sender-test-reader', brokers: kafka().brokers, logLevel: 0 }).consumer({ groupId: `${topic}-reader` });
    const values: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void values.push(message.value?.toString() ?? '') });
    const deadline = Date.now() + 20_000;
    while (values.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // A moment more, so messages beyond those expected would be seen too.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await consumer.disconnect();
    return values;
  }

  it('a batch sent while another is in flight, and the batch after it, all reach the topic once each', async () => {
    const topic = `sender-overlap-${Date.now()}`;
    const sender = await connectSender({ clientId: 'sender-test', brokers: kafka().brokers }, { idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: true });
    const batch = (name: string) => ({
      topic,
      acks: -1,
      compression: 0,
      messages: Array.from({ length: 200 }, (_, i) => ({ key: `J${i % 4}`, value: `${name}${i}`, timestamp: String(Date.now()) })),
    });
    try {
      await sender.send({ ...batch('warm-up'), messages: batch('warm-up').messages.slice(0, 1) });
      // The first attempt is abandoned the moment the second starts (as after an acknowledgement that never came).
      const abandoned = sender.send(batch('a')).catch(() => 'abandoned');
      await sender.send(batch('b'));
      await sender.send(batch('c'));
      await abandoned;
      const values = await valuesOn(topic, 401);
      const count = (name: string): number => values.filter((value) => value.startsWith(name) && !value.startsWith('warm')).length;
      expect(count('b')).toBe(200);
      expect(count('c')).toBe(200);
      // The abandoned attempt landed whole or not at all; never twice.
      expect([0, 200]).toContain(count('a'));
    } finally {
      await sender.disconnect();
    }
  }, 60_000);
});

if (!runnable) it.skip(`the replay producer on a real broker: ${WHY_NO_KAFKA}`, () => undefined);
