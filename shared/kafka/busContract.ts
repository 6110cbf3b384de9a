/**
 * Which bus the pipeline runs on (the embedded log or a Kafka cluster), monitor mode, and the Kafka
 * panel's view. Spread into the app's one command map in ../contract.ts.
 */
import { z } from 'zod';

export const KAFKA_TOPIC_PATTERN = /^[A-Za-z0-9._-]{1,249}$/;
export const kafkaTopicSchema = z.string().regex(KAFKA_TOPIC_PATTERN, 'A topic name uses letters, digits, ".", "_" and "-" (at most 249).');

/** Where the app's consumer group starts in partitions it has never committed. */
export const startFromSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }).strict(),
  z.object({ kind: z.literal('latest') }).strict(),
  z.object({ kind: z.literal('timestamp'), timestamp: z.number().int().nonnegative() }).strict(),
]);
export type StartFrom = z.infer<typeof startFromSchema>;

/** What the Bus settings offer for rows per Kafka message (the schema accepts any count up to 256). */
export const ROWS_PER_MESSAGE_CHOICES = [1, 8, 32, 64, 128] as const;

export const busSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }).strict(),
  z
    .object({
      kind: z.literal('kafka'),
      profileId: z.string().min(1).max(200),
      /** Replay produces here and the stages consume from here. */
      topic: kafkaTopicSchema,
      /** Create the topic when it is missing (when the cluster allows it); otherwise say so and stop. */
      createTopic: z.boolean(),
      startFrom: startFromSchema,
      compression: z.enum(['none', 'gzip']),
      /**
       * Rows of one junction per message: 1 (the default, and what settings saved before this
       * existed mean) is one message per row; more is faster, and other consumers read JSON arrays.
       */
      rowsPerMessage: z.number().int().min(1).max(256).optional(),
    })
    .strict(),
]);
export type BusSelection = z.infer<typeof busSelectionSchema>;

export const MONITOR_FORMATS = ['auto', 'json', 'csv'] as const;
export const monitorRequestSchema = z
  .object({
    profileId: z.string().min(1).max(200),
    topic: kafkaTopicSchema,
    startFrom: startFromSchema,
    /** How message values are read; "auto" decides from the first messages. */
    format: z.enum(MONITOR_FORMATS),
  })
  .strict();
export type MonitorRequest = z.infer<typeof monitorRequestSchema>;

export const BUS_STATES = ['embedded', 'connecting', 'connected', 'retrying', 'failed'] as const;
export type BusState = (typeof BUS_STATES)[number];

export const partitionLagSchema = z.object({
  partition: z.number(),
  low: z.number(),
  high: z.number(),
  /** The app's consumer group's committed offset; null before its first commit. */
  committed: z.number().nullable(),
  lag: z.number(),
});
export type PartitionLag = z.infer<typeof partitionLagSchema>;

export const busViewSchema = z.object({
  selection: busSelectionSchema,
  state: z.enum(BUS_STATES),
  /** Plain words for the status line: what is happening and, on trouble, what the app does about it. */
  message: z.string().nullable(),
  /** Seconds until the next connection attempt while retrying. */
  retryInSeconds: z.number().nullable(),
  profileName: z.string().nullable(),
  topic: z.string(),
  groupId: z.string(),
  /** The producer's mode on this cluster, e.g. "idempotent, acks=all". */
  producerMode: z.string().nullable(),
  monitoring: z.boolean(),
  produced: z.number(),
  consumed: z.number(),
  /** Messages consumed more than once (at-least-once delivery after a retry); counted, not hidden. */
  duplicates: z.number(),
  /** Messages that could not be read as rows (monitor mode), listed in the rejected panel by partition and offset. */
  malformed: z.number(),
  /**
   * Messages the topic's retention removed before the app's consumer reached them (their offsets
   * were skipped): counted and said, never taken for rows someone else read.
   */
  lostToRetention: z.number(),
  produceRetries: z.number(),
  partitions: z.array(partitionLagSchema),
  maxLag: z.number(),
});
export type BusView = z.infer<typeof busViewSchema>;

export const topicSummarySchema = z.object({
  name: z.string(),
  partitions: z.array(z.object({ partition: z.number(), low: z.number(), high: z.number() })),
  messages: z.number(),
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

const ok = z.object({ ok: z.literal(true) });
const noArgs = z.object({}).strict();

export const kafkaBusCommands = {
  /** Switches the pipeline's bus; a replay in progress stops first. Connection trouble shows in the bus view, not as an error. */
  'bus:select': { args: z.object({ selection: busSelectionSchema }).strict(), result: ok },
  /** Topics of a profile's cluster with partitions and watermarks (for the topic pickers and the Kafka panel). */
  'kafka:listTopics': { args: z.object({ profileId: z.string().min(1).max(200) }).strict(), result: z.array(topicSummarySchema) },
  /** Watches a topic others write; the schema is inferred from its first messages. */
  'monitor:start': { args: monitorRequestSchema, result: ok },
  'monitor:stop': { args: noArgs, result: ok },
} as const;
