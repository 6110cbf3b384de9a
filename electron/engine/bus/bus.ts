/**
 * The message bus between the replay (producer) and the stages (consumer). The embedded log and
 * Kafka implement the same interface and pass the same contract tests.
 */
import type { StartFrom } from '../../../shared/kafka/busContract';
import type { MalformedMessage } from './busCodec';

export interface ProducerRecord<T> {
  key: string | null;
  value: T;
  /** Milliseconds since the epoch; defaults to the time of producing. */
  timestamp?: number;
  /** Small string metadata carried beside the value (Kafka record headers). */
  headers?: Record<string, string>;
}

export interface BusMessage<T> {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: T;
  timestamp: number;
  headers?: Record<string, string>;
}

export interface PartitionWatermarks {
  partition: number;
  /** Oldest offset still retained. */
  low: number;
  /** Offset the next message will get. */
  high: number;
}

export interface ConsumerOptions {
  groupId: string;
  topic: string;
  /** Where to start in partitions the group has never committed; earliest by default. */
  start?: StartFrom;
  /**
   * On close, keep the member in its group and hand it to the next consumer of the same group and
   * topic: a replay that restarts then resumes at once instead of waiting for the group to
   * rebalance (seconds on Kafka). The caller still sees a fresh consumer each time.
   */
  reuseMembership?: boolean;
}

export interface BusConsumer<T> {
  /** Returns up to `maxMessages`; waits up to `waitMs` when none are ready. */
  poll(maxMessages: number, waitMs: number): Promise<BusMessage<T>[]>;
  /** Stores the current positions as the group's committed offsets. */
  commit(): Promise<void>;
  /** Partitions this member currently reads. */
  assignment(): number[];
  /** Messages this consumer skipped because retention removed them before they were read. */
  readonly lostToRetention: number;
  /** Why reading stopped for good (the group could not be kept), or null while it works. */
  readonly failure: string | null;
  /** Messages received since the last call that could not be decoded (never thrown from poll). */
  takeMalformed(): MalformedMessage[];
  /** Reads a partition again from `offset` (Kafka: a topic deleted and created again starts its offsets anew). */
  restartPartition?(partition: number, offset: number): void;
  close(): Promise<void>;
}

export interface Bus<T> {
  /** Makes sure the topic exists (a no-op when it does). */
  createTopic(topic: string, options?: { partitions?: number; retentionMessages?: number }): Promise<void>;
  deleteTopic(topic: string): Promise<void>;
  /** Resolves once every record is stored (acknowledged by all in-sync replicas on Kafka). */
  produce(topic: string, records: readonly ProducerRecord<T>[]): Promise<void>;
  /** Resolves once the consumer has joined its group and knows where it starts. */
  consumer(options: ConsumerOptions): Promise<BusConsumer<T>>;
  watermarks(topic: string): Promise<PartitionWatermarks[]>;
  committed(groupId: string, topic: string): Promise<Map<number, number>>;
  /** Releases connections; the bus is not used afterwards. */
  close(): Promise<void>;
}
