/**
 * The rejected rows of the batch being replayed, held until the replay passes them. They are
 * counted as the next good row is produced (or the batch ends), not when the block is read ahead:
 * a limit or a slow pace must not count (or list) rows beyond the last row produced.
 *
 * Where a rejected row falls is given by how many of the batch's records come before it, not by
 * its line: in a replay merged by time, rows of different runs interleave and lines do not tell.
 */
import type { RejectedRow } from '../../../shared/contract';

export class HeldRejects {
  private rows: readonly RejectedRow[] = [];
  /** For each row, how many of the batch's records come before it (ascending). */
  private at: readonly number[] = [];
  private from = 0;

  /** The rejected rows of a newly read batch, in replay order; any still held are dropped. */
  hold(rows: readonly RejectedRow[], at: readonly number[]): void {
    this.rows = rows;
    this.at = at;
    this.from = 0;
  }

  /** Rows read but not yet passed. */
  get count(): number {
    return this.rows.length - this.from;
  }

  /** Hands over the held rows that come before the batch's record number `produced`, in order; null when there are none. */
  takeBefore(produced: number): RejectedRow[] | null {
    let end = this.from;
    while (end < this.rows.length && (this.at[end] as number) < produced) end++;
    if (end === this.from) return null;
    const rows = this.rows.slice(this.from, end);
    this.from = end;
    return rows;
  }
}
