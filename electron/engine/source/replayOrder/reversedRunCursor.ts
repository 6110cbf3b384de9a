/**
 * One run of a merged replay whose rows are written newest first: the run read from its end
 * (a ReversedFileSource over the run's bytes), so its records come out oldest first, as the merge
 * needs. Batches arrive in replay order already, each rejected row placed among the records.
 */
import type { RejectedRow } from '../../../../shared/contract';
import type { TrafficRecord } from '../../../../shared/records';
import { closingAnyway } from '../../supervision';
import type { MergeCursor } from './mergeCursor';
import type { ReplayBatch } from './replaySource';

const EMPTY: ReplayBatch = { records: [], rejected: [], rejectedAt: [], bytesRead: 0, rowsSoFar: 0, skipped: 0 };

export class ReversedRunCursor implements MergeCursor {
  private batch = EMPTY;
  private nextRecord = 0;
  private nextRejected = 0;
  private ended = false;
  bytesRead: number;
  rowsRead = 0;
  skippedToReport = 0;
  complete = false;

  constructor(
    private readonly rows: AsyncGenerator<ReplayBatch>,
    /** The run's place in the file: ties between equal times go to the earlier run. */
    readonly order: number,
    private readonly startByte: number,
  ) {
    this.bytesRead = startByte;
  }

  get key(): number {
    return (this.batch.records[this.nextRecord] as TrafficRecord).time ?? Number.NEGATIVE_INFINITY;
  }

  get hasRecord(): boolean {
    return this.nextRecord < this.batch.records.length;
  }

  take(reject: (row: RejectedRow) => void): TrafficRecord {
    this.handRejectedBefore(this.nextRecord, reject);
    return this.batch.records[this.nextRecord++] as TrafficRecord;
  }

  async fill(reject: (row: RejectedRow) => void): Promise<boolean> {
    while (!this.hasRecord) {
      this.handRejectedBefore(Number.POSITIVE_INFINITY, reject);
      if (this.ended) {
        this.complete = true;
        return false;
      }
      const next = await this.rows.next();
      if (next.done) {
        this.ended = true;
        continue;
      }
      this.load(next.value);
    }
    return true;
  }

  /** Rejected rows placed before record `index` of the batch (all the rest, for Infinity). */
  private handRejectedBefore(index: number, reject: (row: RejectedRow) => void): void {
    const { rejected, rejectedAt } = this.batch;
    while (this.nextRejected < rejected.length && (rejectedAt[this.nextRejected] as number) <= index) reject(rejected[this.nextRejected++] as RejectedRow);
  }

  private load(batch: ReplayBatch): void {
    this.batch = batch;
    this.nextRecord = 0;
    this.nextRejected = 0;
    this.skippedToReport += batch.skipped;
    this.rowsRead += batch.records.length + batch.rejected.length + batch.skipped;
    this.bytesRead = this.startByte + batch.bytesRead;
  }

  async close(): Promise<void> {
    await this.rows.return(undefined).catch(closingAnyway);
  }
}
