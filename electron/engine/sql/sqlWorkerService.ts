/**
 * The SQL worker's message loop, apart from the thread so tests can drive it: table work (restart,
 * retention, inserts) runs as messages arrive, except while a query or an export runs; then rows
 * queue (bounded by retention) and go in after it. Jobs run one at a time, in order. Page requests
 * are answered at once, even while the query they page is still counting.
 */
import type { ColumnInfo } from '../../../shared/schema';
import { DEFAULT_SQL_SETTINGS, type SqlRetention } from '../../../shared/sql/sqlContract';
import { IngestQueue } from './ingestQueue';
import { decodeRowBatch } from './rowBatch';
import type { IngestCounts, LiveDatabase } from './liveDatabase';
import type { FromSqlWorker, ToSqlWorker } from './sqlWorkerMessages';

type Job = Extract<ToSqlWorker, { kind: 'run' } | { kind: 'export' }>;

export class SqlWorkerService {
  private readonly queue = new IngestQueue();
  private readonly jobs: Job[] = [];
  private pendingRestart: ColumnInfo[] | null = null;
  private retention: SqlRetention = DEFAULT_SQL_SETTINGS.retention;
  private retentionChanged = false;
  private generation = 0;
  private busy = false;

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
        break;
      case 'retention':
        this.retention = message.retention;
        this.retentionChanged = true;
        break;
      case 'rows':
        this.queue.push(decodeRowBatch(message.bytes));
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

  private postObjects(): void {
    this.post({ kind: 'objects', objects: this.db.objects() });
  }

  private async runJob(job: Job): Promise<void> {
    this.post({ kind: 'started', jobId: job.kind === 'run' ? job.queryId : job.jobId });
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
