/** One segment of a parallel file scan: what it is asked to read and what it reports. */
import type { RejectedRow } from '../../../../shared/contract';
import type { CsvDialect } from '../csvDialect';
import type { TableSchema } from '../tableSchema';
import type { SplitTimelineState } from '../time/splitTimeline';
import type { SegmentTotals } from './segmentTotals';
import { timelineAfter, type SplitRunCollector, type SplitRuns } from './splitRuns';

export interface SegmentTask {
  path: string;
  dialect: CsvDialect;
  schema: TableSchema;
  /** Where the segment's first row starts (0: the start of the file, header included). */
  start: number;
  /** Rows starting before this byte belong to the segment; the row crossing it is finished. */
  end: number;
  /**
   * Split-form files: the timeline at `start`, when known. Without it the rows are kept as runs
   * for the coordinator to place in time (see splitRuns).
   */
  timeline?: SplitTimelineState;
}

export interface SegmentSummary {
  start: number;
  /** Where the segment's last row ended: the start of the next segment's first row. */
  end: number;
  /** Lines from `start` to `end`; null when the segment ran to the end of the file. */
  lines: number | null;
  rows: number;
  accepted: number;
  rejectedCount: number;
  /** The first rejected rows; line 1 is the segment's first line. */
  rejected: RejectedRow[];
  /** Event-time range of the accepted rows; null without time, or when `splitRuns` holds it. */
  firstTime: number | null;
  lastTime: number | null;
  /** Smallest and largest value per column (by index); null for a non-numeric or empty column. */
  columnMin: (number | null)[];
  columnMax: (number | null)[];
  /** Split form read without its timeline: the runs to place. */
  splitRuns: SplitRuns | null;
  /** Split form read with its timeline: the timeline after the last row. */
  timelineEnd: SplitTimelineState | null;
}

export function summarize(task: SegmentTask, totals: SegmentTotals, runs: SplitRunCollector | null, end: number, lines: number | null): SegmentSummary {
  const split = task.schema.time?.kind === 'split';
  const last = totals.lastAcceptedTime;
  return {
    start: task.start,
    end,
    lines,
    rows: totals.accepted + totals.rejectedCount,
    accepted: totals.accepted,
    rejectedCount: totals.rejectedCount,
    rejected: totals.rejected,
    firstTime: Number.isFinite(totals.firstTime) ? totals.firstTime : null,
    lastTime: Number.isFinite(totals.lastTime) ? totals.lastTime : null,
    columnMin: totals.columnRange('min'),
    columnMax: totals.columnRange('max'),
    splitRuns: runs?.runs ?? null,
    // The timeline only moves on an accepted row, to that row's date.
    timelineEnd: split && !runs ? (last === null ? (task.timeline ?? null) : timelineAfter(last)) : null,
  };
}
