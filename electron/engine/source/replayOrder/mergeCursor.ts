/**
 * What the time merge of a grouped file (mergedRunsSource) needs from each run it reads: the next
 * record's time, the record itself with the rejected rows before it, and what was read so far. A
 * run written oldest first is read forwards (runCursor); one written newest first, from its end
 * (reversedRunCursor).
 */
import type { RejectedRow } from '../../../../shared/contract';
import type { TrafficRecord } from '../../../../shared/records';
import type { HeapEntry } from './runHeap';

export interface MergeCursor extends HeapEntry {
  readonly hasRecord: boolean;
  /** Bytes of the file the run's reading has covered, as an absolute offset (run start + bytes read). */
  readonly bytesRead: number;
  /** Rows of this run passed so far: accepted, rejected and skipped by a seek. */
  readonly rowsRead: number;
  /** Rows passed over by the seek and not yet reported. */
  skippedToReport: number;
  /** True once the run's last row has been read (not after an early close). */
  readonly complete: boolean;
  /** Hands out the next record, with the rejected rows before it in replay order first. */
  take(reject: (row: RejectedRow) => void): TrafficRecord;
  /** Moves on until a record is ready, handing over rejected rows passed on the way; false when the run is done. */
  fill(reject: (row: RejectedRow) => void): Promise<boolean>;
  close(): Promise<void>;
}
