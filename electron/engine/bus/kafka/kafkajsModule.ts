/**
 * kafkajs, loaded on first use: about 11 MB of memory the app does not spend unless the user turns
 * to Kafka (the embedded bus is the default, and its replay must stay under 300 MB).
 */
import type * as Kafkajs from 'kafkajs';

type KafkajsModule = typeof Kafkajs;

let loading: Promise<KafkajsModule> | null = null;

export function loadKafkajs(): Promise<KafkajsModule> {
  // A CommonJS package: some loaders put its exports under `default`, others beside it.
  loading ??= import('kafkajs').then((module) => ((module as { default?: KafkajsModule }).default ?? module) as KafkajsModule);
  return loading;
}

/** kafkajs's enums, as values, so configurations can be written without loading it. */
export const KAFKA_LOG_LEVEL = { NOTHING: 0, ERROR: 1, WARN: 2, INFO: 4, DEBUG: 5 } as const satisfies Record<keyof typeof Kafkajs.logLevel, Kafkajs.logLevel>;
export const KAFKA_COMPRESSION = { None: 0, GZIP: 1 } as const satisfies Partial<Record<keyof typeof Kafkajs.CompressionTypes, Kafkajs.CompressionTypes>>;
