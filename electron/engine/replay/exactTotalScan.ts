/**
 * The background read of the whole file that gives the exact row count (quoted line breaks and all)
 * and the whole time range (an unsorted file's first and last rows do not bound it) long before a
 * replay would. Only the first result counts; a scan that fails leaves the estimates.
 */
import type { Pace } from '../../../shared/contract';
import { scanFile } from '../source';
import type { OpenedFile } from '../source';
import { logFailure } from '../supervision';
import type { TimeRange } from './loopTimeline';

/** What a finished scan found. */
export interface ScannedFile {
  rows: number;
  timeRange: TimeRange | null;
}

export class ExactTotalScan {
  /** The scan under way; null once it is done or stopped. */
  private running: { abort: AbortController; segments: number | undefined } | null = null;

  constructor(
    private readonly file: OpenedFile,
    /** The scan worker's script; null scans in this thread. */
    private readonly workerPath: string | null,
    /** Called with the file's row count and time range when a scan completes. */
    private readonly counted: (scanned: ScannedFile) => void,
  ) {}

  /** `segments` undefined: on all cores (a file just opened, nothing else running). */
  start(segments: number | undefined): void {
    const abort = new AbortController();
    const scan = { abort, segments };
    this.running = scan;
    const file = this.file.sniffed;
    scanFile({ path: file.path, dialect: file.dialect, schema: this.file.schema, workerPath: this.workerPath, signal: abort.signal, ...(segments === undefined ? {} : { segments }) })
      .then((profile) => {
        if (this.running === scan) this.running = null;
        this.counted({ rows: profile.rows, timeRange: profile.timeRange });
      })
      // The estimate stays; the replay itself will give the exact count. A scan this object stopped
      // (the file replaced, a full-speed replay taking over) did not fail: nothing to log.
      .catch((error: unknown) => {
        if (!abort.signal.aborted) logFailure('file scan', 'the whole-file count failed, so the total stays an estimate')(error);
      });
  }

  /**
   * A replay needs a core and its share of memory (on two cores a scan on every core beside a
   * full-speed replay of a 1 GB file took the process past 300 MB). At full speed the replay is
   * itself the quickest way through the file, so a scan still running stops; at a pace, which
   * leaves the machine mostly idle, it goes on in one background thread.
   */
  narrow(pace: Pace): void {
    const scan = this.running;
    if (!scan || scan.segments === 1) return;
    scan.abort.abort();
    this.running = null;
    if (pace.mode !== 'fast') this.start(1);
  }

  stop(): void {
    this.running?.abort.abort();
    this.running = null;
  }
}
