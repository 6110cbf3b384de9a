/**
 * Batches that arrive while the SQL worker runs a query wait here (the engine never waits for a
 * query). The queue is bounded by the same retention as the table: once the rows behind a batch
 * already fill the row limit, or the batch is older than the time limit allows, inserting it would
 * only evict it again at once, so it is dropped unread and counted as inserted and evicted.
 * Without any retention limit the queue, like the table, grows with the data.
 */
import type { SqlRetention } from '../../../shared/sql/sqlContract';
import { batchMaxTime, batchRows, type RowBatch } from './rowBatch';

interface Queued {
  batch: RowBatch;
  rows: number;
  maxTime: number;
}

export interface Dropped {
  rows: number;
  maxTime: number;
}

export class IngestQueue {
  private items: Queued[] = [];
  private head = 0;
  private queuedRows = 0;
  private newest = Number.NEGATIVE_INFINITY;

  get rows(): number {
    return this.queuedRows;
  }

  push(batch: RowBatch): void {
    const queued = { batch, rows: batchRows(batch), maxTime: batchMaxTime(batch) };
    this.items.push(queued);
    this.queuedRows += queued.rows;
    if (queued.maxTime > this.newest) this.newest = queued.maxTime;
  }

  shift(): RowBatch | undefined {
    const queued = this.items[this.head];
    if (!queued) return undefined;
    this.items[this.head] = undefined as unknown as Queued;
    this.head++;
    this.queuedRows -= queued.rows;
    if (this.head === this.items.length) this.clear();
    else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return queued.batch;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.queuedRows = 0;
    this.newest = Number.NEGATIVE_INFINITY;
  }

  /** Drops the oldest batches retention would evict on arrival; `newestStored` is the table's newest time. */
  prune(retention: SqlRetention, newestStored: number): Dropped {
    const dropped: Dropped = { rows: 0, maxTime: Number.NEGATIVE_INFINITY };
    const cutoff = retention.maxMinutes === null ? Number.NEGATIVE_INFINITY : Math.max(newestStored, this.newest) - retention.maxMinutes * 60_000;
    for (;;) {
      const front = this.items[this.head];
      if (!front || this.head === this.items.length - 1) break;
      const beyondRows = retention.maxRows !== null && this.queuedRows - front.rows >= retention.maxRows;
      if (!beyondRows && !(front.maxTime < cutoff)) break;
      this.shift();
      dropped.rows += front.rows;
      if (front.maxTime > dropped.maxTime) dropped.maxTime = front.maxTime;
    }
    return dropped;
  }
}
