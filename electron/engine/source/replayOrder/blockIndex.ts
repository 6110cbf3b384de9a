/**
 * Where every block of a file starts, for reading it backwards: one pass of the ordinary reader over
 * the whole file, keeping the checkpoint of each block it reads (byte, line, rows before it, the
 * split-time state). A block read again from its checkpoint gives exactly the rows the first pass
 * gave, because the reader and the parser are the same; only the rows are not kept. About a
 * kilobyte per megabyte of file.
 */
import { readCsvBatches, type ReaderCheckpoint } from '../csvBatchReader';
import type { ReadableFile } from './fileOrderSource';

/** Part of a file read as if it were the whole: from a row's checkpoint to a row boundary (exclusive). */
export interface ByteRange {
  start: ReaderCheckpoint;
  end: number;
}

export interface BlockIndex {
  /** One per block, in file order, strictly increasing bytes; the first is the file's start. */
  points: ReaderCheckpoint[];
  /** Data rows in the file (or the range), accepted and rejected. */
  rows: number;
}

/** `range`: index only these bytes (one location's run of a grouped file); null for the whole file. */
export async function indexBlocks(file: ReadableFile, signal: AbortSignal, range: ByteRange | null = null): Promise<BlockIndex> {
  const points: ReaderCheckpoint[] = [];
  let rows = 0;
  for await (const batch of readCsvBatches({ ...file, signal, ...(range ? { start: range.start, end: range.end } : {}) })) {
    const last = points[points.length - 1];
    // The reader yields only blocks with rows; a block it merges with the end of the file keeps its own start.
    if (last === undefined || batch.checkpoint.byte > last.byte) points.push(batch.checkpoint);
    rows = batch.rowsSoFar;
  }
  return { points, rows };
}

/** Rows of block `i`: from its checkpoint to the next one's (or the end of the file). */
export function blockRows(index: BlockIndex, i: number): { from: number; to: number } {
  const next = index.points[i + 1];
  return { from: (index.points[i] as ReaderCheckpoint).row, to: next === undefined ? index.rows : next.row };
}
