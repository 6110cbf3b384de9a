/**
 * Where the stages hand on every row they accept, beside the feed and the filter: the SQL live
 * table and the prediction feed. A sink follows the stages' runs: emptied when a run starts over or the columns change.
 */
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedEntry } from './feedWindow';

export interface RowSink {
  /** A new run or new columns: whatever the sink holds is dropped. */
  restart(columns: readonly ColumnInfo[]): void;
  /** Rows in arrival order; must return quickly (the stages run at replay speed). */
  append(entries: readonly FeedEntry[]): void;
  /** The run's last row was appended (a replay finished or was stopped); optional. */
  end?(): void;
  /**
   * True while the sink holds as many rows not yet worked through as it may (a worker at background
   * priority falling behind a full-speed replay): the replay waits until it is false again, so the
   * sink's memory stays bounded without skipping rows. Absent: never behind.
   */
  behind?(): boolean;
}
