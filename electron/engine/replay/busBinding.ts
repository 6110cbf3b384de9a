/**
 * What a replay needs to know about the bus it runs on. The embedded log and a Kafka cluster differ
 * in a few ways the replay must respect: a cluster's topic keeps its history (and other writers),
 * joining a group takes time, and producing can fail and must be retried.
 */
import type { StartFrom } from '../../../shared/kafka/busContract';
import type { TrafficRecord } from '../../../shared/records';
import type { Bus } from '../bus/bus';

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
    onProduceTrouble: () => undefined,
    onProduceRecovered: () => undefined,
  };
}
