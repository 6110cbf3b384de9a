/**
 * What the monitor needs of the Kafka bus: a narrow seam, so that unit tests can hand it a bus
 * whose consumer fails in ways a real broker will not on demand (a poll that throws).
 */
import type { KafkaConfig } from 'kafkajs';
import type { BusCodec, BusConsumer, ConsumerOptions, PartitionWatermarks } from '../bus';
import { KafkaBus } from '../bus';

export interface MonitorBus {
  connect(): Promise<void>;
  topicExists(topic: string): Promise<boolean>;
  consumer(options: ConsumerOptions): Promise<BusConsumer<Buffer>>;
  watermarks(topic: string): Promise<PartitionWatermarks[]>;
  close(): Promise<void>;
}

const rawCodec: BusCodec<Buffer> = { encode: (value) => value, decode: (payload) => payload };

/** A bus that reads values as the bytes they are and never creates the topic it watches. */
export function kafkaMonitorBus(config: KafkaConfig): MonitorBus {
  return new KafkaBus<Buffer>({ config, codec: rawCodec, allowCreateTopics: false });
}
