import { describe, it } from 'vitest';
import { externalBrokers, kafkaForTests, kafkaTestsCanRun, WHY_NO_KAFKA } from '../../kafka/testing/localKafkaBroker';
import { describeBusContract, type Reading } from '../busContract.suite';
import { jsonCodec } from '../jsonCodec';
import { KafkaBus } from './kafkaBus';

const external = externalBrokers();

if (!kafkaTestsCanRun()) {
  describe('Bus contract: Kafka', () => {
    it.skip(WHY_NO_KAFKA, () => undefined);
  });
} else {
  describeBusContract(
    external ? `Kafka at ${external.join(',')}` : 'Kafka (a local Apache Kafka broker)',
    async () => {
      const cluster = await kafkaForTests();
      const bus = new KafkaBus<Reading>({ config: { clientId: 'bus-contract-tests', brokers: cluster.brokers, retry: { retries: 3 } }, codec: jsonCodec<Reading>() });
      return {
        bus,
        dispose: async () => {
          await bus.close();
          await cluster.stop();
        },
      };
    },
    { configurableRetention: false },
  );
}
