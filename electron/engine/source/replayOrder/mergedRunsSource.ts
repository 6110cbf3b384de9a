/**
 * The rows of a file grouped by location, replayed in event-time order: a k-way merge of its
 * per-location runs. Each run is read by its own cursor (the ordinary streaming reader started at
 * the run's first byte and line); a binary heap holds one entry per run and always hands out the
 * earliest next record, ties to the earlier run. Memory is one block per run plus one merged
 * batch, whatever the file's size.
 *
 * Rejected rows have no time: each comes out just before the next record of its own run (after
 * the run's earlier records), with its real line. Counts stay exact: every row of every run is
 * delivered, rejected or skipped exactly once.
 *
 * Seek by time: every run starts at its nearest known block at or before the target (learnt as
 * the runs were read, as in file order) and skips to its first row at or after it; a run that
 * ends before the target is not read at all.
 *
 * A file grouped by location whose runs are each written newest first is merged the same way,
 * each run read from its own end (a ReversedFileSource over its bytes, indexed as the file opens).
 */
import { getMaxListeners, setMaxListeners } from 'node:events';
import type { RejectedRow, SeekTarget } from '../../../../shared/contract';
import type { TrafficRecord } from '../../../../shared/records';
import { CheckpointIndex } from '../checkpointIndex';
import { readCsvBatches, type ReaderCheckpoint } from '../csvBatchReader';
import type { LocationRun } from './findLocationRuns';
import type { ReadableFile } from './fileOrderSource';
import { linesAt } from './linesAt';
import type { MergeCursor } from './mergeCursor';
import { ReversedFileSource } from './reversedFileSource';
import { ReversedRunCursor } from './reversedRunCursor';
import { RunCursor } from './runCursor';
import { RunHeap } from './runHeap';
import type { ReplayBatch, ReplaySource } from './replaySource';
import { handledElsewhere } from '../../supervision';

/** Rows per merged batch: about one reader block's worth. */
const MERGED_BATCH = 4096;

interface MergedFile extends ReadableFile {
  sizeBytes: number;
  /** Rows the file is thought to hold, for a run skipped by a seek before it was ever read. */
  estimatedRows: number;
}

export class MergedRunsSource implements ReplaySource {
  /** The line each run starts on; counted once, in the background from the moment the file opens. */
  private startLines: Promise<number[]> | null = null;
  /** Per run: where reading may resume (learnt while reading), and its row count once read whole. */
  private readonly checkpoints: CheckpointIndex[];
  private readonly runRows: (number | null)[];
  /** Runs written newest first: each one's backward reader, made once its first line is known. */
  private backwards: Promise<ReversedFileSource[]> | null = null;
  private disposed = false;

  constructor(
    private readonly file: MergedFile,
    readonly runs: readonly LocationRun[],
    private readonly newestFirst = false,
  ) {
    this.checkpoints = runs.map(() => new CheckpointIndex());
    this.runRows = runs.map(() => null);
    // A failure shows when a replay asks for them.
    if (newestFirst) this.backwardReaders().catch(handledElsewhere);
    else this.lines().catch(handledElsewhere);
  }

  dispose(): void {
    this.disposed = true;
    void this.backwards?.then((sources) => sources.forEach((source) => source.dispose()), handledElsewhere);
  }

  /** One backward reader per run, each indexing its run's blocks from the moment the file opens. */
  private backwardReaders(): Promise<ReversedFileSource[]> {
    this.backwards ??= this.lines().then((lines) => {
      const sources = this.runs.map(
        (run, i) => new ReversedFileSource(this.file, { start: { byte: run.start, line: lines[i] as number, row: 0, timeline: null, firstTime: null }, end: run.end }),
      );
      if (this.disposed) sources.forEach((source) => source.dispose());
      return sources;
    });
    this.backwards.catch(() => {
      this.backwards = null; // try again with the next replay
    });
    return this.backwards;
  }

  private lines(): Promise<number[]> {
    if (!this.startLines) {
      this.startLines = linesAt(
        this.file.path,
        this.file.dialect.newline,
        this.runs.map((run) => run.start),
      );
      this.startLines.catch(() => {
        this.startLines = null; // try again with the next replay
      });
    }
    return this.startLines;
  }

  private estimatedRowsOf(run: LocationRun): number {
    return Math.round(((run.end - run.start) * this.file.estimatedRows) / Math.max(1, this.file.sizeBytes));
  }

  async *rows(seek: SeekTarget | null, signal: AbortSignal): AsyncGenerator<ReplayBatch> {
    const lines = await this.lines();
    const backwards = this.newestFirst ? await this.backwardReaders() : null;
    // Each run's file stream listens for the abort: one listener per run is expected, not a leak.
    setMaxListeners(Math.max(getMaxListeners(signal), this.runs.length + 10), signal);
    const { path, dialect, schema } = this.file;
    const timeSeek = seek?.kind === 'time' ? seek : null;
    /** Rows of the merged order still to pass over (a seek to a row). */
    let rowsToSkip = seek?.kind === 'row' ? seek.row : 0;
    let skipped = 0;
    let passedBytes = 0;
    const cursors: MergeCursor[] = [];
    this.runs.forEach((run, i) => {
      if (timeSeek && run.lastTime < timeSeek.time) {
        skipped += this.runRows[i] ?? this.estimatedRowsOf(run);
        passedBytes += run.end - run.start;
        return;
      }
      const backward = backwards?.[i];
      if (backward) {
        cursors.push(new ReversedRunCursor(backward.rows(timeSeek, signal), i, run.start));
        return;
      }
      const runStart: ReaderCheckpoint = { byte: run.start, line: lines[i] as number, row: 0, timeline: null, firstTime: null };
      const start = (timeSeek ? this.checkpoints[i]?.before(timeSeek) : undefined) ?? runStart;
      skipped += start.row;
      const reader = readCsvBatches({ path, dialect, schema, signal, start, ...(timeSeek ? { skipUntil: timeSeek } : {}) });
      cursors.push(new RunCursor(this.watched(reader, i), i, lines[i + 1] ?? Number.POSITIVE_INFINITY, run.end, start.byte, start.row));
    });

    let records: TrafficRecord[] = [];
    let rejected: RejectedRow[] = [];
    let rejectedAt: number[] = [];
    /** Rows delivered and skipped in batches already handed out. */
    let delivered = 0;
    let skippedBefore = 0;
    const reject = (row: RejectedRow): void => {
      if (rowsToSkip > 0) {
        rowsToSkip--;
        skipped++;
        return;
      }
      rejected.push(row);
      rejectedAt.push(records.length);
    };
    const bytesRead = (): number => cursors.reduce((sum, cursor) => sum + cursor.bytesRead - (this.runs[cursor.order] as LocationRun).start, passedBytes);
    const batch = (): ReplayBatch => {
      delivered += records.length + rejected.length;
      for (const cursor of cursors) {
        skipped += cursor.skippedToReport;
        cursor.skippedToReport = 0;
      }
      skippedBefore += skipped;
      const out: ReplayBatch = { records, rejected, rejectedAt, bytesRead: bytesRead(), rowsSoFar: delivered + skippedBefore, skipped };
      skipped = 0;
      records = [];
      rejected = [];
      rejectedAt = [];
      return out;
    };

    const heap = new RunHeap<MergeCursor>();
    try {
      for (const cursor of cursors) if (await cursor.fill(reject)) heap.push(cursor);
      for (let cursor = heap.top; cursor; cursor = heap.top) {
        const record = cursor.take(reject);
        if (rowsToSkip > 0) {
          rowsToSkip--;
          skipped++;
        } else records.push(record);
        if (cursor.hasRecord || (await cursor.fill(reject))) heap.topChanged();
        else {
          heap.pop();
          this.learn(cursor);
        }
        if (records.length + rejected.length >= MERGED_BATCH) yield batch();
      }
      yield batch();
    } finally {
      await Promise.all(cursors.map((cursor) => cursor.close()));
    }
  }

  /** Keeps each run's block checkpoints, for seeking later. */
  private async *watched(reader: ReturnType<typeof readCsvBatches>, run: number): ReturnType<typeof readCsvBatches> {
    const end = (this.runs[run] as LocationRun).end;
    for await (const batch of reader) {
      if (batch.checkpoint.byte < end) this.checkpoints[run]?.add(batch.checkpoint);
      yield batch;
    }
  }

  private learn(cursor: MergeCursor): void {
    if (cursor.complete) this.runRows[cursor.order] = cursor.rowsRead;
  }
}
