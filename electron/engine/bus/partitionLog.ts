/**
 * One partition of the embedded log: append-only, offsets dense from 0, oldest messages dropped a
 * whole segment at a time once the retention bound is passed (as Kafka deletes log segments).
 */
import type { BusMessage } from './bus';

/** A message as the embedded log stores it: `sequence` orders appends across the topic's partitions. */
export interface StoredMessage<T> extends BusMessage<T> {
  sequence: number;
}

const SEGMENT_SIZE = 4096;

interface Segment<T> {
  base: number;
  messages: StoredMessage<T>[];
}

export class PartitionLog<T> {
  private readonly segments: Segment<T>[] = [];
  private nextOffset = 0;

  constructor(private readonly retentionMessages: number) {}

  get low(): number {
    return this.segments[0]?.base ?? this.nextOffset;
  }

  get high(): number {
    return this.nextOffset;
  }

  append(message: Omit<BusMessage<T>, 'offset'>, sequence: number): void {
    let tail = this.segments[this.segments.length - 1];
    if (!tail || tail.messages.length === SEGMENT_SIZE) {
      tail = { base: this.nextOffset, messages: [] };
      this.segments.push(tail);
    }
    const { topic, partition, key, value, timestamp, headers } = message;
    tail.messages.push({ topic, partition, offset: this.nextOffset, key, value, timestamp, headers, sequence });
    this.nextOffset++;
    this.enforceRetention();
  }

  private enforceRetention(): void {
    // Keep at least the tail segment so the log never drops what was just written.
    while (this.segments.length > 1 && this.nextOffset - (this.segments[1] as Segment<T>).base >= this.retentionMessages) {
      this.segments.shift();
    }
  }

  /** The message at `offset`, or undefined when it is not (or no longer) retained. */
  at(offset: number): StoredMessage<T> | undefined {
    const first = this.segments[0];
    if (!first || offset < first.base || offset >= this.nextOffset) return undefined;
    const index = offset - first.base;
    return this.segments[Math.floor(index / SEGMENT_SIZE)]?.messages[index % SEGMENT_SIZE];
  }

  /**
   * The first retained offset whose timestamp is at or after `timestamp` (the high watermark when
   * none is), as Kafka answers a ListOffsets request by time.
   */
  firstAtOrAfter(timestamp: number): number {
    for (let offset = this.low; offset < this.nextOffset; offset++) {
      if ((this.at(offset) as StoredMessage<T>).timestamp >= timestamp) return offset;
    }
    return this.nextOffset;
  }

  /** Messages from `offset` on (clamped to what is retained), at most `max`. */
  read(offset: number, max: number, into: StoredMessage<T>[]): void {
    let position = Math.max(offset, this.low);
    const first = this.segments[0];
    if (!first) return;
    let segmentIndex = Math.floor((position - first.base) / SEGMENT_SIZE);
    let remaining = max;
    while (remaining > 0 && segmentIndex < this.segments.length) {
      const segment = this.segments[segmentIndex] as Segment<T>;
      const start = position - segment.base;
      const end = Math.min(segment.messages.length, start + remaining);
      for (let i = start; i < end; i++) into.push(segment.messages[i] as StoredMessage<T>);
      remaining -= end - start;
      position += end - start;
      segmentIndex++;
    }
  }
}
