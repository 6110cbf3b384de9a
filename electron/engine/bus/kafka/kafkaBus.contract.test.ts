import { describe, it } from 'vitest';
import { externalBrokers, kcatAvailable, startMockCluster } from '../../kafka/testing/kcatMockCluster';
import { describeBusContract, type Reading } from '../busContract.suite';
import { jsonCodec } from '../jsonCodec';
import { KafkaBus } from './kafkaBus';

const external = externalBrokers();

if (!external && !kcatAvailable()) {
  describe('Bus contract: Kafka', () => {
    it.skip('needs kcat (Debian package kcat) for the mock cluster, or KAFKA_BROKERS for a real one', () => undefined);
  });
} else {
  describeBusContract(
    external ? `Kafka at ${external.join(',')}` : "Kafka (librdkafka's mock cluster)",
    async () => {
      const cluster = external ? null : await startMockCluster();
      const brokers = external ?? (cluster?.brokers as string[]);
      const bus = new KafkaBus<Reading>({ config: { clientId: 'bus-contract-tests', brokers, retry: { retries: 3 } }, codec: jsonCodec<Reading>() });
      return {
        bus,
        dispose: async () => {
          await bus.close();
          await cluster?.stop();
        },
      };
    },
    { configurableRetention: false },
  );
}
