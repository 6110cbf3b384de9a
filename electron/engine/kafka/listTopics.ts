/**
 * A cluster's topics with their partitions and watermarks, for the topic pickers and the Kafka
 * panel. A short-lived admin client, so listing works for any profile, not only the active bus.
 */
import type { KafkaConfig } from 'kafkajs';
import type { TopicSummary } from '../../../shared/kafka/busContract';
import { KAFKA_LOG_LEVEL, loadKafkajs } from '../bus';
import { closingAnyway } from '../supervision';

/** Enough for a picker; clusters with thousands of topics are listed by name order up to here. */
const MAX_TOPICS = 500;

export async function listTopics(config: KafkaConfig): Promise<TopicSummary[]> {
  const { Kafka } = await loadKafkajs();
  const admin = new Kafka({ logLevel: KAFKA_LOG_LEVEL.NOTHING, ...config, retry: { retries: 1 } }).admin();
  await admin.connect();
  try {
    const names = (await admin.listTopics()).filter((name) => !name.startsWith('__')).sort().slice(0, MAX_TOPICS);
    return await Promise.all(
      names.map(async (name) => {
        const offsets = await admin.fetchTopicOffsets(name);
        const partitions = offsets
          .map((entry) => ({ partition: entry.partition, low: Number(entry.low), high: Number(entry.high) }))
          .sort((a, b) => a.partition - b.partition);
        return { name, partitions, messages: partitions.reduce((sum, p) => sum + p.high - p.low, 0) };
      }),
    );
  } finally {
    await admin.disconnect().catch(closingAnyway);
  }
}
