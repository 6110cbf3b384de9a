/**
 * The SQL live table as the engine sees it: rows go in, buffered and posted in batches to the SQL
 * worker; queries go out and come back a page at a time. Nothing here waits for the worker, so a
 * replay at full speed is never held up by a query.
 *
 * A query that scans the live table stops by itself when cancelled or timed out (see
 * liveDatabase.ts). One that does not (an endless recursive CTE) cannot be stopped from inside
 * SQLite; when it has not answered by its deadline plus a grace period, the worker is replaced by a
 * fresh one. The rows it held are lost (counted as evicted, and said so), new rows fill the new one.
 */
import { Worker } from 'node:worker_threads';
import { CommandError } from '../../../shared/envelope';
import type { ColumnInfo } from '../../../shared/schema';
import {
  DEFAULT_SQL_SETTINGS,
  LIVE_TABLE,
  type SqlObject,
  type SqlPage,
  type SqlQueryProgress,
  type SqlResult,
  type SqlSettings,
  type SqlTableView,
} from '../../../shared/sql/sqlContract';
import type { FeedEntry } from '../stages/feedWindow';
import { IngestCounters } from './ingestCounters';
import type { StopReason } from './jobStopper';
import { liveTableLayout, type LiveTableLayout } from './liveTableSchema';
import { RowBatchBuilder } from './rowBatch';
import { secondsText } from './secondsText';
import type { FromSqlWorker, SqlWorkerData, ToSqlWorker } from './sqlWorkerMessages';
import { sqlWasmPath } from './sqlWasmPath';
import { StopFlags, type StopKind } from './stopFlags';

interface WorkerConfig {
  workerPath: string | null;
  wasmPath?: string;
}

let workerConfig: WorkerConfig = { workerPath: null };

/** The built worker script and sql.js's wasm, set once at engine start; null: SQL is unavailable. */
export function configureSqlWorker(options: WorkerConfig): void {
  workerConfig = { ...options };
}

/** Rows per posted batch: per-batch costs vanish per row, and a batch is still small to clone. */
export const BATCH_ROWS = 8192;
/** Rows that arrive slowly still reach the table this soon. */
export const FLUSH_MS = 100;
export const DEFAULT_RESTART_GRACE_MS = 3000;
/** After the last insert, one more view update so the insert rate is seen to fall to 0. */
const RATE_IDLE_MS = 2100;

interface Stop {
  reason: StopReason;
  message: string;
}

interface QueryJob {
  kind: 'query';
  id: number;
  message: Extract<ToSqlWorker, { kind: 'run' }>;
  resolve: (result: SqlResult) => void;
  answered: boolean;
  started: boolean;
  stop: Stop | null;
  timer: NodeJS.Timeout | null;
}

interface ExportJob {
  kind: 'export';
  id: number;
  message: Extract<ToSqlWorker, { kind: 'export' }>;
  resolve: (value: { rows: number }) => void;
  reject: (error: Error) => void;
  started: boolean;
  stop: Stop | null;
  timer: NodeJS.Timeout | null;
}

type Job = QueryJob | ExportJob;

/** The newest result: the only one that can be paged or exported. */
interface NewestResult {
  queryId: number;
  sql: string;
  answer: Promise<SqlResult>;
  /** Its kept rows went with a replaced worker. */
  lost: boolean;
}

const FINAL_STATE: Record<SqlResult['status'], SqlQueryProgress['state']> = { rows: 'complete', done: 'complete', error: 'failed', cancelled: 'cancelled' };

const REPLACED: Stop = { reason: 'user', message: 'Replaced by a newer query.' };
const CANCELLED: Stop = { reason: 'user', message: 'Query cancelled.' };
const EXPORT_CANCELLED: Stop = { reason: 'user', message: 'Export cancelled; no file was written.' };

export interface LiveTableOptions {
  settings?: SqlSettings;
  onChange: () => void;
  /** How long past a query's deadline (or a cancel) the worker may stay silent before it is replaced. */
  restartGraceMs?: number;
}

export class LiveTable {
  private readonly onChange: () => void;
  private readonly graceMs: number;
  private settings: SqlSettings;
  private state: SqlTableView['state'] = 'starting';
  private message: string | null = null;
  private columns: ColumnInfo[] = [];
  private layout: LiveTableLayout = liveTableLayout([]);
  private objects: SqlObject[] = [];
  private worker: Worker | null = null;
  private workerReady = false;
  private disposed = false;
  private generation = 0;
  private readonly flags = new StopFlags();
  private readonly counters = new IngestCounters();
  private readonly builder = new RowBatchBuilder(BATCH_ROWS);
  private flushTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextJobId = 0;
  private nextRequestId = 0;
  private readonly jobs = new Map<number, Job>();
  private readonly pages = new Map<number, { resolve: (page: SqlPage) => void; reject: (error: Error) => void }>();
  private newest: NewestResult | null = null;
  private progress: SqlQueryProgress | null = null;
  private progressSince = 0;

  constructor(options: LiveTableOptions) {
    this.onChange = options.onChange;
    this.settings = options.settings ?? DEFAULT_SQL_SETTINGS;
    this.graceMs = options.restartGraceMs ?? DEFAULT_RESTART_GRACE_MS;
    // Started on first use: the engine configures the worker before it feeds the table.
  }

  restart(columns: readonly ColumnInfo[]): void {
    this.columns = [...columns];
    this.layout = liveTableLayout(this.columns);
    this.generation++;
    this.counters.reset();
    this.builder.clear();
    this.clearFlushTimer();
    if (this.worker) this.post({ kind: 'restart', generation: this.generation, columns: this.columns });
    else this.ensureStarted();
    this.onChange();
  }

  append(entries: readonly FeedEntry[]): void {
    if (entries.length === 0 || !this.ensureStarted()) return;
    this.counters.delivered += entries.length;
    // One clock read per call: rows handed over together share their ingest time.
    const now = Date.now();
    const builder = this.builder;
    for (let i = 0; i < entries.length; i++) {
      builder.add(entries[i] as FeedEntry, now);
      if (builder.full) this.flush();
    }
    if (builder.size > 0 && !this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  async run(sql: string, pageSize: number): Promise<SqlResult> {
    this.ensureStarted();
    this.assertAvailable();
    this.stopJobs('query', REPLACED);
    // The query sees every row delivered before it.
    this.flush();
    if (this.state === 'ready') this.message = null;
    const id = ++this.nextJobId;
    const message: ToSqlWorker = { kind: 'run', queryId: id, sql, pageSize, timeoutMs: this.settings.timeoutSeconds * 1000 };
    const answer = new Promise<SqlResult>((resolve) => {
      this.jobs.set(id, { kind: 'query', id, message, resolve, answered: false, started: false, stop: null, timer: null });
    });
    this.newest = { queryId: id, sql, answer, lost: false };
    this.progress = { queryId: id, state: 'running', rowsCounted: 0, keptRows: 0, elapsedMs: 0 };
    this.progressSince = performance.now();
    this.post(message);
    this.onChange();
    return answer;
  }

  async page(queryId: number, offset: number, limit: number): Promise<SqlPage> {
    this.assertAvailable();
    const newest = this.newestResult(queryId);
    const result = await newest.answer;
    if (result.status !== 'rows') throw new CommandError('BAD_STATE', `Query ${queryId} returned no rows to page.`);
    if (newest.lost) throw new CommandError('BAD_STATE', 'This result was lost when the SQL worker restarted; run the query again.');
    this.newestResult(queryId);
    this.assertAvailable();
    const requestId = ++this.nextRequestId;
    return new Promise((resolve, reject) => {
      this.pages.set(requestId, { resolve, reject });
      this.post({ kind: 'page', requestId, queryId, offset, limit });
    });
  }

  cancel(): boolean {
    const queries = this.stopJobs('query', CANCELLED);
    const exports = this.stopJobs('export', EXPORT_CANCELLED);
    return queries || exports;
  }

  configure(settings: SqlSettings): void {
    this.settings = settings;
    if (this.worker) this.post({ kind: 'retention', retention: settings.retention });
    this.onChange();
  }

  async exportCsv(queryId: number, path: string): Promise<{ rows: number }> {
    this.assertAvailable();
    const newest = this.newestResult(queryId);
    const result = await newest.answer;
    if (result.status !== 'rows') throw new CommandError('BAD_STATE', 'Only a query that returns rows can be exported.');
    this.assertAvailable();
    this.flush();
    const id = ++this.nextJobId;
    const message: ToSqlWorker = { kind: 'export', jobId: id, sql: newest.sql, path };
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { kind: 'export', id, message, resolve, reject, started: false, stop: null, timer: null });
      this.post(message);
    });
  }

  view(): SqlTableView {
    const counters = this.counters;
    const progress = this.progress;
    return {
      table: LIVE_TABLE,
      state: this.state,
      message: this.message,
      columns: this.layout.columns,
      rowsHeld: counters.held,
      rowsInserted: counters.inserted,
      rowsEvicted: counters.evicted,
      rowsEvictedForMemory: counters.evictedForMemory,
      rowsPending: counters.pending,
      ingestRowsPerSecond: counters.rate(),
      settings: this.settings,
      query: progress && progress.state === 'running' ? { ...progress, elapsedMs: Math.round(performance.now() - this.progressSince) } : progress,
      objects: this.objects,
    };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.clearFlushTimer();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.endAllJobs(new CommandError('BAD_STATE', 'The SQL console closed.'), 'The SQL console closed.');
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners();
      await worker.terminate();
    }
  }

  // ── worker lifecycle ──────────────────────────────────────────────────────────────────────

  /** Starts the worker if there is none; false when SQL is unavailable (or the table disposed). */
  private ensureStarted(): boolean {
    if (this.disposed || this.state === 'failed') return false;
    if (this.worker) return true;
    const workerPath = workerConfig.workerPath;
    if (workerPath === null) {
      this.fail('SQL is unavailable: this engine was started without the SQL worker.');
      return false;
    }
    const data: SqlWorkerData = { wasmPath: workerConfig.wasmPath ?? sqlWasmPath(), stopFlags: this.flags.buffer };
    let worker: Worker;
    try {
      worker = new Worker(workerPath, { workerData: data });
    } catch (error) {
      this.fail(`SQL is unavailable: the SQL worker (${workerPath}) could not start: ${(error as Error).message}`);
      return false;
    }
    this.worker = worker;
    this.workerReady = false;
    worker.on('message', (message: FromSqlWorker) => {
      if (this.worker === worker) this.receive(message);
    });
    worker.on('error', (error: Error) => {
      if (this.worker === worker) this.workerStopped(error.message);
    });
    worker.on('exit', (code: number) => {
      if (this.worker === worker) this.workerStopped(`exit code ${code}`);
    });
    this.post({ kind: 'restart', generation: this.generation, columns: this.columns });
    this.post({ kind: 'retention', retention: this.settings.retention });
    return true;
  }

  private workerStopped(detail: string): void {
    if (!this.workerReady) {
      this.fail(`SQL is unavailable: the SQL worker stopped while starting (${detail}).`);
      return;
    }
    this.replaceWorker(null, `The SQL worker stopped unexpectedly (${detail}) and was restarted`);
  }

  /** SQL is unavailable from now on: everything waiting fails, rows on their way are dropped. */
  private fail(message: string): void {
    this.state = 'failed';
    this.message = message;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
    this.clearFlushTimer();
    this.builder.clear();
    this.counters.dropPending();
    this.endAllJobs(new CommandError('SQL_UNAVAILABLE', message), message);
    this.onChange();
  }

  /**
   * A query would not stop (or the worker died): a fresh worker replaces it. The stopped jobs end
   * here, with the reason; jobs still waiting their turn go to the new worker.
   */
  private replaceWorker(culprit: Job | null, why: string): void {
    const old = this.worker;
    this.worker = null;
    if (old) {
      old.removeAllListeners();
      void old.terminate();
    }
    const { held, queued } = this.counters.workerLost();
    const lostObjects = this.objects.map((object) => object.name);
    this.objects = [];
    const waiting = queued > 0 ? `, and ${queued} rows waiting to be inserted` : '';
    const objects = lostObjects.length > 0 ? ` Your tables and views were lost: ${lostObjects.join(', ')}.` : '';
    const message = `${why}: ${held} held rows were dropped${waiting}. New rows fill the table again.${objects}`;

    const resend: Job[] = [];
    for (const job of [...this.jobs.values()]) {
      // Jobs still waiting their turn go to the new worker; the one that was running and any the
      // engine stopped end here.
      if (job !== culprit && job.stop === null && !job.started) {
        if (job.timer) clearTimeout(job.timer);
        job.timer = null;
        resend.push(job);
        continue;
      }
      const text = job === culprit || job.stop === null ? message : job.stop.message;
      if (job.kind === 'export') {
        this.finishJob(job);
        job.reject(new CommandError('BAD_STATE', text));
      } else if (job === culprit || job.stop) {
        this.endQuery(job, { status: 'cancelled', queryId: job.id, reason: job.stop?.reason ?? 'timeout', message: text, elapsedMs: this.elapsedOf(job) });
      } else {
        // It was running when the worker died: perhaps what killed it, so it is not run again.
        this.endQuery(job, { status: 'error', queryId: job.id, error: { message: text, position: null }, elapsedMs: this.elapsedOf(job) });
      }
    }
    this.rejectPages(new CommandError('BAD_STATE', 'The SQL worker restarted; run the query again.'));
    if (this.newest && !resend.some((job) => job.id === this.newest?.queryId)) this.newest.lost = true;

    this.state = 'restarting';
    this.message = message;
    if (this.ensureStarted()) {
      for (const job of resend) this.post(job.message);
    }
    this.onChange();
  }

  // ── messages from the worker ──────────────────────────────────────────────────────────────

  private receive(message: FromSqlWorker): void {
    switch (message.kind) {
      case 'ready':
        this.workerReady = true;
        this.state = 'ready';
        this.onChange();
        return;
      case 'unavailable':
        this.fail(`SQL is unavailable: ${message.message}`);
        return;
      case 'ingested':
        if (message.generation !== this.generation) return;
        this.counters.acked(message.inserted, message.evicted, message.evictedForMemory);
        this.refreshWhenIdle();
        this.onChange();
        return;
      case 'objects':
        this.objects = message.objects;
        this.onChange();
        return;
      case 'started':
        this.jobStarted(message.jobId);
        return;
      case 'result':
        this.answered(message.result);
        return;
      case 'progress':
      case 'finished':
        this.progressed(message.progress, message.kind === 'finished');
        return;
      case 'page':
      case 'pageFailed': {
        const waiting = this.pages.get(message.requestId);
        if (!waiting) return;
        this.pages.delete(message.requestId);
        if (message.kind === 'page') waiting.resolve(message.page);
        else waiting.reject(new CommandError('BAD_STATE', message.message));
        return;
      }
      case 'exported':
      case 'exportFailed': {
        const job = this.jobs.get(message.jobId);
        if (job?.kind !== 'export') return;
        this.finishJob(job);
        if (message.kind === 'exported') job.resolve({ rows: message.rows });
        else if (message.failure === 'file') job.reject(new Error(message.message));
        else if (message.failure === 'cancelled') job.reject(new CommandError('BAD_STATE', message.message));
        else job.reject(new CommandError('BAD_STATE', `The query failed when run again for the export: ${message.message}`));
      }
    }
  }

  private jobStarted(jobId: number): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    job.started = true;
    if (job.stop) this.armRestart(job, this.graceMs);
    else if (job.kind === 'query') this.armRestart(job, job.message.timeoutMs + this.graceMs);
    if (job.kind === 'query' && this.progress?.queryId === jobId) this.progressSince = performance.now();
  }

  private answered(result: SqlResult): void {
    const job = this.jobs.get(result.queryId);
    if (job?.kind !== 'query' || job.answered) return;
    // A stop the engine asked for carries the engine's reason ("replaced by a newer query").
    const final = result.status === 'cancelled' && result.reason === 'user' && job.stop ? { ...result, message: job.stop.message } : result;
    job.answered = true;
    // An answer that is the whole outcome ends the query now, before its 'finished' arrives.
    if (result.status !== 'rows' || result.complete) {
      this.finishJob(job);
      if (this.progress?.queryId === result.queryId) {
        const counted = result.status === 'rows' ? result.rowsCounted : 0;
        this.progress = { queryId: result.queryId, state: FINAL_STATE[result.status], rowsCounted: counted, keptRows: counted, elapsedMs: result.elapsedMs };
        this.onChange();
      }
    }
    job.resolve(final);
  }

  private progressed(progress: SqlQueryProgress, final: boolean): void {
    if (this.progress?.queryId === progress.queryId) {
      this.progress = progress;
      this.onChange();
    }
    if (!final) return;
    const job = this.jobs.get(progress.queryId);
    if (job) this.finishJob(job);
  }

  // ── jobs ──────────────────────────────────────────────────────────────────────────────────

  /** Stops every unfinished job of `kind`; true when there was one. */
  private stopJobs(kind: StopKind, stop: Stop): boolean {
    let newestId = 0;
    for (const job of this.jobs.values()) {
      if (job.kind !== kind || job.stop) continue;
      job.stop = stop;
      newestId = Math.max(newestId, job.id);
      if (job.started) this.armRestart(job, this.graceMs);
    }
    if (newestId === 0) return false;
    this.flags.stop(kind, newestId);
    return true;
  }

  private armRestart(job: Job, afterMs: number): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      job.timer = null;
      if (!this.jobs.has(job.id)) return;
      const what = job.kind === 'export' ? 'The cancelled export' : job.stop ? 'The cancelled query' : 'The query';
      const when = job.stop ? `within ${secondsText(this.graceMs)}` : `at its ${secondsText(job.kind === 'query' ? job.message.timeoutMs : 0)} timeout`;
      this.replaceWorker(job, `${what} did not stop ${when}, so the SQL worker was restarted`);
    }, afterMs);
    job.timer.unref();
  }

  private finishJob(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    this.jobs.delete(job.id);
  }

  /** Ends a query the worker will never answer for. */
  private endQuery(job: QueryJob, result: Extract<SqlResult, { status: 'cancelled' | 'error' }>): void {
    this.finishJob(job);
    if (!job.answered) {
      job.answered = true;
      job.resolve(result);
    }
    if (this.progress?.queryId === job.id && this.progress.state === 'running') {
      this.progress = { ...this.progress, state: FINAL_STATE[result.status], elapsedMs: this.elapsedOf(job) };
    }
  }

  private endAllJobs(error: CommandError, message: string): void {
    for (const job of [...this.jobs.values()]) {
      if (job.kind === 'query') this.endQuery(job, { status: 'cancelled', queryId: job.id, reason: 'user', message, elapsedMs: this.elapsedOf(job) });
      else {
        this.finishJob(job);
        job.reject(error);
      }
    }
    this.rejectPages(error);
    if (this.newest) this.newest.lost = true;
  }

  private rejectPages(error: Error): void {
    for (const waiting of this.pages.values()) waiting.reject(error);
    this.pages.clear();
  }

  private elapsedOf(job: Job): number {
    return this.progress?.queryId === job.id ? Math.round(performance.now() - this.progressSince) : 0;
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  private flush(): void {
    this.clearFlushTimer();
    if (this.builder.size === 0) return;
    const batch = this.builder.take();
    if (!this.worker) return;
    this.counters.posted += batch.values.length;
    this.worker.postMessage({ kind: 'rows', batch } satisfies ToSqlWorker, [batch.meta.buffer]);
    this.onChange();
  }

  private clearFlushTimer(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  private refreshWhenIdle(): void {
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => this.onChange(), RATE_IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private post(message: ToSqlWorker): void {
    this.worker?.postMessage(message);
  }

  private assertAvailable(): void {
    if (this.disposed) throw new CommandError('BAD_STATE', 'The SQL console closed.');
    if (this.state === 'failed') throw new CommandError('SQL_UNAVAILABLE', this.message ?? 'SQL is unavailable.');
  }

  private newestResult(queryId: number): NewestResult {
    const newest = this.newest;
    if (!newest || newest.queryId !== queryId) {
      throw new CommandError('BAD_STATE', `Result ${queryId} is gone: only the newest result (${newest?.queryId ?? 'none yet'}) is kept.`);
    }
    return newest;
  }
}
