/**
 * What a replay needs to know about the bus it runs on. The embedded log and a Kafka cluster differ
 * in a few ways the replay must respect: a cluster's topic keeps its history (and other writers),
 * joining a group takes time, and producing can fail and must be retried.
 */
import type { StartFrom } from '../../../shared/kafka/busContract';
import type { TrafficRecord } from '../../../shared/records';
import type { Bus } from '../bus';
import { DEFAULT_RETENTION_MESSAGES } from '../bus';

/** Rows the replay produces at once. */
export const PRODUCE_BATCH = 5000;
/**
 * On the embedded log: even if every row carries one key (one partition), lag plus one produce
 * batch stays below a partition's retention, so retention never removes a row the stages have not
 * read.
 */
export const EMBEDDED_MAX_CONSUMER_LAG = DEFAULT_RETENTION_MESSAGES - 2 * PRODUCE_BATCH;
/**
 * On Kafka the topic keeps far more than that; the limit only bounds memory, below the 50,000 rows
 * the consumer queues before it stops fetching. The room lets producing and consuming overlap
 * (measured with 64 rows per message: about 115,000 rather than 105,000 rows/s).
 */
export const KAFKA_MAX_CONSUMER_LAG = 40_000;

export interface BusBinding {
  bus: Bus<TrafficRecord>;
  topic: string;
  groupId: string;
  start: StartFrom;
  /** The embedded log starts each replay on an empty topic; a cluster's topic is never deleted. */
  freshTopicPerReplay: boolean;
  /**
   * Tag each row with this replay's id and sequence number (Kafka): the stages then tell this
   * replay's rows from earlier replays' and count a row delivered twice instead of showing it twice.
   */
  tagRecords: boolean;
  /** Rows produced but not yet through the stages beyond which the producer waits. */
  maxConsumerLag: number;
  /** Producing failed and will be tried again in `retryInMs`; null error: it works again. */
  onProduceTrouble(error: unknown, retryInMs: number): void;
  onProduceRecovered(): void;
}

export const REPLAY_TOPIC = 'traffic.replay';
export const STAGES_GROUP = 'traffic-monitor.stages';

export function embeddedBinding(bus: Bus<TrafficRecord>): BusBinding {
  return {
    bus,
    topic: REPLAY_TOPIC,
    groupId: STAGES_GROUP,
    start: { kind: 'earliest' },
    freshTopicPerReplay: true,
    tagRecords: false,
    maxConsumerLag: EMBEDDED_MAX_CONSUMER_LAG,
    onProduceTrouble: () => undefined,
    onProduceRecovered: () => undefined,
  };
}
