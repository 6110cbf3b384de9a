/**
 * The rejected rows of the batch being replayed, held until the replay passes them. They are
 * counted as the next good row is produced (or the batch ends), not when the block is read ahead:
 * a limit or a slow pace must not count (or list) rows beyond the last row produced.
 */
import type { RejectedRow } from '../../../shared/contract';

export class HeldRejects {
  private rows: readonly RejectedRow[] = [];
  private from = 0;

  /** The rejected rows of a newly read batch, in line order; any still held are dropped. */
  hold(rows: readonly RejectedRow[]): void {
    this.rows = rows;
    this.from = 0;
  }

  /** Rows read but not yet passed. */
  get count(): number {
    return this.rows.length - this.from;
  }

  /** Hands over the held rows on lines before `beforeLine`, in order; null when there are none. */
  takeBefore(beforeLine: number): RejectedRow[] | null {
    const held = this.rows;
    let end = this.from;
    while (end < held.length && (held[end] as RejectedRow).line < beforeLine) end++;
    if (end === this.from) return null;
    const rows = held.slice(this.from, end);
    this.from = end;
    return rows;
  }
}
