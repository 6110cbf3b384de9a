/**
 * The SQL worker's message loop, apart from the thread so tests can drive it: table work (restart,
 * retention, inserts) runs as messages arrive, except while a query or an export runs; then rows
 * queue (bounded by retention) and go in after it. Jobs run one at a time, in order. Page requests
 * are answered at once, even while the query they page is still counting.
 */
import type { ColumnInfo } from '../../../shared/schema';
import { DEFAULT_SQL_SETTINGS, type SqlRetention } from '../../../shared/sql/sqlContract';
import { IngestQueue } from './ingestQueue';
import { decodeRowBatch } from './rowBatchCodec';
import { isWindowStatement, type IngestCounts, type LiveDatabase } from './liveDatabase';
import type { FromSqlWorker, ToSqlWorker } from './sqlWorkerMessages';

type Job = Extract<ToSqlWorker, { kind: 'run' } | { kind: 'export' } | { kind: 'window' } | { kind: 'declareWindows' } | { kind: 'recreateViews' }>;

/** Window counts go out at most this often while rows arrive. */
const WINDOWS_POST_MS = 200;

export class SqlWorkerService {
  private readonly queue = new IngestQueue();
  private readonly jobs: Job[] = [];
  private pendingRestart: ColumnInfo[] | null = null;
  private retention: SqlRetention = DEFAULT_SQL_SETTINGS.retention;
  private retentionChanged = false;
  private generation = 0;
  private busy = false;
  private windowsPostedAt = Number.NEGATIVE_INFINITY;
  private windowsTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: LiveDatabase,
    private readonly post: (message: FromSqlWorker) => void,
  ) {}

  receive(message: ToSqlWorker): void {
    switch (message.kind) {
      case 'page':
        this.db.page(message.queryId, message.offset, message.limit).then(
          (page) => this.post({ kind: 'page', requestId: message.requestId, page }),
          (error: unknown) => this.post({ kind: 'pageFailed', requestId: message.requestId, message: (error as Error).message }),
        );
        return;
      case 'restart':
        // Rows still queued belong to the run being replaced.
        this.queue.clear();
        this.generation = message.generation;
        this.pendingRestart = message.columns;
        // Windows start over at once: rows of the new run reach them as they arrive (below).
        this.db.windows.restart(message.columns);
        break;
      case 'retention':
        this.retention = message.retention;
        this.retentionChanged = true;
        break;
      case 'rows': {
        const batch = decodeRowBatch(message.bytes);
        // Every row through the windows now, whatever retention later does with it in the queue.
        this.db.windows.add(batch);
        this.queue.push(batch);
        break;
      }
      case 'end':
        if (message.generation === this.generation) this.db.windows.end();
        break;
      default:
        this.jobs.push(message);
    }
    if (this.busy) this.pruneQueue();
    else this.drain();
  }

  private drain(): void {
    if (this.pendingRestart) {
      this.db.restart(this.pendingRestart);
      this.pendingRestart = null;
      this.postObjects();
    }
    const counts: IngestCounts = { inserted: 0, evicted: 0, evictedForMemory: 0 };
    const add = (done: Partial<IngestCounts>): void => {
      counts.inserted += done.inserted ?? 0;
      counts.evicted += done.evicted ?? 0;
      counts.evictedForMemory += done.evictedForMemory ?? 0;
    };
    if (this.retentionChanged) {
      this.retentionChanged = false;
      add(this.db.setRetention(this.retention));
    }
    for (let batch = this.queue.shift(); batch; batch = this.queue.shift()) add(this.db.insert(batch));
    this.ack(counts);
    if (this.db.windows.size > 0) {
      this.db.windows.write();
      this.postWindows(false);
    }
    const job = this.jobs.shift();
    if (!job) return;
    this.busy = true;
    void this.runJob(job).finally(() => {
      this.busy = false;
      this.drain();
    });
  }

  private pruneQueue(): void {
    const dropped = this.queue.prune(this.retention, this.db.newestTime());
    if (dropped.rows === 0) return;
    this.db.skipped(dropped.maxTime);
    this.ack({ inserted: dropped.rows, evicted: dropped.rows, evictedForMemory: 0 });
  }

  private ack(counts: IngestCounts): void {
    if (counts.inserted === 0 && counts.evicted === 0) return;
    this.post({ kind: 'ingested', generation: this.generation, ...counts });
  }

  private windowsChanged(): void {
    this.postObjects();
    this.postWindows(true);
  }

  private postObjects(): void {
    this.post({ kind: 'objects', objects: this.db.objects() });
  }

  /** The windows' views: at once when `now` (declared, dropped), else at most every WINDOWS_POST_MS. */
  private postWindows(now: boolean): void {
    const wait = this.windowsPostedAt + WINDOWS_POST_MS - performance.now();
    if (!now && wait > 0) {
      this.windowsTimer ??= setTimeout(() => {
        this.windowsTimer = null;
        this.postWindows(true);
      }, wait);
      return;
    }
    this.windowsPostedAt = performance.now();
    this.post({ kind: 'windows', windows: this.db.windows.views(), specs: this.db.windows.specs() });
  }

  private async runJob(job: Job): Promise<void> {
    if (job.kind === 'window') {
      const outcome = this.db.windowStatement(job.sql);
      this.post({ kind: 'windowDone', requestId: job.requestId, outcome });
      this.windowsChanged();
      return;
    }
    if (job.kind === 'declareWindows') {
      this.db.redeclareWindows(job.specs);
      this.windowsChanged();
      return;
    }
    if (job.kind === 'recreateViews') {
      this.post({ kind: 'viewsRecreated', failed: this.db.recreateViews(job.views) });
      this.postObjects();
      return;
    }
    this.post({ kind: 'started', jobId: job.kind === 'run' ? job.queryId : job.jobId });
    if (job.kind === 'run' && isWindowStatement(job.sql)) {
      const started = performance.now();
      const outcome = this.db.windowStatement(job.sql);
      const elapsedMs = Math.round(performance.now() - started);
      const { queryId } = job;
      this.post({
        kind: 'result',
        result: outcome.ok
          ? { status: 'done', queryId, changes: 0, message: outcome.message, elapsedMs }
          : { status: 'error', queryId, error: { message: outcome.message, position: outcome.position }, elapsedMs },
      });
      this.post({ kind: 'finished', progress: { queryId, state: outcome.ok ? 'complete' : 'failed', rowsCounted: 0, keptRows: 0, elapsedMs } });
      this.windowsChanged();
      return;
    }
    if (job.kind === 'run') {
      await this.db.runQuery(job, {
        answer: (result) => this.post({ kind: 'result', result }),
        progress: (progress, final) => this.post({ kind: final ? 'finished' : 'progress', progress }),
        objectsChanged: () => this.postObjects(),
      });
    } else {
      const outcome = await this.db.exportCsv(job);
      this.post(
        outcome.ok
          ? { kind: 'exported', jobId: job.jobId, rows: outcome.rows }
          : { kind: 'exportFailed', jobId: job.jobId, failure: outcome.failure, message: outcome.message },
      );
    }
  }
}
