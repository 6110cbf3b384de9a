/**
 * Test-only (vitest): one Kafka for the whole test file, KAFKA_BROKERS's cluster or a broker of the
 * file's own, started before its first test and stopped after its last.
 */
import { afterAll, beforeAll } from 'vitest';
import { BROKER_HOOK_TIMEOUT_MS, kafkaForTests, type TestCluster } from './localKafkaBroker';

/** Call inside a `describe`; the returned function gives the cluster once the tests run. */
export function useKafkaForThisFile(): () => TestCluster {
  let cluster: TestCluster | null = null;
  beforeAll(async () => {
    cluster = await kafkaForTests();
  }, BROKER_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await cluster?.stop();
  }, BROKER_HOOK_TIMEOUT_MS);
  return () => {
    if (!cluster) throw new Error('the Kafka for this file has not started');
    return cluster;
  };
}
