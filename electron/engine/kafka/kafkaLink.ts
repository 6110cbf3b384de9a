/**
 * The pipeline's connection to a Kafka cluster while the bus is set to Kafka: the KafkaBus, its
 * health in plain words (connecting, connected, retrying with back-off), and the Kafka panel's
 * partition table with the app's consumer-group lag, refreshed every second.
 */
import type { KafkaConfig } from 'kafkajs';
import type { BusSelection, BusState, PartitionLag } from '../../../shared/kafka/busContract';
import type { TrafficRecord } from '../../../shared/records';
import { KafkaBus } from '../bus';
import { describeKafkaError } from '../bus';
import { RecordCodec } from '../bus';
import { KAFKA_MAX_CONSUMER_LAG, type BusBinding } from '../replay';

type KafkaSelection = Extract<BusSelection, { kind: 'kafka' }>;

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
const LAG_REFRESH_MS = 1000;

export class KafkaLink {
  readonly codec = new RecordCodec();
  readonly bus: KafkaBus<TrafficRecord>;
  state: BusState = 'connecting';
  message: string | null;
  private retryAt: number | null = null;
  partitions: PartitionLag[] = [];
  private closed = false;
  private lagTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly selection: KafkaSelection,
    public profileName: string,
    readonly groupId: string,
    config: KafkaConfig,
    private readonly changed: () => void,
    /** The Kafka producer's worker script; null produces in this thread. */
    producerWorkerPath: string | null = null,
  ) {
    this.bus = new KafkaBus({
      config,
      codec: this.codec,
      compression: selection.compression,
      allowCreateTopics: selection.createTopic,
      rowsPerMessage: selection.rowsPerMessage ?? 1,
      producerWorkerPath,
    });
    this.message = `Connecting to ${profileName}…`;
    this.connect(FIRST_RETRY_MS);
  }

  /**
   * The profile this bus uses was edited (the cluster moved, a password changed): reconnect the
   * running bus with it. A replay goes on where it was: its consumer rejoins the group through the
   * new connection and reads on from what it had read (or the committed offsets); rows whose send
   * failed meanwhile are sent again.
   */
  async reconfigure(config: KafkaConfig, profileName: string): Promise<void> {
    if (this.closed) return;
    this.profileName = profileName;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.state = 'connecting';
    this.message = `Reconnecting to ${profileName} with the edited profile…`;
    this.retryAt = null;
    this.changed();
    await this.bus.reconfigure(config);
    this.connect(FIRST_RETRY_MS);
  }

  /** Connects in the background; while the cluster is unreachable it retries with back-off and the app stays usable. */
  private connect(nextRetryMs: number): void {
    this.bus
      .connect()
      .then(() => {
        if (this.closed) return;
        this.markConnected();
        this.lagTimer ??= setInterval(() => void this.refreshPartitions(), LAG_REFRESH_MS);
        void this.refreshPartitions();
      })
      .catch((error: unknown) => {
        if (this.closed) return;
        this.markRetrying(`Cannot reach ${this.profileName}: ${describeKafkaError(error)}`, nextRetryMs);
        this.retryTimer = setTimeout(() => this.connect(Math.min(nextRetryMs * 2, MAX_RETRY_MS)), nextRetryMs);
      });
  }

  private markConnected(): void {
    this.state = 'connected';
    this.message = `Connected to ${this.profileName}; producer: ${this.bus.producerMode ?? 'not started'}.`;
    this.retryAt = null;
    this.changed();
  }

  private markRetrying(message: string, retryInMs: number): void {
    this.state = 'retrying';
    this.message = `${message}. Retrying in ${Math.round(retryInMs / 1000)} s.`;
    this.retryAt = Date.now() + retryInMs;
    this.changed();
  }

  get retryInSeconds(): number | null {
    return this.retryAt === null ? null : Math.max(0, Math.ceil((this.retryAt - Date.now()) / 1000));
  }

  /** How a replay runs on this cluster. */
  binding(): BusBinding {
    return {
      bus: this.bus,
      topic: this.selection.topic,
      groupId: this.groupId,
      start: this.selection.startFrom,
      freshTopicPerReplay: false,
      tagRecords: true,
      maxConsumerLag: KAFKA_MAX_CONSUMER_LAG,
      onProduceTrouble: (error, retryInMs) => this.markRetrying(`Kafka is not taking rows: ${describeKafkaError(error)}`, retryInMs),
      onProduceRecovered: () => {
        if (this.state !== 'connected') this.markConnected();
      },
    };
  }

  private async refreshPartitions(): Promise<void> {
    if (this.closed || this.state !== 'connected') return;
    try {
      const { topic } = this.selection;
      if (!(await this.bus.topicExists(topic))) {
        this.partitions = [];
        return;
      }
      const [watermarks, committed] = await Promise.all([this.bus.watermarks(topic), this.bus.committed(this.groupId, topic)]);
      this.partitions = watermarks.map(({ partition, low, high }) => {
        const offset = committed.get(partition) ?? null;
        return { partition, low, high, committed: offset, lag: high - Math.max(offset ?? low, low) };
      });
      this.changed();
    } catch {
      // The next refresh tries again; producing and consuming report their own trouble.
    }
  }

  get maxLag(): number {
    return this.partitions.reduce((max, p) => Math.max(max, p.lag), 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.lagTimer) clearInterval(this.lagTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.bus.close();
  }
}
