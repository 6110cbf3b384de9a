/**
 * A binary min-heap of the runs being merged, keyed by each run's next event time, ties by file
 * order (so rows at the same time come out as the file writes them). It holds one entry per run:
 * its size, and so the merge's memory, is bounded by the number of runs.
 */
export interface HeapEntry {
  /** Event time of the run's next record. */
  readonly key: number;
  /** The run's place in the file: breaks ties. */
  readonly order: number;
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a.key < b.key || (a.key === b.key && a.order < b.order);
}

export class RunHeap<T extends HeapEntry> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The entry with the smallest key; undefined when empty. */
  get top(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(items[at] as T, items[parent] as T)) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  /** Removes the top entry. */
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Restores order after the top entry's key grew (it moved on to its next record). */
  topChanged(): void {
    this.siftDown(0);
  }

  private siftDown(from: number): void {
    const items = this.items;
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < items.length && before(items[left] as T, items[smallest] as T)) smallest = left;
      if (right < items.length && before(items[right] as T, items[smallest] as T)) smallest = right;
      if (smallest === at) return;
      this.swap(at, smallest);
      at = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const held = items[a] as T;
    items[a] = items[b] as T;
    items[b] = held;
  }
}
