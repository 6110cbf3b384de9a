/**
 * The engine's copy of the rows the SQL worker holds, so that a worker replaced after a query that
 * would not stop (or one that died) gets its table back instead of starting empty.
 *
 * The copy lives on the engine's side of the thread boundary as the encoded batches that were
 * posted (outside V8's heap, so the engine's heap limit does not bound it), and follows the
 * worker's acknowledgements: the worker evicts its oldest rows, so the copy keeps the newest
 * `held + queued` rows. It is capped in bytes; past the cap its oldest batches go, and a restore
 * says how many rows it could not bring back.
 */
import { dropFirstRows } from './rowBatch';
import { decodeRowBatch, encodeRowBatch } from './rowBatchCodec';

/** About 2.8 million rows shaped like the sample city's: well past the default retention of a million. */
export const DEFAULT_RESTORABLE_BYTES = 256 * 1024 * 1024;

interface Kept {
  bytes: Uint8Array;
  rows: number;
  /** Leading rows the worker has evicted already. */
  skip: number;
}

export class RestorableRows {
  private kept: Kept[] = [];
  private head = 0;
  private keptRows = 0;
  private keptBytes = 0;

  constructor(private readonly maxBytes = DEFAULT_RESTORABLE_BYTES) {}

  /** Rows the copy can restore. */
  get rows(): number {
    return this.keptRows;
  }

  get bytes(): number {
    return this.keptBytes;
  }

  /** A batch as it was posted to the worker. */
  add(bytes: Uint8Array, rows: number): void {
    this.kept.push({ bytes, rows, skip: 0 });
    this.keptRows += rows;
    this.keptBytes += bytes.byteLength;
    // Never drop the batch just added: a single batch over the cap is still worth keeping.
    while (this.keptBytes > this.maxBytes && this.kept.length - this.head > 1) this.dropFront();
  }

  /** The worker holds (or has queued) only the newest `count` rows: forget the older ones. */
  keepNewest(count: number): void {
    while (this.keptRows > count) {
      const front = this.kept[this.head];
      if (!front) break;
      const live = front.rows - front.skip;
      if (this.keptRows - live >= count) {
        this.dropFront();
      } else {
        const excess = this.keptRows - count;
        front.skip += excess;
        this.keptRows -= excess;
      }
    }
  }

  /** The kept rows, oldest first, encoded for posting to a fresh worker. */
  batches(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let i = this.head; i < this.kept.length; i++) {
      const { bytes, skip } = this.kept[i] as Kept;
      // Rare (a restore), so re-encoding the one partly evicted batch costs nothing that matters.
      out.push(skip === 0 ? bytes : encodeRowBatch(dropFirstRows(decodeRowBatch(bytes), skip)));
    }
    return out;
  }

  clear(): void {
    this.kept = [];
    this.head = 0;
    this.keptRows = 0;
    this.keptBytes = 0;
  }

  private dropFront(): void {
    const front = this.kept[this.head] as Kept;
    this.kept[this.head] = undefined as unknown as Kept;
    this.head++;
    this.keptRows -= front.rows - front.skip;
    this.keptBytes -= front.bytes.byteLength;
    if (this.head > 1024 && this.head * 2 > this.kept.length) {
      this.kept = this.kept.slice(this.head);
      this.head = 0;
    }
  }
}
