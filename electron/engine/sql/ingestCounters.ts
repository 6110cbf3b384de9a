/**
 * The live table's row counts as the engine sees them. Rows are delivered (appended), posted to
 * the SQL worker in batches, and acknowledged there as inserted and, later, evicted:
 *   rowsHeld = inserted − evicted;  rowsPending = delivered − inserted − dropped.
 * Rows are dropped only when SQL becomes unavailable with rows still on their way.
 */
import { RateMeter } from '../replay/rateMeter';

export class IngestCounters {
  delivered = 0;
  posted = 0;
  inserted = 0;
  evicted = 0;
  /** The part of `evicted` that went to keep the table under its memory ceiling. */
  evictedForMemory = 0;
  dropped = 0;
  /** Rows the worker really processed, for the rate (a lost worker's rows are not). */
  private processed = 0;
  private readonly meter = new RateMeter();

  reset(): void {
    this.delivered = 0;
    this.posted = 0;
    this.inserted = 0;
    this.evicted = 0;
    this.evictedForMemory = 0;
    this.dropped = 0;
    this.processed = 0;
    this.meter.reset();
  }

  acked(inserted: number, evicted: number, evictedForMemory = 0): void {
    this.inserted += inserted;
    this.evicted += evicted;
    this.evictedForMemory += evictedForMemory;
    this.processed += inserted;
    this.meter.record(this.processed);
  }

  /**
   * The worker was replaced with everything it had: the rows it held count as evicted, and rows
   * posted to it but not yet inserted as inserted and evicted at once, so the sums still hold.
   */
  workerLost(): { held: number; queued: number } {
    const held = this.held;
    const queued = this.posted - this.inserted;
    this.inserted += queued;
    this.evicted += held + queued;
    return { held, queued };
  }

  /** SQL became unavailable: rows not inserted yet never will be. */
  dropPending(): number {
    const dropped = this.pending;
    this.dropped += dropped;
    return dropped;
  }

  get held(): number {
    return this.inserted - this.evicted;
  }

  get pending(): number {
    return this.delivered - this.inserted - this.dropped;
  }

  /** Rows inserted per second lately; sampling here too lets the figure fall to 0 in a pause. */
  rate(): number {
    this.meter.record(this.processed);
    return Math.round(this.meter.perSecond());
  }
}
