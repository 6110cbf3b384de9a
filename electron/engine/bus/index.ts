/** What the rest of the engine may use from bus/: other folders import it only through this file. */
export type { Bus, BusConsumer, BusMessage, ConsumerOptions, PartitionWatermarks, ProducerRecord } from './bus';
export type { BusCodec } from './busCodec';
export { DEFAULT_RETENTION_MESSAGES, EmbeddedBus } from './embeddedBus';
export { KafkaBus } from './kafka/kafkaBus';
export { describeKafkaError, isRetriableKafkaError } from './kafka/kafkaErrors';
export { KAFKA_LOG_LEVEL, loadKafkajs } from './kafka/kafkajsModule';
export { RecordCodec } from './kafka/recordCodec';
export { REPLAY_TAG_HEADER, formatReplayTag, parseReplayTag } from './kafka/replayTag';
