/**
 * Which of the live table's oldest rows retention evicts. Rows get rowids in arrival order and are
 * only ever deleted from the oldest end, so "evict" is always "delete every rowid up to N".
 *
 * The row limit is exact. The time limit is batch-granular: the table remembers, per run of
 * inserted rows (a batch, or several small ones merged), its last rowid and its newest time, and
 * evicts a run only once all of its rows are too old. A few rows older than the limit may stay
 * until the rest of their batch ages out; none is evicted early. Remembering every row's time
 * would cost more than the rows.
 */
import type { SqlRetention } from '../../../shared/sql/sqlContract';

/** Small batches (a slow replay flushes every 100 ms) merge until a run holds this many rows, so the deque stays short. */
const MIN_SEGMENT_ROWS = 1024;

interface Segment {
  lastRowid: number;
  rows: number;
  maxTime: number;
}

export class RetentionWindow {
  private segments: Segment[] = [];
  private head = 0;
  /** Newest time seen in this run, rows already evicted (or skipped) included. */
  private newest = Number.NEGATIVE_INFINITY;
  private evictedThrough = 0;

  reset(): void {
    this.segments = [];
    this.head = 0;
    this.newest = Number.NEGATIVE_INFINITY;
    this.evictedThrough = 0;
  }

  /** The table was emptied: SQLite numbers the next row 1 again; what was seen still counts as seen. */
  emptied(): void {
    this.segments = [];
    this.head = 0;
    this.evictedThrough = 0;
  }

  /** Rows that were seen but never stored (dropped from the queue): they still move "newest". */
  see(maxTime: number): void {
    if (maxTime > this.newest) this.newest = maxTime;
  }

  newestTime(): number {
    return this.newest;
  }

  added(lastRowid: number, rows: number, maxTime: number): void {
    this.see(maxTime);
    const last = this.segments[this.segments.length - 1];
    if (last && this.segments.length > this.head && last.rows < MIN_SEGMENT_ROWS) {
      last.lastRowid = lastRowid;
      last.rows += rows;
      if (maxTime > last.maxTime) last.maxTime = maxTime;
    } else {
      this.segments.push({ lastRowid, rows, maxTime });
    }
  }

  /** Rows up to this rowid are gone already. */
  evictedThroughRowid(): number {
    return this.evictedThrough;
  }

  /** The rowid through which rows must go under `retention` (at least the rows gone already); changes nothing. */
  targetThrough(retention: SqlRetention, lastRowid: number): number {
    let through = this.evictedThrough;
    if (retention.maxRows !== null) through = Math.max(through, lastRowid - retention.maxRows);
    if (retention.maxMinutes !== null) {
      const cutoff = this.newest - retention.maxMinutes * 60_000;
      for (let i = this.head; i < this.segments.length; i++) {
        const segment = this.segments[i] as Segment;
        if (segment.maxTime >= cutoff) break;
        through = Math.max(through, segment.lastRowid);
      }
    }
    return through;
  }

  /** Rows up to `through` were deleted. */
  evictThrough(through: number): void {
    if (through <= this.evictedThrough) return;
    this.evictedThrough = through;
    while (this.head < this.segments.length && (this.segments[this.head] as Segment).lastRowid <= through) this.head++;
    // Compact now and then rather than shifting on every eviction.
    if (this.head > 1024 && this.head * 2 > this.segments.length) {
      this.segments = this.segments.slice(this.head);
      this.head = 0;
    }
  }
}
