/**
 * Reads a whole CSV file once, in parallel, to know its profile exactly: rows, accepted and
 * rejected counts (with the first rejected rows), the event-time range and each numeric column's
 * range. The file is cut into byte segments at line breaks (planSegments), each scanned in its own
 * worker thread (scanSegment), and the summaries merged in file order.
 *
 * Correctness over speed: a cut is only a guess at a row start, because a quoted field may hold a
 * line break. Each segment finishes the row that crosses its end and says where it really ended;
 * when that is not where the next segment began, the next segment is scanned again from the true
 * start. The split time form is stateful (the month depends on every row before); its segments
 * are read without the month and placed on the timeline here (see splitRuns), and read again with
 * it in the rare case that placing cannot decide.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import type { RejectedRow } from '../../../../shared/contract';
import { headerPosition, type CsvDialect } from '../csvDialect';
import type { TimeRange } from '../fileTimeRange';
import type { TableSchema } from '../tableSchema';
import type { SplitTimelineState } from '../time/splitTimeline';
import { planSegments, type ByteSegment } from './planSegments';
import { runInThread, workerRunner, type SegmentRunner } from './runSegment';
import type { SegmentSummary, SegmentTask } from './segment';
import { MAX_LISTED_REJECTED } from './segmentTotals';
import { placeRuns, type PlacedRuns } from './splitRuns';

export interface ColumnRange {
  column: string;
  /** Null when the column holds no number in any accepted row. */
  min: number | null;
  max: number | null;
}

export interface FileProfile {
  /** Data rows, accepted and rejected: what a replay of the whole file reads. */
  rows: number;
  accepted: number;
  rejected: number;
  /** The first rejected rows, with their lines in the file. */
  rejectedRows: RejectedRow[];
  timeRange: TimeRange | null;
  /** Numeric columns only, in column order. */
  columns: ColumnRange[];
  /** Segments planned, and segments read a second time (a guessed cut, or an undecidable month). */
  segments: number;
  rescanned: number;
}

export interface ScanFileOptions {
  path: string;
  dialect: CsvDialect;
  schema: TableSchema;
  signal?: AbortSignal;
  /** The scan worker's script (the engine's option); null or absent scans in this thread. */
  workerPath?: string | null;
  /** Segments (one worker each); defaults to the cores available, at most 4, one for small files. */
  segments?: number;
}

/** Below this a file is read in one segment: starting workers would cost more than they save. */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;
const MAX_DEFAULT_SEGMENTS = 4;

function segmentCount(options: ScanFileOptions, size: number, workerPath: string | null): number {
  if (options.segments !== undefined) return Math.max(1, Math.floor(options.segments));
  if (workerPath === null || size < MIN_PARALLEL_BYTES) return 1;
  return Math.min(availableParallelism(), MAX_DEFAULT_SEGMENTS);
}

class ProfileBuilder {
  readonly profile: FileProfile;
  private readonly numeric: number[];
  private readonly min: (number | null)[];
  private readonly max: (number | null)[];

  constructor(
    private readonly schema: TableSchema,
    segments: number,
  ) {
    this.profile = { rows: 0, accepted: 0, rejected: 0, rejectedRows: [], timeRange: null, columns: [], segments, rescanned: 0 };
    this.numeric = schema.columns.flatMap((column, index) => (column.type === 'number' ? [index] : []));
    this.min = schema.columns.map(() => null);
    this.max = schema.columns.map(() => null);
  }

  add(summary: SegmentSummary, lineOffset: number, placed: PlacedRuns | null): void {
    const profile = this.profile;
    profile.rows += summary.rows;
    profile.accepted += summary.accepted;
    profile.rejected += summary.rejectedCount;
    for (const row of summary.rejected) {
      if (profile.rejectedRows.length >= MAX_LISTED_REJECTED) break;
      profile.rejectedRows.push({ ...row, line: row.line + lineOffset });
    }
    this.addTime(placed ? placed.first : summary.firstTime, placed ? placed.last : summary.lastTime);
    for (const index of this.numeric) {
      this.min[index] = combine(this.min[index] ?? null, summary.columnMin[index] ?? null, Math.min);
      this.max[index] = combine(this.max[index] ?? null, summary.columnMax[index] ?? null, Math.max);
    }
  }

  private addTime(first: number | null, last: number | null): void {
    if (first === null || last === null) return;
    const range = this.profile.timeRange;
    this.profile.timeRange = range ? { first: Math.min(range.first, first), last: Math.max(range.last, last) } : { first, last };
  }

  finish(): FileProfile {
    this.profile.columns = this.numeric.map((index) => ({
      column: (this.schema.columns[index] as { name: string }).name,
      min: this.min[index] ?? null,
      max: this.max[index] ?? null,
    }));
    return this.profile;
  }
}

/** Combines two optional values with `pick` (min or max); a missing one yields the other. */
function combine(a: number | null, b: number | null, pick: (x: number, y: number) => number): number | null {
  return a === null ? b : b === null ? a : pick(a, b);
}

function initialTimeline(schema: TableSchema): SplitTimelineState | undefined {
  const time = schema.time;
  return time?.kind === 'split' ? { year: time.anchorYear, month: time.anchorMonth, lastDay: 0 } : undefined;
}

export async function scanFile(options: ScanFileOptions): Promise<FileProfile> {
  const { path, dialect, schema } = options;
  const size = (await stat(path)).size;
  const workerPath = options.workerPath ?? null;
  // Title lines above the header are no rows: the first segment starts at the header.
  const header = headerPosition(dialect);
  const plan: ByteSegment[] = (await planSegments(path, size, dialect, segmentCount(options, size, workerPath)))
    .filter((segment) => segment.end > header.byte)
    .map((segment) => ({ start: Math.max(segment.start, header.byte), end: segment.end }));
  const run: SegmentRunner = workerPath !== null && plan.length > 1 ? workerRunner(workerPath) : runInThread;

  // One failing segment stops the others; so does the caller's signal.
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  options.signal?.addEventListener('abort', stop);
  if (options.signal?.aborted) stop();
  const task = (segment: ByteSegment, timeline: SplitTimelineState | undefined): SegmentTask => ({
    path,
    dialect,
    schema,
    start: segment.start,
    end: segment.end,
    ...(timeline ? { timeline } : {}),
  });
  try {
    // Only the first segment knows the split form's month; the others keep runs (see splitRuns).
    let timeline = initialTimeline(schema);
    const speculative = plan.map((segment, k) => run(task(segment, k === 0 ? timeline : undefined), controller.signal));
    const summaries = await Promise.all(speculative.map((promise) => promise.catch((error: unknown) => (stop(), Promise.reject(error)))));

    const builder = new ProfileBuilder(schema, plan.length);
    let at = header.byte; // where the next row truly starts
    // The first segment counts lines from the file's first, title lines included (scanSegment).
    let lineOffset = 0;
    for (let k = 0; k < plan.length && at < size; k++) {
      const segment = plan[k] as ByteSegment;
      if (segment.end <= at) continue; // the row crossing into it was finished by the segment before
      let summary = summaries[k] as SegmentSummary;
      if (summary.start !== at) {
        // Its cut was inside a quoted field: read it again from where that row really ended.
        summary = await run(task({ start: at, end: segment.end }, timeline), controller.signal);
        builder.profile.rescanned++;
      }
      let placed: PlacedRuns | null = null;
      if (summary.splitRuns) {
        placed = placeRuns(summary.splitRuns, timeline as SplitTimelineState, schema.time?.kind === 'split' && schema.time.newestFirst === true);
        if (!placed) {
          summary = await run(task({ start: at, end: segment.end }, timeline), controller.signal);
          builder.profile.rescanned++;
        }
      }
      if (timeline) timeline = placed ? placed.end : (summary.timelineEnd ?? timeline);
      builder.add(summary, lineOffset, placed);
      if (summary.lines === null) break; // it ran to the end of the file
      at = summary.end;
      lineOffset += summary.lines;
    }
    return builder.finish();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    controller.abort(); // ends any worker still running after a failure
  }
}
