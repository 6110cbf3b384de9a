/**
 * This replay's mark on a shared topic (Kafka keeps a topic's history and other writers' rows). Each
 * row produced carries the replay's id and a sequence number; what the stages read back is sorted
 * by it: this replay's rows once each (a row delivered again after a retry is counted as a
 * duplicate), other producers' rows too, earlier replays' rows not at all.
 */
import type { TrafficRecord } from '../../../shared/records';
import { randomUUID } from 'node:crypto';
import type { BusMessage } from '../bus';
import { parseReplayTag, REPLAY_TAG_HEADER } from '../bus';
import { SeenSet } from './seenSet';

export class ReplayRunTag {
  /** This replay's id in the tag of every row it produces. */
  id = '';
  /** The sequence number of the next row produced; read and advanced where rows are tagged. */
  nextSeq = 0;
  /** Rows of this replay delivered again after a retry: counted, not shown twice. */
  duplicates = 0;
  /** Rows on the topic from other producers (consumed and shown) and from earlier replays (skipped). */
  foreign = 0;
  stale = 0;
  /** This replay's rows the stages have consumed, each once. */
  ownConsumed = 0;
  private readonly seen = new SeenSet();

  /** A new replay: a new id, and nothing produced or seen under it. */
  restart(): void {
    this.id = randomUUID().slice(0, 8);
    this.nextSeq = 0;
    this.seen.clear();
    this.duplicates = 0;
    this.foreign = 0;
    this.stale = 0;
    this.ownConsumed = 0;
  }

  /** The messages the stages should take: this replay's first deliveries and other producers' rows. */
  ownAndForeign(messages: readonly BusMessage<TrafficRecord>[]): BusMessage<TrafficRecord>[] {
    const out: BusMessage<TrafficRecord>[] = [];
    for (const message of messages) {
      const tag = parseReplayTag(message.headers?.[REPLAY_TAG_HEADER]);
      if (tag === null) {
        this.foreign++;
        out.push(message);
      } else if (tag.run !== this.id) {
        this.stale++;
      } else if (this.seen.add(tag.seq)) {
        this.ownConsumed++;
        out.push(message);
      } else {
        this.duplicates++;
      }
    }
    return out;
  }
}
