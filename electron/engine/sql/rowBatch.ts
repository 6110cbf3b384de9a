/**
 * How rows travel to the SQL worker: the records' own value arrays plus one Float64Array of per-row
 * numbers, encoded as bytes by rowBatchCodec.ts. The engine fills a batch as rows arrive, so taking
 * it costs nothing per row.
 */
import type { CellValue } from '../../../shared/records';
import type { FeedEntry } from '../stages';

/** Numbers kept per row in RowBatch.meta, in this order. */
export const ROW_META_STRIDE = 5;
export const META_OFFSET = 0;
export const META_PARTITION = 1;
/** Event time in epoch ms, NaN when the row has none. */
export const META_TIME = 2;
/** When the engine handed the row over, epoch ms. */
export const META_INGESTED = 3;
/** The row's line in the source (windows list late rows by it); 0 when it has none. */
export const META_LINE = 4;

export interface RowBatch {
  values: CellValue[][];
  /** ROW_META_STRIDE numbers per row. */
  meta: Float64Array<ArrayBuffer>;
}

export function batchRows(batch: RowBatch): number {
  return batch.values.length;
}

/** The batch without its first `skip` rows. */
export function dropFirstRows(batch: RowBatch, skip: number): RowBatch {
  return { values: batch.values.slice(skip), meta: batch.meta.slice(skip * ROW_META_STRIDE) };
}

/** The newest time retention judges the batch by: event time, or ingest time for rows without one. */
export function batchMaxTime(batch: RowBatch): number {
  const { meta } = batch;
  let max = Number.NEGATIVE_INFINITY;
  for (let at = 0; at < meta.length; at += ROW_META_STRIDE) {
    const time = meta[at + META_TIME] as number;
    const judged = Number.isNaN(time) ? (meta[at + META_INGESTED] as number) : time;
    if (judged > max) max = judged;
  }
  return max;
}

/** Collects rows into batches of at most `capacity` rows. */
export class RowBatchBuilder {
  private values: CellValue[][] = [];
  private meta: Float64Array<ArrayBuffer>;

  constructor(readonly capacity: number) {
    this.meta = new Float64Array(capacity * ROW_META_STRIDE);
  }

  get size(): number {
    return this.values.length;
  }

  get full(): boolean {
    return this.values.length >= this.capacity;
  }

  /** Adds one row; the caller takes the batch when it is full. */
  add(entry: FeedEntry, ingestedMs: number): void {
    const at = this.values.length * ROW_META_STRIDE;
    const { record } = entry;
    this.values.push(record.values);
    const meta = this.meta;
    meta[at + META_OFFSET] = entry.offset;
    meta[at + META_PARTITION] = entry.partition;
    meta[at + META_TIME] = record.time ?? Number.NaN;
    meta[at + META_INGESTED] = ingestedMs;
    meta[at + META_LINE] = record.line;
  }

  /** The rows so far, as a batch whose meta buffer the caller may transfer; the builder starts empty. */
  take(): RowBatch {
    const size = this.values.length;
    const full = size === this.capacity;
    const batch: RowBatch = { values: this.values, meta: full ? this.meta : this.meta.slice(0, size * ROW_META_STRIDE) };
    this.values = [];
    if (full) this.meta = new Float64Array(this.capacity * ROW_META_STRIDE);
    return batch;
  }

  clear(): void {
    this.values = [];
  }
}
