/**
 * The consuming half of a replay: readies the topic and the stages' consumer group (retrying while
 * the bus is away), then hands what the group reads back to the stages until every produced row
 * came through. On a tagged bus (Kafka) it sorts this replay's rows from others' and duplicates.
 */
import type { TrafficRecord } from '../../../shared/records';
import type { BusConsumer, BusMessage } from '../bus';
import { describeKafkaError, isRetriableKafkaError } from '../bus';
import { handledElsewhere } from '../supervision';
import { FIRST_RETRY_MS, MAX_RETRY_MS } from './reliableProduce';
import type { ReplayRun } from './replayRun';

const POLL_BATCH = 20_000;
/** How long the stages' consumer must have had nothing before the group's offsets are asked about. */
const GROUP_QUIET_MS = 2000;

export class ReplayConsumer {
  private consumer: BusConsumer<TrafficRecord> | null = null;
  /** Rows read back from the bus this run (on a tagged bus, others' and duplicates included). */
  rowsConsumed = 0;

  constructor(
    private readonly replay: ReplayRun,
    /** What the producer has done so far: the run ends once it is done and all it sent came back. */
    private readonly producer: { readonly done: boolean; readonly rowsAccepted: number },
    /** The bus cannot be used at all: the replay fails with the message. */
    private readonly fail: (message: string) => void,
    /** Every row produced came through the stages. */
    private readonly finished: () => void,
  ) {}

  restart(): void {
    this.rowsConsumed = 0;
  }

  /** Messages of this run the topic's retention removed before the stages' consumer reached them. */
  get lostToRetention(): number {
    return this.consumer?.lostToRetention ?? 0;
  }

  /** Readies the topic and the consumer for run `run`; false when the run ended or failed first. */
  async open(run: number, signal: AbortSignal): Promise<boolean> {
    const replay = this.replay;
    const { bus, topic, groupId, start, freshTopicPerReplay } = replay.binding;
    let retryMs = FIRST_RETRY_MS;
    for (;;) {
      try {
        if (freshTopicPerReplay) await bus.deleteTopic(topic);
        await bus.createTopic(topic);
        const consumer = await bus.consumer({ groupId, topic, start, reuseMembership: true });
        if (!replay.isCurrent(run)) {
          await consumer.close();
          return false;
        }
        this.consumer = consumer;
        replay.binding.onProduceRecovered();
        return true;
      } catch (error) {
        if (!replay.isCurrent(run) || signal.aborted) return false;
        if (!isRetriableKafkaError(error)) {
          this.fail(`Could not start on topic ${topic}: ${describeKafkaError(error)}`);
          return false;
        }
        replay.message = `Waiting for the bus: ${describeKafkaError(error)}. Trying again in ${Math.round(retryMs / 1000)} s.`;
        replay.binding.onProduceTrouble(error, retryMs);
        replay.changed();
        await replay.delay.wait(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        if (!replay.isCurrent(run) || signal.aborted) return false;
      }
    }
  }

  /** Leaves the group; the run's loop sees its run ended and stops without polling the closed consumer. */
  close(): void {
    void this.consumer?.close();
    this.consumer = null;
  }

  /** Feeds the stages for run `run` until it ends or every produced row came through. */
  async run(run: number): Promise<void> {
    const replay = this.replay;
    const consumer = this.consumer;
    if (!consumer) return;
    const tagged = replay.binding.tagRecords;
    /** When the consumer last had anything: a group checked only after a quiet spell. */
    let lastMessageAt = performance.now();
    let groupCheckedAt = 0;
    while (replay.isCurrent(run)) {
      // A sink's worker (the analysis) is as far behind as it may be: read on when it has caught up.
      // The producer then waits too, as for any consumer lag.
      if (replay.stages.sinksBehind()) {
        await replay.delay.wait(5);
        continue;
      }
      const messages = await consumer.poll(POLL_BATCH, 50);
      if (!replay.isCurrent(run)) return;
      if (messages.length > 0) {
        lastMessageAt = performance.now();
        this.process(tagged ? replay.tags.ownAndForeign(messages) : messages);
        // A commit that fails (broker away) is retried with the next one; reading goes on.
        await consumer.commit().catch(handledElsewhere);
        replay.changed();
        continue;
      }
      const { done, rowsAccepted } = this.producer;
      let consumedAll = tagged ? replay.tags.ownConsumed >= rowsAccepted : this.rowsConsumed >= rowsAccepted;
      const now = performance.now();
      if (done && !consumedAll && tagged && now - lastMessageAt > GROUP_QUIET_MS && now - groupCheckedAt > GROUP_QUIET_MS) {
        groupCheckedAt = now;
        consumedAll = await this.groupReadTheRest();
        if (!replay.isCurrent(run)) return;
      }
      if (done && consumedAll) {
        this.finished();
        replay.changed();
        return;
      }
    }
  }

  /**
   * Rows this replay produced that its stages never saw, while the group's committed offsets have
   * reached the end of every partition: either the topic's retention removed them before the
   * consumer got to them (it skipped their offsets and counted them), or another consumer in the
   * same group (it joined, took some partitions for a while, committed what it read) read them. The
   * replay finishes and says which, rather than waiting for rows no one will deliver again.
   */
  private async groupReadTheRest(): Promise<boolean> {
    const { bus, topic, groupId } = this.replay.binding;
    try {
      const [marks, committed] = await Promise.all([bus.watermarks(topic), bus.committed(groupId, topic)]);
      if (!marks.every(({ partition, high }) => (committed.get(partition) ?? -1) >= high)) return false;
    } catch {
      return false; // the bus is away: ask again after the next quiet spell
    }
    this.replay.message = missingRowsMessage(this.producer.rowsAccepted - this.replay.tags.ownConsumed, this.lostToRetention, topic, groupId);
    return true;
  }

  private process(messages: readonly BusMessage<TrafficRecord>[]): void {
    this.replay.stages.acceptRows(messages.map((message) => ({ offset: message.offset, partition: message.partition, record: message.value })));
    this.rowsConsumed += messages.length;
  }
}

/** Why `missing` rows of a replay never reached its panels, in the user's words. */
export function missingRowsMessage(missing: number, lostToRetention: number, topic: string, groupId: string): string {
  const rows = `${missing} of this replay's ${missing === 1 ? 'rows is' : 'rows are'} not in the panels`;
  if (lostToRetention > 0) {
    const messages = lostToRetention === 1 ? '1 message' : `${lostToRetention} messages`;
    return `${rows}: the retention of topic ${topic} removed ${messages} before they were read (the topic keeps less than the replay wrote ahead of its reader; raise the topic's retention.ms or retention.bytes, or replay at a slower pace).`;
  }
  return `${rows}: another consumer in group ${groupId}, which shares its partitions, read them.`;
}
