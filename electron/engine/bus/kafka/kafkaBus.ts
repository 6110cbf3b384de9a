/**
 * The bus on a Kafka cluster: the same interface and contract as the embedded log, so the replay and
 * the stages do not know which one they run on. Admin and consumers on kafkajs; producing (keyed for
 * per-key order, batched, acks=all, idempotent where the cluster supports it) on @platformatic/kafka,
 * the faster per message (platformaticSender.ts).
 */
import type { Admin, Kafka, KafkaConfig, ProducerConfig } from 'kafkajs';
import type { Bus, BusConsumer, ConsumerOptions, PartitionWatermarks, ProducerRecord } from '../bus';
import type { BusCodec } from '../busCodec';
import { KAFKA_COMPRESSION, KAFKA_LOG_LEVEL, loadKafkajs } from './kafkajsModule';
import { KafkaBusConsumer } from './kafkaBusConsumer';
import { EVENT_TIME_HEADER, sendStamp } from './messageTimestamps';
import { packMessages } from './messagePacking';
import { engineLog } from '../../supervision';
import { ThreadedProducer, type MessageSender } from './threadedProducer';
import { connectSender } from './platformaticSender';
import { describeKafkaError } from './kafkaErrors';
import { closingAnyway } from '../../supervision';

export interface KafkaBusOptions<T> {
  config: KafkaConfig;
  codec: BusCodec<T>;
  compression?: 'none' | 'gzip';
  /** Create missing topics (admin call, or the cluster's auto-creation when that is refused). */
  allowCreateTopics?: boolean;
  /** Rows of one key per message (see messagePacking.ts); 1, one message per row, by default. */
  rowsPerMessage?: number;
  /** The producer's own worker script (the engine's option); null or absent: kafkajs's producer in this thread. */
  producerWorkerPath?: string | null;
}

export const DEFAULT_KAFKA_PARTITIONS = 4;

export class KafkaBus<T> implements Bus<T> {
  private kafka: Kafka | null = null;
  private admin: Admin | null = null;
  private producer: MessageSender | null = null;
  private connecting: Promise<void> | null = null;
  /** Group members, in use or parked for reuse. */
  private readonly members = new Set<KafkaBusConsumer<T>>();
  private readonly parked = new Map<string, KafkaBusConsumer<T>>();
  /** Members whose client belonged to the configuration before `reconfigure`: moved on the next connect. */
  private readonly stranded = new Set<KafkaBusConsumer<T>>();
  /** Bumped by `reconfigure`, so a connection attempt begun before it leaves nothing behind. */
  private generation = 0;
  /** How this cluster lets us produce, in words for the Kafka panel. */
  producerMode: string | null = null;

  constructor(private readonly options: KafkaBusOptions<T>) {}

  /**
   * Points the bus at a changed profile (other brokers, credentials, TLS) without losing its
   * consumers or what they read: the clients are replaced, and the group members join again
   * through the new ones on the next `connect`. Sends in flight fail as retriable and are sent again.
   */
  async reconfigure(config: KafkaConfig): Promise<void> {
    this.generation++;
    this.options.config = config;
    const { producer, admin } = this;
    this.kafka = null;
    this.admin = null;
    this.producer = null;
    this.connecting = null;
    this.producerMode = null;
    for (const member of this.members) this.stranded.add(member);
    const letGo = (closing: Promise<unknown> | undefined): Promise<unknown> =>
      Promise.race([closing?.catch(closingAnyway), new Promise((resolve) => setTimeout(resolve, 3000))]);
    await Promise.all([letGo(producer?.disconnect()), letGo(admin?.disconnect())]);
  }

  /** Connects the admin client and the producer; safe to call again after a failure. */
  connect(): Promise<void> {
    this.connecting ??= this.openConnections().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  private async openConnections(): Promise<void> {
    const generation = this.generation;
    const { Kafka } = await loadKafkajs();
    // kafkajs logs through console by default; the app reports state through its own view instead.
    const kafka = (this.kafka ??= new Kafka({ logLevel: KAFKA_LOG_LEVEL.NOTHING, ...this.options.config }));
    const admin = this.admin ?? kafka.admin();
    await admin.connect();
    if (generation !== this.generation) {
      await admin.disconnect().catch(closingAnyway);
      throw new Error('the Kafka profile changed while connecting');
    }
    this.admin = admin;
    for (const member of [...this.stranded]) {
      await member.moveTo(kafka, admin);
      this.stranded.delete(member);
    }
    if (this.producer) return;
    const cluster = await admin.describeCluster();
    // An idempotent producer asks for a producer id; a cluster that names no live controller
    // (librdkafka's mock, some proxies) cannot give one, so produce without idempotence there and
    // keep ordering by allowing one request in flight. Duplicates after retries are then counted
    // by the consumer rather than prevented.
    const idempotent = cluster.brokers.some((broker) => broker.nodeId === cluster.controller);
    const settings: Omit<ProducerConfig, 'createPartitioner'> = {
      idempotent,
      maxInFlightRequests: idempotent ? 5 : 1,
      allowAutoTopicCreation: this.options.allowCreateTopics ?? true,
    };
    const workerPath = this.options.producerWorkerPath;
    if (workerPath) {
      this.producer = await ThreadedProducer.start(workerPath, this.options.config, settings);
    } else {
      this.producer = await connectSender(this.options.config, settings);
    }
    this.producerMode = idempotent ? 'idempotent, acks=all' : 'acks=all, one request in flight (the cluster offers no idempotent producer)';
  }

  private async requireAdmin(): Promise<Admin> {
    await this.connect();
    return this.admin as Admin;
  }

  async topicExists(topic: string): Promise<boolean> {
    return (await (await this.requireAdmin()).listTopics()).includes(topic);
  }

  async createTopic(topic: string, options: { partitions?: number } = {}): Promise<void> {
    const admin = await this.requireAdmin();
    if (await this.topicExists(topic)) return;
    if (!(this.options.allowCreateTopics ?? true)) {
      throw new Error(`Topic "${topic}" does not exist, and creating topics is turned off in the Kafka settings.`);
    }
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: options.partitions ?? DEFAULT_KAFKA_PARTITIONS }], waitForLeaders: true });
    } catch {
      // Refused (no rights, or no controller to ask): the cluster may still create the topic on
      // first use; a fetch of its metadata with auto-creation on tells us now rather than later.
      await this.autoCreate(topic);
    }
  }

  private async autoCreate(topic: string): Promise<void> {
    await this.connect();
    const probe = (this.kafka as Kafka).consumer({ groupId: `traffic-monitor.topic-probe`, allowAutoTopicCreation: true });
    try {
      await probe.connect();
      await probe.subscribe({ topics: [topic] });
    } catch (error) {
      throw new Error(`Topic "${topic}" does not exist and the cluster would not create it: ${describeKafkaError(error)}`);
    } finally {
      await probe.disconnect().catch(closingAnyway);
    }
    if (!(await this.topicExists(topic))) {
      throw new Error(`Topic "${topic}" does not exist and the cluster would not create it (automatic topic creation is off).`);
    }
  }

  async deleteTopic(topic: string): Promise<void> {
    const admin = await this.requireAdmin();
    if (!(await this.topicExists(topic))) return;
    await admin.deleteTopics({ topics: [topic] });
  }

  async produce(topic: string, records: readonly ProducerRecord<T>[]): Promise<void> {
    if (records.length === 0) return;
    this.replaceDeadProducerThread();
    await this.connect();
    const { codec } = this.options;
    const nowMs = Date.now();
    const now = String(nowMs);
    const rowsPerMessage = this.options.rowsPerMessage ?? 1;
    const asText = (value: T): string => {
      const encoded = codec.encode(value);
      return typeof encoded === 'string' ? encoded : encoded.toString('utf8');
    };
    await (this.producer as MessageSender).send({
      topic,
      acks: -1,
      compression: this.options.compression === 'gzip' ? KAFKA_COMPRESSION.GZIP : KAFKA_COMPRESSION.None,
      messages:
        rowsPerMessage > 1
          ? packMessages(records, asText, rowsPerMessage, now)
          : records.map((record) => {
              const ms = record.timestamp === undefined ? null : Math.round(record.timestamp);
              const stamp = ms === null ? null : sendStamp(ms, nowMs);
              const headers = stamp === null ? record.headers : { ...record.headers, [EVENT_TIME_HEADER]: String(ms) };
              return {
                key: record.key,
                value: codec.encode(record.value),
                timestamp: ms === null ? now : String(stamp ?? ms),
                ...(headers ? { headers } : {}),
              };
            }),
    });
  }

  /**
   * The producer's thread died (its heap, an uncaught error): sends that were in flight failed as
   * retriable (the replay sends them again); this one and later ones go to a fresh thread.
   */
  private replaceDeadProducerThread(): void {
    const producer = this.producer;
    if (!(producer instanceof ThreadedProducer) || producer.failure === null) return;
    engineLog('kafka producer', `${producer.failure.message}; starting a new producer thread`);
    this.producer = null;
    this.connecting = null;
    // Its thread is gone already; this only lets go of the handle. Nothing left to fail.
    void producer.disconnect().catch(closingAnyway);
  }

  async consumer(options: ConsumerOptions): Promise<BusConsumer<T>> {
    const admin = await this.requireAdmin();
    const parkKey = `${options.groupId}\u0000${options.topic}`;
    const parked = options.reuseMembership ? this.parked.get(parkKey) : undefined;
    if (parked && parked.failure === null) {
      this.parked.delete(parkKey);
      return parked.handOut();
    }
    const member = await KafkaBusConsumer.join(this.kafka as Kafka, admin, this.options.codec, options, this.options.allowCreateTopics ?? true);
    this.members.add(member);
    member.onRelease = async (leave) => {
      if (!leave && options.reuseMembership && !this.parked.has(parkKey)) {
        this.parked.set(parkKey, member);
        return;
      }
      this.members.delete(member);
      await member.leave();
    };
    return member.handOut();
  }

  async watermarks(topic: string): Promise<PartitionWatermarks[]> {
    const offsets = await (await this.requireAdmin()).fetchTopicOffsets(topic);
    return offsets
      .map((entry) => ({ partition: entry.partition, low: Number(entry.low), high: Number(entry.high) }))
      .sort((a, b) => a.partition - b.partition);
  }

  async committed(groupId: string, topic: string): Promise<Map<number, number>> {
    const [entry] = await (await this.requireAdmin()).fetchOffsets({ groupId, topics: [topic] });
    const committed = new Map<number, number>();
    for (const { partition, offset } of entry?.partitions ?? []) {
      if (Number(offset) >= 0) committed.set(partition, Number(offset));
    }
    return committed;
  }

  async close(): Promise<void> {
    this.parked.clear();
    await Promise.all([...this.members].map((member) => member.leave()));
    this.members.clear();
    await this.producer?.disconnect().catch(closingAnyway);
    await this.admin?.disconnect().catch(closingAnyway);
    this.producer = null;
    this.admin = null;
    this.connecting = null;
  }
}
