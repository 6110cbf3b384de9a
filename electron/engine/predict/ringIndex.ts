/**
 * Slot bookkeeping shared by the bounded stores of the prediction core (training rows, retained raw
 * rows, series points, anomalies): each keeps the newest `capacity` items in typed arrays and
 * overwrites the oldest once full. The arrays grow on demand up to the capacity, so a large window
 * setting costs memory only once rows actually fill it.
 */
export class RingIndex {
  private held = 0;
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`A ring needs a positive whole capacity, not ${capacity}.`);
  }

  /** Items held (at most the capacity). */
  get size(): number {
    return this.held;
  }

  /** The slot for a new item: the next free one, or the oldest item's once full. */
  push(): number {
    const slot = this.next;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    if (this.held < this.capacity) this.held++;
    return slot;
  }

  /** The slot of the `age`-th oldest held item (0 = oldest). */
  slot(age: number): number {
    const slot = this.next - this.held + age;
    return slot < 0 ? slot + this.capacity : slot >= this.capacity ? slot - this.capacity : slot;
  }

  clear(): void {
    this.held = 0;
    this.next = 0;
  }
}

/**
 * The length an array holding `slots` items should grow to so that slot `needed` fits: doubling
 * (amortised cost per item stays constant), never beyond the ring's capacity.
 */
export function grownSlots(needed: number, current: number, capacity: number): number {
  return Math.min(capacity, Math.max(needed + 1, current * 2, 64));
}

/** A copy of `array` with room for `length` items (`width` numbers each), the held ones kept. */
export function grownFloat64(array: Float64Array, length: number, width = 1): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(length * width);
  grown.set(array);
  return grown;
}
