/**
 * The raw rows the model last saw (location, event time, every numeric column), kept so that new
 * settings — another target, other features — can rebuild the training rows and the lag state at
 * once instead of waiting for the stream to refill the window. History keeps up to its cap; the
 * stream keeps a little more than the training window, since the rows before the window's first
 * row are what gives that row its lags.
 */
import type { PredictBatch } from './predictBatch';
import { grownFloat64, grownSlots, RingIndex } from './ringIndex';

export class RawRows {
  private readonly ring: RingIndex;
  private location = new Int32Array(0);
  private time = new Float64Array(0);
  private values = new Float64Array(0);

  /** `columns`: numeric columns per row. */
  constructor(
    readonly columns: number,
    readonly capacity: number,
  ) {
    this.ring = new RingIndex(capacity);
  }

  get size(): number {
    return this.ring.size;
  }

  /** Keeps row `row` of the batch. */
  add(batch: PredictBatch, row: number): void {
    const slot = this.ring.push();
    if (slot >= this.location.length) this.grow(grownSlots(slot, this.location.length, this.ring.capacity));
    this.location[slot] = batch.location[row] as number;
    this.time[slot] = batch.time[row] as number;
    const from = row * this.columns;
    const into = slot * this.columns;
    for (let j = 0; j < this.columns; j++) this.values[into + j] = batch.values[from + j] as number;
  }

  /** The held rows, oldest first, as one batch (a copy: replaying it must not see later additions). */
  toBatch(): PredictBatch {
    const count = this.ring.size;
    const batch: PredictBatch = {
      count,
      location: new Int32Array(count),
      time: new Float64Array(count),
      values: new Float64Array(count * this.columns),
    };
    for (let age = 0; age < count; age++) {
      const slot = this.ring.slot(age);
      batch.location[age] = this.location[slot] as number;
      batch.time[age] = this.time[slot] as number;
      batch.values.set(this.values.subarray(slot * this.columns, (slot + 1) * this.columns), age * this.columns);
    }
    return batch;
  }

  /** The same rows in a store of another capacity (the newest kept when it is smaller). */
  resized(capacity: number): RawRows {
    const copy = new RawRows(this.columns, capacity);
    const batch = this.toBatch();
    for (let row = Math.max(0, batch.count - capacity); row < batch.count; row++) copy.add(batch, row);
    return copy;
  }

  clear(): void {
    this.ring.clear();
  }

  private grow(slots: number): void {
    const location = new Int32Array(slots);
    location.set(this.location);
    this.location = location;
    this.time = grownFloat64(this.time, slots);
    this.values = grownFloat64(this.values, slots, this.columns);
  }
}
