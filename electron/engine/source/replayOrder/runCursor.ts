/**
 * One run of a merged replay: the streaming reader started at the run's first row, cut at the
 * line where the next run begins. It holds at most one block of the file (the reader's current
 * batch), which is what keeps a merge's memory bounded by the number of runs.
 *
 * The reader itself does not stop at the run's end: the batch crossing it also holds the next
 * run's first rows, which are dropped here by line (lines are exact, see linesAt) and read again
 * by that run's own cursor. So at most one block per run is read twice.
 */
import type { RejectedRow } from '../../../../shared/contract';
import type { TrafficRecord } from '../../../../shared/records';
import type { CsvBatch } from '../csvBatchReader';
import type { MergeCursor } from './mergeCursor';
import { closingAnyway } from '../../supervision';

export class RunCursor implements MergeCursor {
  private records: TrafficRecord[] = [];
  private rejected: RejectedRow[] = [];
  private nextRecord = 0;
  private nextRejected = 0;
  private ended = false;
  /** Bytes of the file the reader has consumed (absolute offset), capped at the run's end. */
  bytesRead: number;
  /** Rows of this run read so far (accepted, rejected and skipped), from `rowsBefore` on. */
  rowsRead: number;
  /** Rows passed over by the seek and not yet reported. */
  skippedToReport = 0;
  /** True once the run's last row has been read (not after an early close). */
  complete = false;

  constructor(
    private readonly reader: AsyncGenerator<CsvBatch>,
    /** The run's place in the file: ties between equal times go to the earlier run. */
    readonly order: number,
    /** The first line of the next run (Infinity for the last run). */
    private readonly endLine: number,
    private readonly endByte: number,
    startByte: number,
    rowsBefore: number,
  ) {
    this.bytesRead = startByte;
    this.rowsRead = rowsBefore;
  }

  /** Event time of the next record; only valid while `hasRecord`. */
  get key(): number {
    return (this.records[this.nextRecord] as TrafficRecord).time ?? Number.NEGATIVE_INFINITY;
  }

  get hasRecord(): boolean {
    return this.nextRecord < this.records.length;
  }

  /** Hands out the next record, with the rejected rows before it in the file first. */
  take(reject: (row: RejectedRow) => void): TrafficRecord {
    const record = this.records[this.nextRecord++] as TrafficRecord;
    while (this.nextRejected < this.rejected.length && (this.rejected[this.nextRejected] as RejectedRow).line < record.line) {
      reject(this.rejected[this.nextRejected++] as RejectedRow);
    }
    return record;
  }

  /**
   * Moves on until a record is ready, handing over the rejected rows passed on the way; false when
   * the run has no more records (its last rejected rows handed over too).
   */
  async fill(reject: (row: RejectedRow) => void): Promise<boolean> {
    while (!this.hasRecord) {
      while (this.nextRejected < this.rejected.length) reject(this.rejected[this.nextRejected++] as RejectedRow);
      if (this.ended) {
        this.complete = true;
        return false;
      }
      const next = await this.reader.next();
      if (next.done) {
        this.ended = true;
        continue;
      }
      this.load(next.value);
    }
    return true;
  }

  private load(batch: CsvBatch): void {
    const endLine = this.endLine;
    let { records, rejected } = batch;
    const crosses = (records.length > 0 && (records[records.length - 1] as TrafficRecord).line >= endLine) || (rejected.length > 0 && (rejected[rejected.length - 1] as RejectedRow).line >= endLine);
    if (crosses) {
      records = records.filter((record) => record.line < endLine);
      rejected = rejected.filter((row) => row.line < endLine);
      this.ended = true;
      void this.reader.return(undefined).catch(closingAnyway);
    }
    this.records = records;
    this.rejected = rejected;
    this.nextRecord = 0;
    this.nextRejected = 0;
    // A seek's skipping stops within the run (runs ending before the target are not read at all),
    // so every row it skipped lies in this run.
    this.skippedToReport += batch.skipped;
    this.rowsRead += records.length + rejected.length + batch.skipped;
    this.bytesRead = Math.min(batch.bytesRead, this.endByte);
  }

  async close(): Promise<void> {
    await this.reader.return(undefined).catch(closingAnyway);
  }
}
