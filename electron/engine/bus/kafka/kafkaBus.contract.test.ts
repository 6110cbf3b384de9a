import { Kafka } from 'kafkajs';
import { describe, it } from 'vitest';
import { externalBrokers, kafkaForTests, kafkaTestsCanRun, WHY_NO_KAFKA } from '../../kafka/testing/localKafkaBroker';
import { describeBusContract, type Reading } from '../busContract.suite';
import { jsonCodec } from '../jsonCodec';
import { KafkaBus } from './kafkaBus';

const external = externalBrokers();
/** The cluster the contract runs against, known once it has started. */
let brokers: string[] = [];

/**
 * The broker deletes a topic's records before its newest `keepNewest` (DeleteRecords moves the log
 * start, as retention does when it removes old segments); a slow reader then finds them gone.
 */
async function deleteOldest(topic: string, keepNewest: number): Promise<void> {
  const admin = new Kafka({ clientId: 'bus-contract-retention', brokers, logLevel: 0 }).admin();
  await admin.connect();
  try {
    const [partition] = await admin.fetchTopicOffsets(topic);
    if (partition === undefined) throw new Error(`${topic} has no partition`);
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: partition.partition, offset: String(Number(partition.high) - keepNewest) }] });
  } finally {
    await admin.disconnect();
  }
}

if (!kafkaTestsCanRun()) {
  describe('Bus contract: Kafka', () => {
    it.skip(WHY_NO_KAFKA, () => undefined);
  });
} else {
  describeBusContract(
    external ? `Kafka at ${external.join(',')}` : 'Kafka (a local Apache Kafka broker)',
    async () => {
      const cluster = await kafkaForTests();
      brokers = cluster.brokers;
      const bus = new KafkaBus<Reading>({ config: { clientId: 'bus-contract-tests', brokers: cluster.brokers, retry: { retries: 3 } }, codec: jsonCodec<Reading>() });
      return {
        bus,
        dispose: async () => {
          await bus.close();
          await cluster.stop();
        },
      };
    },
    { retention: { deleteOldest } },
  );
}
