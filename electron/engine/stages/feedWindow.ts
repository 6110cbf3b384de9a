/**
 * The newest rows for the Live Feed, bounded. The engine keeps the window; the page receives only
 * what is new since the last update (at most a page-sized delta), or the whole window after a
 * change that re-marks rows (threshold moved, "only passing" toggled).
 */
import type { FeedRow, FeedView } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { feedCells, type FeedCell } from './feedCells';
import { RingBuffer } from './ringBuffer';

export const FEED_CAPACITY = 5000;
/** More rows than this per update cannot be read by anyone; they are counted as skipped instead. */
export const FEED_MAX_DELTA = 500;

export interface FeedEntry {
  offset: number;
  partition: number;
  record: TrafficRecord;
}

/** The location column's index and the location whose rows the feed shows. */
export interface LocationFocus {
  column: number;
  value: string;
}

function isAt(entry: FeedEntry, focus: LocationFocus): boolean {
  const cell = entry.record.values[focus.column];
  return cell !== null && cell !== undefined && String(cell) === focus.value;
}

export class FeedWindow {
  // Rows are held in arrival order, which on the embedded bus is file order (loops repeat line
  // numbers, so sorting by line would be wrong).
  private readonly all = new RingBuffer<FeedEntry>(FEED_CAPACITY);
  private readonly passing = new RingBuffer<FeedEntry>(FEED_CAPACITY);
  private newAll = 0;
  private newPassing = 0;
  // One location's rows ("Show in feed" on a junction), kept apart so they are not pushed out by
  // every other location's: with a thousand junctions the shared window holds a handful of each.
  private focus: LocationFocus | null = null;
  private readonly focusAll = new RingBuffer<FeedEntry>(FEED_CAPACITY);
  private readonly focusPassing = new RingBuffer<FeedEntry>(FEED_CAPACITY);
  private newFocusAll = 0;
  private newFocusPassing = 0;
  private needsReset = true;
  /**
   * Rows were skipped since the last reset, so the page's list has holes between deltas: it
   * showed 500 of 2,000 rows after a full-speed replay, with lines missing between them unmarked.
   */
  private gapped = false;
  onlyPassing = false;
  /** Cut cells of rows with a long text (feedCells.ts), cut once however many views send the row. */
  private readonly cut = new WeakMap<TrafficRecord, readonly FeedCell[]>();

  add(entry: FeedEntry, passes: boolean): void {
    this.all.push(entry);
    this.newAll++;
    if (passes) {
      this.passing.push(entry);
      this.newPassing++;
    }
    if (this.focus && isAt(entry, this.focus)) {
      this.focusAll.push(entry);
      this.newFocusAll++;
      if (passes) {
        this.focusPassing.push(entry);
        this.newFocusPassing++;
      }
    }
  }

  get location(): string | null {
    return this.focus?.value ?? null;
  }

  /** Shows only rows whose cell `column` is `value` (null: every row), starting from the rows held. */
  setLocation(focus: LocationFocus | null, passes: (entry: FeedEntry) => boolean): void {
    this.focus = focus;
    this.refillFocus(passes);
    this.requestReset();
  }

  private refillFocus(passes: (entry: FeedEntry) => boolean): void {
    this.focusAll.clear();
    this.focusPassing.clear();
    this.newFocusAll = 0;
    this.newFocusPassing = 0;
    const focus = this.focus;
    if (!focus) return;
    for (const entry of this.all.toArray()) {
      if (!isAt(entry, focus)) continue;
      this.focusAll.push(entry);
      if (passes(entry)) this.focusPassing.push(entry);
    }
  }

  private cellsOf(record: TrafficRecord): FeedCell[] {
    let cells = this.cut.get(record);
    if (!cells) {
      cells = feedCells(record.values);
      if (cells !== record.values) this.cut.set(record, cells);
    }
    return cells as FeedCell[];
  }

  /** The threshold changed: rebuild the passing window from what is held and resend everything. */
  remark(passes: (entry: FeedEntry) => boolean): void {
    this.passing.clear();
    for (const entry of this.all.toArray()) if (passes(entry)) this.passing.push(entry);
    this.refillFocus(passes);
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
    this.focusAll.clear();
    this.focusPassing.clear();
    this.newFocusAll = 0;
    this.newFocusPassing = 0;
    this.needsReset = true;
  }

  /**
   * The view to send now; `full` forces a reset (a new window connecting). `settled`: rows have
   * stopped pouring in (the replay paused, finished or stopped), so a list with holes is sent whole
   * once, and the page shows the window the engine holds, in order and without gaps.
   */
  takeView(passes: (entry: FeedEntry) => boolean, full = false, settled = false): FeedView {
    const source = this.focus ? (this.onlyPassing ? this.focusPassing : this.focusAll) : this.onlyPassing ? this.passing : this.all;
    const fresh = this.focus ? (this.onlyPassing ? this.newFocusPassing : this.newFocusAll) : this.onlyPassing ? this.newPassing : this.newAll;
    const reset = full || this.needsReset || (settled && this.gapped);
    const wanted = reset ? source.size : Math.min(fresh, FEED_MAX_DELTA);
    const entries = source.newest(wanted);
    const rows: FeedRow[] = entries.map((entry) => ({
      offset: entry.offset,
      partition: entry.partition,
      line: entry.record.line,
      time: entry.record.time,
      values: this.cellsOf(entry.record),
      passes: passes(entry),
    }));
    const skipped = reset ? 0 : Math.max(0, fresh - wanted);
    if (!full) {
      this.newAll = 0;
      this.newPassing = 0;
      this.newFocusAll = 0;
      this.newFocusPassing = 0;
      this.needsReset = false;
      this.gapped = reset ? false : this.gapped || skipped > 0;
    }
    return {
      reset,
      onlyPassing: this.onlyPassing,
      location: this.location,
      rows,
      skipped,
      capacity: FEED_CAPACITY,
    };
  }
}
