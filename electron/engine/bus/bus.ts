/**
 * The message bus between the replay (producer) and the stages (consumer). The embedded log and
 * Kafka implement the same interface and pass the same contract tests.
 */
export interface ProducerRecord<T> {
  key: string | null;
  value: T;
  /** Milliseconds since the epoch; defaults to the time of producing. */
  timestamp?: number;
}

export interface BusMessage<T> {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: T;
  timestamp: number;
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
  /** Where to start in partitions the group has never committed. */
  fromBeginning?: boolean;
}

export interface BusConsumer<T> {
  /** Returns up to `maxMessages`; waits up to `waitMs` when none are ready. */
  poll(maxMessages: number, waitMs: number): Promise<BusMessage<T>[]>;
  /** Stores the current positions as the group's committed offsets. */
  commit(): void;
  /** Partitions this member currently reads. */
  assignment(): number[];
  /** Messages this consumer skipped because retention removed them before they were read. */
  readonly lostToRetention: number;
  close(): void;
}

export interface Bus<T> {
  createTopic(topic: string, options?: { partitions?: number; retentionMessages?: number }): void;
  deleteTopic(topic: string): void;
  produce(topic: string, records: readonly ProducerRecord<T>[]): Promise<void>;
  consumer(options: ConsumerOptions): BusConsumer<T>;
  watermarks(topic: string): PartitionWatermarks[];
  committed(groupId: string, topic: string): Map<number, number>;
}
