/** Fixed-capacity buffer that overwrites its oldest item: the shape of every bounded window. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    const end = (this.start + this.count) % this.capacity;
    this.items[end] = item;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.count = 0;
  }

  /** The newest `n` items, oldest first. */
  newest(n: number): T[] {
    const take = Math.min(n, this.count);
    const out = new Array<T>(take);
    for (let i = 0; i < take; i++) out[i] = this.items[(this.start + this.count - take + i) % this.capacity] as T;
    return out;
  }

  toArray(): T[] {
    return this.newest(this.count);
  }
}
