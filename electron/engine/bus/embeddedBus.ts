/**
 * The default bus: an in-process, partitioned, append-only log per topic with consumer groups and
 * committed offsets. It is what lets the app run with no cluster. Cluster features (replication,
 * transactions) belong to Kafka, not here.
 */
import type { StartFrom } from '../../../shared/kafka/busContract';
import type { Bus, BusConsumer, BusMessage, ConsumerOptions, PartitionWatermarks, ProducerRecord } from './bus';
import type { MalformedMessage } from './busCodec';
import { partitionFor } from './partitioner';
import { PartitionLog, type StoredMessage } from './partitionLog';
import { waitUntil } from './waitUntil';

export const DEFAULT_PARTITIONS = 4;
export const DEFAULT_RETENTION_MESSAGES = 25_000;

interface Topic<T> {
  name: string;
  partitions: PartitionLog<T>[];
  roundRobin: number;
  /** Counts appends across partitions, so a consumer can read them back in the order written. */
  sequence: number;
}

interface Group {
  committed: Map<number, number>;
  members: EmbeddedConsumer<unknown>[];
}

export class EmbeddedBus<T> implements Bus<T> {
  private readonly topics = new Map<string, Topic<T>>();
  private readonly groups = new Map<string, Group>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly defaults = { partitions: DEFAULT_PARTITIONS, retentionMessages: DEFAULT_RETENTION_MESSAGES }) {}

  createTopic(name: string, options: { partitions?: number; retentionMessages?: number } = {}): Promise<void> {
    this.ensureTopic(name, options);
    return Promise.resolve();
  }

  private ensureTopic(name: string, options: { partitions?: number; retentionMessages?: number } = {}): void {
    if (this.topics.has(name)) return;
    const count = options.partitions ?? this.defaults.partitions;
    const retention = options.retentionMessages ?? this.defaults.retentionMessages;
    this.topics.set(name, {
      name,
      partitions: Array.from({ length: count }, () => new PartitionLog<T>(retention)),
      roundRobin: 0,
      sequence: 0,
    });
  }

  deleteTopic(name: string): Promise<void> {
    this.topics.delete(name);
    for (const key of [...this.groups.keys()]) if (key.endsWith(`\u0000${name}`)) this.groups.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.wake();
    return Promise.resolve();
  }

  hasTopic(name: string): boolean {
    return this.topics.has(name);
  }

  topic(name: string): Topic<T> {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`Unknown topic "${name}"`);
    return topic;
  }

  produce(topicName: string, records: readonly ProducerRecord<T>[]): Promise<void> {
    this.ensureTopic(topicName);
    const topic = this.topic(topicName);
    const count = topic.partitions.length;
    const now = Date.now();
    for (const record of records) {
      const partition = partitionFor(record.key, count, topic.roundRobin);
      if (record.key === null) topic.roundRobin++;
      (topic.partitions[partition] as PartitionLog<T>).append(
        { topic: topicName, partition, key: record.key, value: record.value, timestamp: record.timestamp ?? now, headers: record.headers },
        topic.sequence++,
      );
    }
    this.wake();
    return Promise.resolve();
  }

  watermarks(topicName: string): Promise<PartitionWatermarks[]> {
    return Promise.resolve(this.topic(topicName).partitions.map((log, partition) => ({ partition, low: log.low, high: log.high })));
  }

  committed(groupId: string, topic: string): Promise<Map<number, number>> {
    return Promise.resolve(new Map(this.groups.get(groupKey(groupId, topic))?.committed ?? []));
  }

  consumer(options: ConsumerOptions): Promise<BusConsumer<T>> {
    this.ensureTopic(options.topic);
    const key = groupKey(options.groupId, options.topic);
    let group = this.groups.get(key);
    if (!group) {
      group = { committed: new Map(), members: [] };
      this.groups.set(key, group);
    }
    const consumer = new EmbeddedConsumer<T>(this, group, options);
    group.members.push(consumer as EmbeddedConsumer<unknown>);
    this.rebalance(group, options.topic);
    return Promise.resolve(consumer);
  }

  /** Spreads partitions over the group's members in join order, like Kafka's range assignor. */
  rebalance(group: Group, topicName: string): void {
    const partitions = this.topic(topicName).partitions.length;
    const members = group.members.length;
    group.members.forEach((member, index) => {
      const assigned: number[] = [];
      for (let p = 0; p < partitions; p++) if (p % members === index) assigned.push(p);
      member.assign(assigned, group.committed);
    });
  }

  leave(group: Group, consumer: EmbeddedConsumer<unknown>, topicName: string): void {
    group.members = group.members.filter((member) => member !== consumer);
    if (this.topics.has(topicName)) this.rebalance(group, topicName);
  }

  /** Resolves on the next produce, or after `waitMs`. */
  waitForMessages(waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.waiters.add(done);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Where a consumer with no committed offset starts, as Kafka's auto.offset.reset and offsetsForTimes do. */
function startOffset<T>(log: PartitionLog<T>, start: StartFrom | undefined): number {
  if (start?.kind === 'latest') return log.high;
  if (start?.kind === 'timestamp') return log.firstAtOrAfter(start.timestamp);
  return log.low;
}

function groupKey(groupId: string, topic: string): string {
  return `${groupId}\u0000${topic}`;
}

class EmbeddedConsumer<T> implements BusConsumer<T> {
  private positions = new Map<number, number>();
  private closed = false;
  lostToRetention = 0;
  readonly failure = null;

  constructor(
    private readonly bus: EmbeddedBus<T>,
    private readonly group: Group,
    private readonly options: ConsumerOptions,
  ) {}

  assign(partitions: number[], committed: Map<number, number>): void {
    const logs = this.bus.topic(this.options.topic).partitions;
    this.positions = new Map(
      partitions.map((p) => {
        const log = logs[p] as PartitionLog<T>;
        return [p, committed.get(p) ?? startOffset(log, this.options.start)];
      }),
    );
  }

  assignment(): number[] {
    return [...this.positions.keys()];
  }

  async poll(maxMessages: number, waitMs: number): Promise<BusMessage<T>[]> {
    if (this.closed) return [];
    let batch: BusMessage<T>[] = [];
    // A produce to any topic wakes every waiting poll: only messages for this one end the wait.
    const ready = (): boolean => {
      if (!this.closed) batch = this.read(maxMessages);
      return batch.length > 0 || this.closed;
    };
    await waitUntil(ready, waitMs, (ms) => this.bus.waitForMessages(ms));
    return batch;
  }

  /**
   * Merges the assigned partitions in the order messages were appended, so one consumer sees the
   * topic as it was written (a file replays in file order) while per-partition order still holds.
   */
  private read(maxMessages: number): BusMessage<T>[] {
    const out: BusMessage<T>[] = [];
    if (this.closed || !this.bus.hasTopic(this.options.topic)) return out;
    const logs = this.bus.topic(this.options.topic).partitions;
    const heads: { partition: number; log: PartitionLog<T>; position: number; next: StoredMessage<T> | undefined }[] = [];
    for (const [partition, committed] of this.positions) {
      const log = logs[partition] as PartitionLog<T>;
      let position = committed;
      if (position < log.low) {
        this.lostToRetention += log.low - position;
        position = log.low;
      }
      heads.push({ partition, log, position, next: log.at(position) });
    }
    while (out.length < maxMessages) {
      let earliest: (typeof heads)[number] | undefined;
      for (const head of heads) {
        if (head.next && (!earliest || head.next.sequence < (earliest.next as StoredMessage<T>).sequence)) earliest = head;
      }
      if (!earliest) break;
      out.push(earliest.next as StoredMessage<T>);
      earliest.position++;
      earliest.next = earliest.log.at(earliest.position);
    }
    for (const head of heads) this.positions.set(head.partition, head.position);
    return out;
  }

  /** Values are stored as objects, never as bytes, so nothing can be malformed here. */
  takeMalformed(): MalformedMessage[] {
    return [];
  }

  commit(): Promise<void> {
    for (const [partition, offset] of this.positions) this.group.committed.set(partition, offset);
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.bus.leave(this.group, this as EmbeddedConsumer<unknown>, this.options.topic);
    }
    return Promise.resolve();
  }
}
