/**
 * Where reading can resume in a file, learnt while reading it: one checkpoint per block (a few
 * hundred KB), so a seek to any place already read starts at most one block early, and a seek
 * further on starts at the furthest known block and reads forward from there.
 */
import type { SeekTarget } from '../../../shared/contract';
import type { ReaderCheckpoint } from './csvBatchReader';

export class CheckpointIndex {
  /** Sorted by byte offset, no duplicates. */
  private readonly points: ReaderCheckpoint[] = [];

  get size(): number {
    return this.points.length;
  }

  add(point: ReaderCheckpoint): void {
    if (point.byte === 0) return; // the start of the file needs no checkpoint
    const points = this.points;
    let low = 0;
    let high = points.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((points[middle] as ReaderCheckpoint).byte < point.byte) low = middle + 1;
      else high = middle;
    }
    if (points[low]?.byte === point.byte) return;
    points.splice(low, 0, point);
  }

  /**
   * The last checkpoint at or before the target, or undefined to read from the start. For time,
   * "before" means its block begins no later than the target, which holds for files in time order;
   * in a file out of order the reader still skips to the first row at or after the target.
   */
  before(target: SeekTarget): ReaderCheckpoint | undefined {
    let found: ReaderCheckpoint | undefined;
    for (const point of this.points) {
      if (target.kind === 'row' ? point.row > target.row : point.firstTime === null || point.firstTime > target.time) break;
      found = point;
    }
    return found;
  }
}
