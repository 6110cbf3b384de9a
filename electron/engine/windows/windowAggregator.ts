/**
 * Tumbling and hopping windows over event time, per location, as a stream: each row updates the
 * size / hop windows it falls in (no rescans), and a window's row goes out through `emit` when the
 * watermark (the newest event time seen minus the allowed lateness) passes its end. Only open
 * windows are held, so memory is bounded by locations × (size + lateness) / hop, not by the stream.
 *
 * Semantics, as in Spark's structured streaming with a watermark:
 * - The watermark is global (over all locations): one junction's clock cannot hold the others' windows open.
 * - A window is closed once watermark >= its end. A row for a closed window is late: counted and
 *   listed (LateRows), not added. A hopping row that misses some of its windows is still added to
 *   the ones that are open, and counted late once (missedWindows says how many it missed).
 * - `final` emits each window × location row once, closed. `changes` also emits the row after every
 *   update (closed: false), like ksqlDB's EMIT CHANGES, and then once more closed, so a table fed by
 *   upserts on (window_start, location) ends with the final values and knows they are final.
 * - Closed rows go out in order of window end; within a window, locations in the order first seen.
 * - Rows with no event time belong to no window: counted as untimed.
 * - flush() (end of stream) closes every open window; rows that come after it for those windows are late.
 */
import type { TrafficRecord } from '../../../shared/records';
import { LATE_ROWS_LISTED, type WindowRow, type WindowSpec, type WindowView } from '../../../shared/windows/windowContract';
import { LateRows } from './lateRows';
import { locationKey, type RecordLayout } from './recordLayout';
import { WindowAccumulator, type WindowFigures } from './windowAccumulator';
import { lastWindowStart } from './windowAssignment';

/** Spare accumulators kept: more than the windows a few hops close at once in a city of hundreds of sensors. */
const MAX_SPARE = 4096;

export type WindowSink = (row: WindowRow) => void;

/**
 * The same rows as the figures they are made from, read during the call only (the accumulator is
 * reused afterwards): a consumer that copies them straight into its own buffer (the SQL window
 * tables, a million rows a second) saves the row object, its location copy and its measures.
 */
export type FiguresSink = (figures: WindowFigures, windowEnd: number, closed: boolean) => void;

const NO_ROWS: WindowSink = () => undefined;

export interface WindowAggregatorOptions {
  /** Late rows listed (the rest only counted); LATE_ROWS_LISTED unless told. */
  lateListed?: number;
}

export class WindowAggregator {
  private readonly sizeMs: number;
  private readonly hopMs: number;
  private readonly perRow: number;
  private readonly changes: boolean;
  /**
   * Starts of the open windows, ascending (windows close from the front), and beside each its
   * locations' accumulators in first-seen order. Arrays, not a map by start: a start is seldom a
   * small integer, so each lookup in a map boxed it, and the window sought is nearly always among
   * the last few.
   */
  private starts: number[] = [];
  private windows: Map<string, WindowAccumulator>[] = [];
  private newest = Number.NEGATIVE_INFINITY;
  /** Windows ending at or before this are closed: the watermark, or past it after a flush. */
  private closedThrough = Number.NEGATIVE_INFINITY;
  private openRows = 0;
  private closedRows = 0;
  private untimed = 0;
  private readonly late: LateRows;
  /** Accumulators of closed windows, to be reused (see WindowAccumulator); capped so a burst does not stay held. */
  private readonly spare: WindowAccumulator[] = [];
  /** Where closed (and, with EMIT CHANGES, updated) windows go: rows for `emit`, or a FiguresSink. */
  private sink: (accumulator: WindowAccumulator, windowEnd: number, closed: boolean) => void;

  /** An aggregator of figures (see FiguresSink) rather than rows. */
  static ofFigures(spec: WindowSpec, layout: RecordLayout, sink: FiguresSink, options: WindowAggregatorOptions = {}): WindowAggregator {
    const aggregator = new WindowAggregator(spec, layout, NO_ROWS, options);
    aggregator.sink = sink;
    return aggregator;
  }

  constructor(
    readonly spec: WindowSpec,
    private readonly layout: RecordLayout,
    emit: WindowSink,
    options: WindowAggregatorOptions = {},
  ) {
    if (spec.hopMs <= 0 || spec.sizeMs % spec.hopMs !== 0) throw new RangeError('The window size must be a whole multiple of the hop.');
    this.sizeMs = spec.sizeMs;
    this.hopMs = spec.hopMs;
    this.perRow = spec.sizeMs / spec.hopMs;
    this.changes = spec.emit === 'changes';
    this.late = new LateRows(options.lateListed ?? LATE_ROWS_LISTED);
    this.sink = (figures, _end, closed) => emit(this.rowOf(figures, closed));
  }

  /** Newest event time seen minus the allowed lateness; null before the first timed row. */
  get watermark(): number | null {
    return this.newest === Number.NEGATIVE_INFINITY ? null : this.newest - this.spec.latenessMs;
  }

  add(record: TrafficRecord): void {
    const time = record.time;
    if (time === null) {
      this.untimed++;
      return;
    }
    const { locationIndexes, measureIndexes } = this.layout;
    const key = locationKey(record.values, locationIndexes);
    const newestStart = lastWindowStart(time, this.hopMs);
    let missed = 0;
    // Oldest window first, so EMIT CHANGES reports a row's windows in time order.
    for (let k = this.perRow - 1; k >= 0; k--) {
      const start = newestStart - k * this.hopMs;
      if (start + this.sizeMs <= this.closedThrough) {
        missed++;
        continue;
      }
      const accumulator = this.accumulatorFor(start, key, record);
      accumulator.add(record.values, measureIndexes);
      if (this.changes) this.sink(accumulator, start + this.sizeMs, false);
    }
    if (missed > 0) {
      this.late.record({
        time,
        location: key,
        line: record.line,
        behindWatermarkMs: this.closedThrough - time,
        missedWindows: missed,
      });
    }
    // After the row is added: its own time can never close its own windows (newest - lateness < its ends).
    if (time > this.newest) {
      this.newest = time;
      this.closeThrough(time - this.spec.latenessMs);
    }
  }

  addAll(records: readonly TrafficRecord[]): void {
    for (let i = 0; i < records.length; i++) this.add(records[i] as TrafficRecord);
  }

  /** End of stream: every open window is emitted, closed. */
  flush(): void {
    const last = this.starts[this.starts.length - 1];
    if (last !== undefined) this.closeThrough(last + this.sizeMs);
  }

  /** Forgets everything (a new replay). */
  reset(): void {
    this.spare.length = 0;
    this.starts = [];
    this.windows = [];
    this.newest = Number.NEGATIVE_INFINITY;
    this.closedThrough = Number.NEGATIVE_INFINITY;
    this.openRows = 0;
    this.closedRows = 0;
    this.untimed = 0;
    this.late.clear();
  }

  view(): WindowView {
    const { name, kind, sizeMs, hopMs, latenessMs, emit } = this.spec;
    return {
      spec: { name, kind, sizeMs, hopMs, latenessMs, emit, measures: [...this.layout.measureNames] },
      watermark: this.watermark,
      openRows: this.openRows,
      closedRows: this.closedRows,
      untimed: this.untimed,
      lateCount: this.late.count,
      late: this.late.list(),
      lateDropped: this.late.dropped,
    };
  }

  private accumulatorFor(start: number, key: string, record: TrafficRecord): WindowAccumulator {
    const byLocation = this.windowAt(start);
    let accumulator = byLocation.get(key);
    if (accumulator === undefined) {
      const { locationIndexes, measureIndexes } = this.layout;
      const spare = this.spare.pop();
      if (spare) spare.reuse(start, record.values, locationIndexes);
      accumulator = spare ?? new WindowAccumulator(start, record.values, locationIndexes, measureIndexes.length);
      byLocation.set(key, accumulator);
      this.openRows++;
    }
    return accumulator;
  }

  /** The open window at `start`, opened when there is none. Rows come mostly in time order, so it is nearly always one of the last. */
  private windowAt(start: number): Map<string, WindowAccumulator> {
    const starts = this.starts;
    let at = starts.length;
    while (at > 0 && (starts[at - 1] as number) > start) at--;
    if (at > 0 && starts[at - 1] === start) return this.windows[at - 1] as Map<string, WindowAccumulator>;
    const byLocation = new Map<string, WindowAccumulator>();
    if (at === starts.length) {
      starts.push(start);
      this.windows.push(byLocation);
    } else {
      starts.splice(at, 0, start);
      this.windows.splice(at, 0, byLocation);
    }
    return byLocation;
  }

  private closeThrough(time: number): void {
    if (time <= this.closedThrough) return;
    this.closedThrough = time;
    let closed = 0;
    while (closed < this.starts.length && (this.starts[closed] as number) + this.sizeMs <= time) {
      const end = (this.starts[closed] as number) + this.sizeMs;
      const byLocation = this.windows[closed] as Map<string, WindowAccumulator>;
      for (const accumulator of byLocation.values()) {
        this.openRows--;
        this.closedRows++;
        this.sink(accumulator, end, true);
        if (this.spare.length < MAX_SPARE) this.spare.push(accumulator);
      }
      closed++;
    }
    if (closed > 0) {
      this.starts.splice(0, closed);
      this.windows.splice(0, closed);
    }
  }

  private rowOf(accumulator: WindowAccumulator, closed: boolean): WindowRow {
    return {
      windowStart: accumulator.start,
      windowEnd: accumulator.start + this.sizeMs,
      location: [...accumulator.location],
      rowCount: accumulator.rowCount,
      measures: accumulator.measures(),
      closed,
    };
  }
}
