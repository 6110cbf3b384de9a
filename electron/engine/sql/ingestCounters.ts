/**
 * The live table's row counts as the engine sees them. Rows are delivered (appended), posted to
 * the SQL worker in batches, and acknowledged there as inserted and, later, evicted:
 *   rowsHeld = inserted − evicted;  rowsPending = delivered − inserted − dropped.
 * Rows are dropped only when SQL becomes unavailable with rows still on their way.
 */
import { RateMeter } from '../replay';

/** What a replaced worker had, and what of it the new one gets back. */
export interface LostWorker {
  held: number;
  queued: number;
  restored: number;
  lost: number;
}

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
   * The worker was replaced with everything it had; `restorable` of its newest rows (held or on
   * their way) are posted again to the new one. Those count as posted and not yet inserted; the
   * rest, the oldest, count as inserted and evicted. The sums hold throughout:
   * held = inserted − evicted is 0 until the new worker acknowledges the restored rows (and the
   * restored rows show as pending until then).
   */
  workerReplaced(restorable: number): LostWorker {
    const held = this.held;
    const queued = this.posted - this.inserted;
    const restored = Math.min(restorable, held + queued);
    const lost = held + queued - restored;
    // Afterwards inserted = posted − restored = evicted.
    this.inserted += queued - restored;
    this.evicted += lost;
    return { held, queued, restored, lost };
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
