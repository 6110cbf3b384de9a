/**
 * Looping a file forever, as the original pipeline's endless producer did, without loops landing
 * on top of each other in time: each loop's event times are shifted by the file's span plus one
 * step, so loop 2 begins one interval after loop 1 ends. Also tracks the file's time range as rows
 * are read, for the seek scrubber.
 */
import type { TrafficRecord } from '../../../shared/records';

export interface TimeRange {
  first: number;
  last: number;
}

/** Used when the file shows no interval between two distinct times (e.g. a single timestamp). */
const FALLBACK_STEP_MS = 1000;

export class LoopTimeline {
  private first: number | null;
  private last: number | null;
  private step: number | null = null;
  private previous: number | null = null;
  private loops = 0;
  private offset = 0;

  constructor(initial: TimeRange | null) {
    this.first = initial?.first ?? null;
    this.last = initial?.last ?? null;
  }

  get range(): TimeRange | null {
    return this.first === null || this.last === null ? null : { first: this.first, last: this.last };
  }

  /** Widens the range to take in `range` (the whole-file scan's); true when it grew. */
  include(range: TimeRange): boolean {
    const grows = this.first === null || this.last === null || range.first < this.first || range.last > this.last;
    if (this.first === null || range.first < this.first) this.first = range.first;
    if (this.last === null || range.last > this.last) this.last = range.last;
    return grows;
  }

  /** Loops completed. */
  get count(): number {
    return this.loops;
  }

  /** Added to event times in the current loop. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Learns range and step from a batch of rows as read from the file (before shifting). */
  observe(records: readonly TrafficRecord[]): void {
    for (const record of records) {
      const time = record.time;
      if (time === null) continue;
      if (this.first === null || time < this.first) this.first = time;
      if (this.last === null || time > this.last) this.last = time;
      const previous = this.previous;
      if (previous !== null && time > previous && (this.step === null || time - previous < this.step)) this.step = time - previous;
      this.previous = time;
    }
  }

  shift(records: TrafficRecord[]): TrafficRecord[] {
    const offset = this.offset;
    if (offset === 0) return records;
    return records.map((record) => (record.time === null ? record : { ...record, time: record.time + offset }));
  }

  next(): void {
    this.loops++;
    this.previous = null;
    const range = this.range;
    if (range) this.offset += range.last - range.first + (this.step ?? FALLBACK_STEP_MS);
  }

  /** A new run starts at loop 0; what was learnt about the file stays. */
  restart(): void {
    this.loops = 0;
    this.offset = 0;
    this.previous = null;
  }
}
