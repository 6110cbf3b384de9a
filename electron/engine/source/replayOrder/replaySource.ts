/**
 * "The file's rows in replay order": what a replay reads. File order is one implementation (the
 * reader as is); the time merge of a file grouped by location and the backward read of a file
 * written newest first are the others. All hand out batches
 * of the same shape, so the replay session paces, seeks and counts without knowing which it has.
 */
import type { RejectedRow, SeekTarget } from '../../../../shared/contract';
import type { TrafficRecord } from '../../../../shared/records';

export interface ReplayBatch {
  /** Accepted rows, in replay order. */
  records: TrafficRecord[];
  /** Rejected rows, each with its real line in the file. */
  rejected: RejectedRow[];
  /** For each rejected row, how many of `records` come before it in replay order (ascending). */
  rejectedAt: number[];
  /** Bytes of the file consumed so far (of every run, for a merge). */
  bytesRead: number;
  /** Rows passed so far in replay order, delivered or skipped, up to the end of this batch. */
  rowsSoFar: number;
  /** Rows passed over by the seek in this batch. */
  skipped: number;
}

export interface ReplaySource {
  /** One pass over the rows, from the first row at or after `seek` (or the start). */
  rows(seek: SeekTarget | null, signal: AbortSignal): AsyncGenerator<ReplayBatch>;
  /** Stops whatever it does in the background (the file is closed). */
  dispose?(): void;
}

/**
 * Where each rejected row falls among the records, from lines (both lists in line order): a
 * rejected row comes after every record on an earlier line.
 */
export function rejectedPositions(records: readonly TrafficRecord[], rejected: readonly RejectedRow[]): number[] {
  const at: number[] = [];
  let index = 0;
  for (const row of rejected) {
    while (index < records.length && (records[index] as TrafficRecord).line < row.line) index++;
    at.push(index);
  }
  return at;
}
