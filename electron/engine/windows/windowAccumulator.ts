/**
 * One window's running aggregate at one location: a row count and, per measure, the count of
 * numbers, their sum, min and max, in one flat Float64Array (four slots a measure) so a window
 * costs two allocations however many measures there are, and a closed one can be reused (reuse) for
 * the next window: a typed array costs more to make than to fill, and at a million rows a second
 * making one per window × location kept the garbage collector busy. The mean is computed when
 * read, so an update is four arithmetic steps per measure.
 */
import type { CellValue } from '../../../shared/records';
import type { MeasureAggregate } from '../../../shared/windows/windowContract';

const SLOTS = 4;
const COUNT = 0;
const SUM = 1;
const MIN = 2;
const MAX = 3;

export class WindowAccumulator {
  rowCount = 0;
  private readonly slots: Float64Array;

  constructor(
    public start: number,
    /** The location cells as the first row had them (for the emitted row). */
    public location: readonly CellValue[],
    measureCount: number,
  ) {
    this.slots = new Float64Array(measureCount * SLOTS);
  }

  /** Empties it for another window (after its row was emitted: rows copy what they show). */
  reuse(start: number, location: readonly CellValue[]): void {
    this.start = start;
    this.location = location;
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

  measures(): MeasureAggregate[] {
    const out: MeasureAggregate[] = [];
    for (let at = 0; at < this.slots.length; at += SLOTS) {
      const count = this.slots[at + COUNT] as number;
      if (count === 0) out.push({ count: 0, sum: null, mean: null, min: null, max: null });
      else {
        const sum = this.slots[at + SUM] as number;
        out.push({ count, sum, mean: sum / count, min: this.slots[at + MIN] as number, max: this.slots[at + MAX] as number });
      }
    }
    return out;
  }
}
