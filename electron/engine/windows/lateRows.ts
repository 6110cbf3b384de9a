/**
 * The rows that came too late for their window: all counted, the newest few listed. A replay of a
 * badly ordered file can make millions of them, so the list is a fixed ring, not a growing array;
 * the newest are kept because they are the ones a user watching the stream is asking about.
 */
import type { LateRow } from '../../../shared/windows/windowContract';

export class LateRows {
  private readonly ring: (LateRow | undefined)[];
  private next = 0;
  count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`Not a list size: ${capacity}`);
    this.ring = new Array<LateRow | undefined>(capacity);
  }

  record(row: LateRow): void {
    this.count++;
    if (this.capacity === 0) return;
    this.ring[this.next] = row;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The listed rows in arrival order. */
  list(): LateRow[] {
    const listed = Math.min(this.count, this.capacity);
    const out: LateRow[] = [];
    const first = this.count > this.capacity ? this.next : 0;
    for (let i = 0; i < listed; i++) out.push(this.ring[(first + i) % this.capacity] as LateRow);
    return out;
  }

  /** Counted but no longer listed. */
  get dropped(): number {
    return this.count - Math.min(this.count, this.capacity);
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }
}
