/**
 * The newest rows for the Live Feed, bounded. The engine keeps the window; the page receives only
 * what is new since the last update (at most a page-sized delta), or the whole window after a
 * change that re-marks rows (threshold moved, "only passing" toggled).
 */
import type { FeedRow, FeedView } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { RingBuffer } from './ringBuffer';

export const FEED_CAPACITY = 5000;
/** More rows than this per update cannot be read by anyone; they are counted as skipped instead. */
export const FEED_MAX_DELTA = 500;

export interface FeedEntry {
  offset: number;
  partition: number;
  record: TrafficRecord;
}

export class FeedWindow {
  // Rows are held in arrival order, which on the embedded bus is file order (loops repeat line
  // numbers, so sorting by line would be wrong).
  private readonly all = new RingBuffer<FeedEntry>(FEED_CAPACITY);
  private readonly passing = new RingBuffer<FeedEntry>(FEED_CAPACITY);
  private newAll = 0;
  private newPassing = 0;
  private needsReset = true;
  onlyPassing = false;

  add(entry: FeedEntry, passes: boolean): void {
    this.all.push(entry);
    this.newAll++;
    if (passes) {
      this.passing.push(entry);
      this.newPassing++;
    }
  }

  /** The threshold changed: rebuild the passing window from what is held and resend everything. */
  remark(passes: (entry: FeedEntry) => boolean): void {
    this.passing.clear();
    for (const entry of this.all.toArray()) if (passes(entry)) this.passing.push(entry);
    this.requestReset();
  }

  setOnlyPassing(onlyPassing: boolean): void {
    this.onlyPassing = onlyPassing;
    this.requestReset();
  }

  requestReset(): void {
    this.needsReset = true;
  }

  clear(): void {
    this.all.clear();
    this.passing.clear();
    this.newAll = 0;
    this.newPassing = 0;
    this.needsReset = true;
  }

  /** The view to send now; `full` forces a reset (a new window connecting). */
  takeView(passes: (entry: FeedEntry) => boolean, full = false): FeedView {
    const source = this.onlyPassing ? this.passing : this.all;
    const fresh = this.onlyPassing ? this.newPassing : this.newAll;
    const reset = full || this.needsReset;
    const wanted = reset ? source.size : Math.min(fresh, FEED_MAX_DELTA);
    const entries = source.newest(wanted);
    const rows: FeedRow[] = entries.map((entry) => ({
      offset: entry.offset,
      partition: entry.partition,
      line: entry.record.line,
      time: entry.record.time,
      values: entry.record.values,
      passes: passes(entry),
    }));
    if (!full) {
      this.newAll = 0;
      this.newPassing = 0;
      this.needsReset = false;
    }
    return {
      reset,
      onlyPassing: this.onlyPassing,
      rows,
      skipped: reset ? 0 : Math.max(0, fresh - wanted),
      capacity: FEED_CAPACITY,
    };
  }
}
