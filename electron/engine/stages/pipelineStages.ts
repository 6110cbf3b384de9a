/**
 * The stages every source of rows feeds (a replayed file or a watched topic): the threshold filter,
 * the feed window and the reject log, with the views the page is sent. Each session holds one and
 * hands it the rows as they arrive; the engine moves the panels' sinks to the visible session's.
 */
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedView, RejectedView, ThresholdSettings, ThresholdView } from '../../../shared/contract';
import { CommandError } from '../../../shared/envelope';
import type { TrafficRecord } from '../../../shared/records';
import { FeedWindow, type FeedEntry } from './feedWindow';
import { RejectLog } from './rejectLog';
import type { RowSink } from './rowSink';
import { ThresholdStage } from './thresholdStage';

export class PipelineStages {
  private threshold: ThresholdStage;
  private columns: readonly ColumnInfo[];
  private measure: string | null;
  /** The SQL live table and the prediction feed, when their panels were opened. */
  private sinks: RowSink[] = [];
  readonly feed = new FeedWindow();
  readonly rejects = new RejectLog();

  /** `measure`: the file's main measure, where the threshold starts; `changed` tells the engine the view changed. */
  constructor(
    columns: readonly ColumnInfo[],
    measure: string | null,
    private readonly changed: () => void,
  ) {
    this.columns = columns;
    this.measure = measure;
    this.threshold = new ThresholdStage(columns, measure);
  }

  /** The main measure these stages started with (null: the engine's choice, none found). */
  get mainMeasure(): string | null {
    return this.measure;
  }

  /**
   * Also hands accepted rows to `sink` (the SQL live table, the prediction feed), which starts
   * empty under these columns. Only the session whose rows are on screen feeds sinks; the engine
   * moves them between sessions.
   */
  attachSink(sink: RowSink): void {
    if (!this.sinks.includes(sink)) this.sinks = [...this.sinks, sink];
    sink.restart(this.columns);
  }

  detachSinks(): void {
    this.sinks = [];
  }

  /** Columns changed (roles corrected): the filter starts over under them, the feed empties. */
  useColumns(columns: readonly ColumnInfo[], measure: string | null): void {
    this.columns = columns;
    this.measure = measure;
    this.threshold = new ThresholdStage(columns, measure);
    this.feed.clear();
    this.feed.setLocation(null, this.passesEntry);
    for (const sink of this.sinks) sink.restart(columns);
  }

  /** A new run: everything starts empty. */
  restart(): void {
    this.threshold.reset();
    this.feed.clear();
    this.rejects.clear();
    for (const sink of this.sinks) sink.restart(this.columns);
  }

  /** Rows that arrived, in arrival order: marked in the feed and counted by the filter. */
  acceptRows(entries: readonly FeedEntry[]): void {
    const records = new Array<TrafficRecord>(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as FeedEntry;
      records[i] = entry.record;
      this.feed.add(entry, this.threshold.passes(entry.record.values));
    }
    this.threshold.process(records);
    for (const sink of this.sinks) sink.append(entries);
  }

  /** A sink is as far behind as it may be: the replay waits for it (RowSink.behind). */
  sinksBehind(): boolean {
    for (const sink of this.sinks) if (sink.behind?.() === true) return true;
    return false;
  }

  /** The run ended: sinks that hold state until the end (windows in the SQL table) close it. */
  end(): void {
    for (const sink of this.sinks) sink.end?.();
  }

  setThreshold(settings: ThresholdSettings): void {
    this.threshold.set(settings);
    this.feed.remark(this.passesEntry);
    this.changed();
  }

  setOnlyPassing(onlyPassing: boolean): void {
    this.feed.setOnlyPassing(onlyPassing);
    this.changed();
  }

  /** Shows one location's rows only (null: all rows again). */
  setLocation(location: string | null): void {
    const column = this.columns.findIndex((info) => info.role === 'location');
    if (location !== null && column < 0) {
      throw new CommandError('BAD_STATE', 'The data has no location column: mark one as "location" in Edit roles first.');
    }
    this.feed.setLocation(location === null ? null : { column, value: location }, this.passesEntry);
    this.changed();
  }

  private readonly passesEntry = (entry: FeedEntry): boolean => this.threshold.passes(entry.record.values);

  /** `settled`: no rows are pouring in (see FeedWindow.takeView). */
  feedView(full: boolean, settled = false): FeedView {
    return this.feed.takeView(this.passesEntry, full, settled);
  }

  rejectedView(full: boolean): RejectedView {
    return this.rejects.takeView(full);
  }

  thresholdView(): ThresholdView {
    return this.threshold.view();
  }
}
