/**
 * The rows of a file written newest first, replayed oldest first: as the data happened, so every
 * stage downstream (windows and their watermark, profiles, alarms, forecasts from the last value,
 * the health checks) sees time run forwards, as from a live feed. Exports sorted "latest first"
 * are common; replayed as written, their clock would run backwards and every windowed row after
 * the first would be late.
 *
 * The file is indexed once (blockIndex: one pass of the reader, started as the file opens), then
 * read block by block from the last to the first, each block's rows handed out in reverse. Memory
 * is one block, whatever the file's size. Rejected rows keep their real lines and are placed in
 * reverse order too; counts are exact. Seeks are in replay order: row n is the n-th row from the
 * end of the file; a time seek starts at the earliest block holding rows at or after the time.
 *
 * Given a byte range, it reads only that part of the file as if it were the whole: one location's
 * run of a file grouped by location and written newest first, merged with the others by time
 * (mergedRunsSource).
 */
import type { RejectedRow, SeekTarget } from '../../../../shared/contract';
import type { TrafficRecord } from '../../../../shared/records';
import { handledElsewhere } from '../../supervision';
import { readCsvBatches, type ReaderCheckpoint } from '../csvBatchReader';
import { blockRows, indexBlocks, type BlockIndex, type ByteRange } from './blockIndex';
import type { ReadableFile } from './fileOrderSource';
import type { ReplayBatch, ReplaySource } from './replaySource';

interface SizedFile extends ReadableFile {
  sizeBytes: number;
}

interface BlockRows {
  records: TrafficRecord[];
  rejected: RejectedRow[];
}

export class ReversedFileSource implements ReplaySource {
  private readonly indexing = new AbortController();
  private readonly index: Promise<BlockIndex>;

  /** Where the rows end: the range's end, or the file's. */
  private readonly endByte: number;

  constructor(
    private readonly file: SizedFile,
    private readonly range: ByteRange | null = null,
  ) {
    this.endByte = range?.end ?? file.sizeBytes;
    // Started as the file opens, so a replay started a moment later finds it done or nearly.
    this.index = indexBlocks(file, this.indexing.signal, range);
    this.index.catch(handledElsewhere); // a failure shows when a replay asks for the rows
  }

  dispose(): void {
    this.indexing.abort();
  }

  async *rows(seek: SeekTarget | null, signal: AbortSignal): AsyncGenerator<ReplayBatch> {
    const index = await untilAborted(this.index, signal);
    const { points, rows: total } = index;
    if (points.length === 0) return;
    const start = startBlock(index, seek);
    // Rows of the blocks after the start block (earlier in replay order) are passed over whole.
    let skipped = total - blockRows(index, start).to;
    let seeking = seek;
    for (let i = start; i >= 0 && !signal.aborted; i--) {
      const { from, to } = blockRows(index, i);
      const block = to > from ? await this.readBlock(index, i, signal) : { records: [], rejected: [] };
      const records = block.records.reverse();
      const rejected = block.rejected.reverse();
      if (seeking !== null) {
        const passed = dropBeforeTarget(records, rejected, seeking, total - to);
        skipped += passed.dropped;
        if (passed.reached) seeking = null;
      }
      yield {
        records,
        rejected,
        rejectedAt: rejected.length === 0 ? [] : positionsNewestFirst(records, rejected),
        bytesRead: this.endByte - (points[i] as ReaderCheckpoint).byte,
        rowsSoFar: total - from,
        skipped,
      };
      skipped = 0;
    }
  }

  /** Block `i`'s rows in file order: read from its checkpoint to the next one, as the index pass read them. */
  private async readBlock(index: BlockIndex, i: number, signal: AbortSignal): Promise<BlockRows> {
    const point = index.points[i] as ReaderCheckpoint;
    const next = index.points[i + 1];
    const expected = blockRows(index, i);
    const exact = await this.read(point, next, next?.byte ?? this.range?.end, signal);
    if (exact.records.length + exact.rejected.length === expected.to - expected.from) return exact;
    // The block's end was not a clean cut for the reader (a row it resynchronised across the
    // boundary): read on past it (to the end of the range) and keep the block's lines only.
    return this.read(point, next, this.range?.end, signal);
  }

  private async read(point: ReaderCheckpoint, next: ReaderCheckpoint | undefined, end: number | undefined, signal: AbortSignal): Promise<BlockRows> {
    const endLine = next?.line ?? Number.POSITIVE_INFINITY;
    const endRow = next?.row ?? Number.POSITIVE_INFINITY;
    const records: TrafficRecord[] = [];
    const rejected: RejectedRow[] = [];
    for await (const batch of readCsvBatches({ ...this.file, signal, start: point, ...(end === undefined ? {} : { end }) })) {
      for (const record of batch.records) if (record.line < endLine) records.push(record);
      for (const row of batch.rejected) if (row.line < endLine) rejected.push(row);
      if (batch.rowsSoFar >= endRow) break;
    }
    return { records, rejected };
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('The replay was stopped.'));
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(new Error('The replay was stopped.'));
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The block a replay from `seek` starts in (the last block of the file without one). */
function startBlock(index: BlockIndex, seek: SeekTarget | null): number {
  const last = index.points.length - 1;
  if (seek === null) return last;
  if (seek.kind === 'row') {
    // Replay row n is file row total - 1 - n: the block holding it.
    const fileRow = index.rows - 1 - seek.row;
    if (fileRow < 0) return 0;
    for (let i = last; i >= 0; i--) if ((index.points[i] as ReaderCheckpoint).row <= fileRow) return i;
    return 0;
  }
  // A block begins with its newest row: a block whose newest row is before the target holds
  // nothing at or after it. Start at the last block (in file order) not known to be such; one whose
  // first row has no time (a rejected start) cannot say, so the seek starts there and reads on.
  for (let i = last; i >= 0; i--) {
    const firstTime = (index.points[i] as ReaderCheckpoint).firstTime;
    if (firstTime === null || firstTime >= seek.time) return i;
  }
  return 0;
}

/**
 * Drops, from the start of a block's rows in replay order (both lists newest line first), the rows
 * before the seek target: for a row target, up to replay row `seek.row` (`before` rows come before
 * this block); for a time target, up to the first row at or after the time. `reached`: the target
 * is in this block (the blocks after it are read whole).
 */
function dropBeforeTarget(records: TrafficRecord[], rejected: RejectedRow[], seek: SeekTarget, before: number): { dropped: number; reached: boolean } {
  let r = 0;
  let j = 0;
  let rowIndex = before;
  let reached = false;
  for (;;) {
    const record = records[r];
    const rejectedRow = rejected[j];
    if (record === undefined && rejectedRow === undefined) break;
    const recordNext = record !== undefined && (rejectedRow === undefined || record.line > rejectedRow.line);
    if (seek.kind === 'row' ? rowIndex >= seek.row : recordNext && record.time !== null && record.time >= seek.time) {
      reached = true;
      break;
    }
    if (recordNext) r++;
    else j++;
    rowIndex++;
  }
  records.splice(0, r);
  rejected.splice(0, j);
  return { dropped: r + j, reached };
}

/** Where each rejected row falls among the records, both newest line first: after every record on a later line. */
function positionsNewestFirst(records: readonly TrafficRecord[], rejected: readonly RejectedRow[]): number[] {
  const at: number[] = [];
  let index = 0;
  for (const row of rejected) {
    while (index < records.length && (records[index] as TrafficRecord).line > row.line) index++;
    at.push(index);
  }
  return at;
}
