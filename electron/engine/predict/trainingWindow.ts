/**
 * The rows the model trains on: a block of history rows and a sliding window of the newest stream
 * rows, each a ring of model inputs (row-major, one Float64Array) with their targets and event
 * times. The fit reads the held rows straight from these arrays; row order does not matter to
 * least squares, so a wrapped ring needs no copying.
 */
import type { DesignPart } from './fitRegression';
import { grownFloat64, grownSlots, RingIndex } from './ringIndex';

/** The history block keeps at most this many rows (the newest, should a history be longer). */
export const HISTORY_ROWS_CAP = 200_000;

export class TrainingRows {
  private readonly ring: RingIndex;
  private x = new Float64Array(0);
  private y = new Float64Array(0);
  private time = new Float64Array(0);

  constructor(
    readonly width: number,
    capacity: number,
  ) {
    this.ring = new RingIndex(capacity);
  }

  get size(): number {
    return this.ring.size;
  }

  /** Adds a row whose `width` inputs are at features[at..]; the oldest row makes way once full. */
  add(features: Float64Array, at: number, target: number, time: number): void {
    const slot = this.ring.push();
    if (slot >= this.y.length) this.grow(grownSlots(slot, this.y.length, this.ring.capacity));
    const into = slot * this.width;
    for (let j = 0; j < this.width; j++) this.x[into + j] = features[at + j] as number;
    this.y[slot] = target;
    this.time[slot] = time;
  }

  /** The held rows as one block for the fit. */
  part(): DesignPart {
    const rows = this.ring.size;
    return { x: this.x.subarray(0, rows * this.width), y: this.y.subarray(0, rows) };
  }

  /** Event time of the oldest and the newest held row; NaN when empty or without time. */
  timeSpan(): { from: number; to: number } {
    const rows = this.ring.size;
    if (rows === 0) return { from: Number.NaN, to: Number.NaN };
    return { from: this.time[this.ring.slot(0)] as number, to: this.time[this.ring.slot(rows - 1)] as number };
  }

  clear(): void {
    this.ring.clear();
  }

  private grow(slots: number): void {
    this.x = grownFloat64(this.x, slots, this.width);
    this.y = grownFloat64(this.y, slots);
    this.time = grownFloat64(this.time, slots);
  }
}

/** History and window together, as the fit takes them (empty blocks left out). */
export function trainingParts(...blocks: readonly TrainingRows[]): DesignPart[] {
  return blocks.filter((block) => block.size > 0).map((block) => block.part());
}
