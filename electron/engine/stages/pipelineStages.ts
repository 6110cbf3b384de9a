/**
 * The stages every source of rows feeds (a replayed file or a watched topic): the threshold filter,
 * the feed window and the reject log, with the views the page is sent. Each session extends this
 * with how its rows arrive.
 */
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedView, RejectedView, ThresholdSettings, ThresholdView } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { FeedWindow, type FeedEntry } from './feedWindow';
import { RejectLog } from './rejectLog';
import { ThresholdStage } from './thresholdStage';

export abstract class PipelineStages {
  private threshold: ThresholdStage;
  readonly feed = new FeedWindow();
  readonly rejects = new RejectLog();
  /** Tells the engine the view changed. */
  protected abstract readonly changed: () => void;

  constructor(columns: readonly ColumnInfo[]) {
    this.threshold = new ThresholdStage(columns);
  }

  /** Columns changed (roles corrected): the filter starts over under them, the feed empties. */
  protected useColumns(columns: readonly ColumnInfo[]): void {
    this.threshold = new ThresholdStage(columns);
    this.feed.clear();
  }

  /** A new run: everything starts empty. */
  protected resetStages(): void {
    this.threshold.reset();
    this.feed.clear();
    this.rejects.clear();
  }

  /** Rows that arrived, in arrival order: marked in the feed and counted by the filter. */
  protected acceptRows(entries: readonly FeedEntry[]): void {
    const records = new Array<TrafficRecord>(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as FeedEntry;
      records[i] = entry.record;
      this.feed.add(entry, this.threshold.passes(entry.record.values));
    }
    this.threshold.process(records);
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

  private readonly passesEntry = (entry: FeedEntry): boolean => this.threshold.passes(entry.record.values);

  feedView(full: boolean): FeedView {
    return this.feed.takeView(this.passesEntry, full);
  }

  rejectedView(full: boolean): RejectedView {
    return this.rejects.takeView(full);
  }

  thresholdView(): ThresholdView {
    return this.threshold.view();
  }
}
