/** Running sums of one segment: counts, the first rejected rows, the time range, column ranges. */
import type { RejectedRow } from '../../../../shared/contract';
import type { CellValue } from '../../../../shared/records';
import type { TableSchema } from '../tableSchema';

/** Rejected rows kept per segment (and for the file): the rest are counted. */
export const MAX_LISTED_REJECTED = 200;

export class SegmentTotals {
  accepted = 0;
  rejectedCount = 0;
  readonly rejected: RejectedRow[] = [];
  firstTime = Number.POSITIVE_INFINITY;
  lastTime = Number.NEGATIVE_INFINITY;
  /** Event time of the last accepted row (the split form's timeline follows from it). */
  lastAcceptedTime: number | null = null;
  private readonly numeric: number[];
  private readonly min: Float64Array;
  private readonly max: Float64Array;

  constructor(schema: TableSchema) {
    this.numeric = schema.columns.flatMap((column, index) => (column.type === 'number' ? [index] : []));
    this.min = new Float64Array(schema.columns.length).fill(Number.POSITIVE_INFINITY);
    this.max = new Float64Array(schema.columns.length).fill(Number.NEGATIVE_INFINITY);
  }

  accept(values: readonly CellValue[], time: number | null): void {
    this.accepted++;
    if (time !== null) {
      if (time < this.firstTime) this.firstTime = time;
      if (time > this.lastTime) this.lastTime = time;
      this.lastAcceptedTime = time;
    }
    const { numeric, min, max } = this;
    for (let i = 0; i < numeric.length; i++) {
      const index = numeric[i] as number;
      const value = values[index];
      if (typeof value !== 'number') continue;
      if (value < (min[index] as number)) min[index] = value;
      if (value > (max[index] as number)) max[index] = value;
    }
  }

  reject(row: RejectedRow): void {
    this.rejectedCount++;
    if (this.rejected.length < MAX_LISTED_REJECTED) this.rejected.push(row);
  }

  columnRange(which: 'min' | 'max'): (number | null)[] {
    return Array.from(which === 'min' ? this.min : this.max, (value) => (Number.isFinite(value) ? value : null));
  }
}
