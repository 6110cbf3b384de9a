/**
 * One window's running aggregate at one location: a row count and, per measure, the count of
 * numbers, their sum, min and max, in one flat Float64Array (four slots a measure) so a window
 * costs two allocations however many measures there are, and a closed one can be reused (reuse) for
 * the next window: a typed array costs more to make than to fill, and at a million rows a second
 * making one per window × location kept the garbage collector busy. For the same reason the
 * location cells are copied into an array the accumulator keeps (rows copy what they show). The mean
 * is computed when read, so an update is four arithmetic steps per measure.
 */
import type { CellValue } from '../../../shared/records';
import type { MeasureAggregate } from '../../../shared/windows/windowContract';

const SLOTS = 4;
const COUNT = 0;
const SUM = 1;
const MIN = 2;
const MAX = 3;

/** What a window's row is made from, read without copying (windowTable.ts writes it as cells). */
export interface WindowFigures {
  readonly start: number;
  /** The location cells as the window's first row had them. */
  readonly location: readonly CellValue[];
  readonly rowCount: number;
  readonly measureCount: number;
  /** Numbers in measure `m` (0: its sum, mean, min and max are null). */
  countOf(m: number): number;
  sumOf(m: number): number;
  minOf(m: number): number;
  maxOf(m: number): number;
}

export class WindowAccumulator implements WindowFigures {
  rowCount = 0;
  start: number;
  private readonly slots: Float64Array;
  private readonly cells: CellValue[];

  constructor(start: number, values: readonly CellValue[], locationIndexes: readonly number[], measureCount: number) {
    this.start = start;
    this.slots = new Float64Array(measureCount * SLOTS);
    this.cells = new Array<CellValue>(locationIndexes.length);
    this.place(values, locationIndexes);
  }

  get location(): readonly CellValue[] {
    return this.cells;
  }

  get measureCount(): number {
    return this.slots.length / SLOTS;
  }

  /** Empties it for another window, at the location `values` name (after its row was emitted: rows copy what they show). */
  reuse(start: number, values: readonly CellValue[], locationIndexes: readonly number[]): void {
    this.start = start;
    this.place(values, locationIndexes);
    this.rowCount = 0;
    this.slots.fill(0);
  }

  add(values: readonly CellValue[], measureIndexes: readonly number[]): void {
    this.rowCount++;
    const slots = this.slots;
    for (let m = 0; m < measureIndexes.length; m++) {
      const value = values[measureIndexes[m] as number];
      // An empty cell (or text in a number column) is not a zero: it is left out of this measure.
      if (typeof value !== 'number' || Number.isNaN(value)) continue;
      const at = m * SLOTS;
      const n = slots[at + COUNT] as number;
      slots[at + COUNT] = n + 1;
      slots[at + SUM] = (slots[at + SUM] as number) + value;
      if (n === 0 || value < (slots[at + MIN] as number)) slots[at + MIN] = value;
      if (n === 0 || value > (slots[at + MAX] as number)) slots[at + MAX] = value;
    }
  }

  countOf(m: number): number {
    return this.slots[m * SLOTS + COUNT] as number;
  }

  sumOf(m: number): number {
    return this.slots[m * SLOTS + SUM] as number;
  }

  minOf(m: number): number {
    return this.slots[m * SLOTS + MIN] as number;
  }

  maxOf(m: number): number {
    return this.slots[m * SLOTS + MAX] as number;
  }

  measures(): MeasureAggregate[] {
    const out: MeasureAggregate[] = [];
    for (let m = 0; m < this.measureCount; m++) {
      const count = this.countOf(m);
      if (count === 0) out.push({ count: 0, sum: null, mean: null, min: null, max: null });
      else {
        const sum = this.sumOf(m);
        out.push({ count, sum, mean: sum / count, min: this.minOf(m), max: this.maxOf(m) });
      }
    }
    return out;
  }

  private place(values: readonly CellValue[], locationIndexes: readonly number[]): void {
    for (let i = 0; i < locationIndexes.length; i++) this.cells[i] = values[locationIndexes[i] as number] ?? null;
  }
}
