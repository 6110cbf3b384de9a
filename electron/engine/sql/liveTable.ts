/**
 * The SQL live table as the engine sees it: rows go in, buffered and posted in batches to the SQL
 * worker; queries go out and come back a page at a time. Nothing here waits for the worker, so a
 * replay at full speed is never held up by a query.
 *
 * A query that scans the live table stops by itself when cancelled or timed out (see
 * liveDatabase.ts). One that does not (an endless recursive CTE) cannot be stopped from inside
 * SQLite; when it has not answered by its deadline plus a grace period, the worker is replaced by a
 * fresh one, and the rows it held come back from the engine's copy of them (restorableRows.ts);
 * only the user's own tables and views, and rows past the copy's byte cap, are lost (and said so).
 *
 * Here: the row path, and what happens to the table when the worker starts, fails or is replaced.
 * Elsewhere: the worker thread (sqlWorkerHandle), jobs with their stops and timers (sqlJobs), the
 * query progress shown (queryProgress), the result that can be paged (newestResult) and page
 * requests waiting for the worker (pageRequests).
 */
import { CommandError } from '../../../shared/envelope';
import type { ColumnInfo } from '../../../shared/schema';
import {
  DEFAULT_SQL_SETTINGS,
  LIVE_TABLE,
  type SqlObject,
  type SqlPage,
  type SqlResult,
  type SqlSettings,
  type SqlTableView,
  type SqlWindowView,
} from '../../../shared/sql/sqlContract';
import type { WindowSpec } from '../../../shared/windows/windowContract';
import type { WindowOutcome } from './liveDatabase';
import type { FeedEntry } from '../stages';
import { IngestCounters } from './ingestCounters';
import { liveTableLayout, type LiveTableLayout } from './liveTableSchema';
import { NewestResult } from './newestResult';
import { PageRequests } from './pageRequests';
import { QueryProgress } from './queryProgress';
import { RestorableRows } from './restorableRows';
import { RowBatchBuilder } from './rowBatch';
import { encodeRowBatch } from './rowBatchCodec';
import { CANCELLED, DEFAULT_RESTART_GRACE_MS, EXPORT_CANCELLED, REPLACED, SqlJobs, type SqlJob } from './sqlJobs';
import { SqlWorkerHandle, type SqlWorkerScript } from './sqlWorkerHandle';
import type { FromSqlWorker } from './sqlWorkerMessages';
import { StopFlags } from './stopFlags';
import { engineLog } from '../supervision';
import { workerLostMessage } from './workerLostMessage';
import { WORKER_BATCH_ROWS, WORKER_FLUSH_MS } from '../workerBatching';

// Other modules and tests import these from here; they live with the concept they belong to.
export { DEFAULT_RESTART_GRACE_MS } from './sqlJobs';

/** After the last insert, one more view update so the insert rate is seen to fall to 0. */
const RATE_IDLE_MS = 2100;

/**
 * Rows posted to the SQL worker and not yet inserted before the replay waits for it (behind). With
 * windows declared at the data's own cadence (a 15-minute window on 15-minute counts inserts a
 * window row per row, a 1-hour window hopping every 15 minutes another), the worker inserts two or
 * three rows for each row replayed and falls behind a full-speed replay on two cores; unheld, the
 * batches in flight grew with the file (a million rows on the bench file). About 20 MB of batches.
 */
export const SQL_MAX_WAITING = 200_000;

export interface LiveTableOptions {
  settings?: SqlSettings;
  onChange: () => void;
  /** How long past a query's deadline (or a cancel) the worker may stay silent before it is replaced. */
  restartGraceMs?: number;
  /** The byte cap of the engine's copy of the held rows (restorableRows.ts). */
  restorableBytes?: number;
  /** The SQL worker's script; without one SQL is unavailable. */
  worker?: SqlWorkerScript;
  /** Rows the worker may fall behind before the replay waits; SQL_MAX_WAITING by default. */
  maxWaiting?: number;
}

export class LiveTable {
  private readonly onChange: () => void;
  private settings: SqlSettings;
  private state: SqlTableView['state'] = 'starting';
  private message: string | null = null;
  private columns: ColumnInfo[] = [];
  private layout: LiveTableLayout = liveTableLayout([]);
  private objects: SqlObject[] = [];
  /** Declared windows as the worker last reported them, and their declarations (re-sent to a replacement worker). */
  private windows: SqlWindowView[] = [];
  private windowSpecs: WindowSpec[] = [];
  private nextWindowRequest = 1;
  private readonly windowRequests = new Map<number, { resolve(outcome: WindowOutcome): void; reject(error: Error): void }>();
  private disposed = false;
  private generation = 0;
  private readonly flags = new StopFlags();
  private readonly sqlWorker: SqlWorkerHandle;
  private readonly progress = new QueryProgress();
  private readonly jobs: SqlJobs;
  private readonly pages = new PageRequests();
  private readonly newest = new NewestResult();
  private readonly counters = new IngestCounters();
  private readonly restorable: RestorableRows;
  private readonly builder = new RowBatchBuilder(WORKER_BATCH_ROWS);
  private flushTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly maxWaiting: number;

  constructor(options: LiveTableOptions) {
    this.onChange = options.onChange;
    this.maxWaiting = options.maxWaiting ?? SQL_MAX_WAITING;
    this.settings = options.settings ?? DEFAULT_SQL_SETTINGS;
    this.restorable = new RestorableRows(options.restorableBytes);
    this.sqlWorker = new SqlWorkerHandle(
      this.flags.buffer,
      {
        message: (message) => this.receive(message),
        stopped: (detail, wasReady) => this.workerStopped(detail, wasReady),
      },
      options.worker,
    );
    this.jobs = new SqlJobs({
      flags: this.flags,
      progress: this.progress,
      graceMs: options.restartGraceMs ?? DEFAULT_RESTART_GRACE_MS,
      overran: (job, why) => this.replaceWorker(job, why),
      changed: this.onChange,
    });
    // Started on first use, when the table is first fed.
  }

  restart(columns: readonly ColumnInfo[]): void {
    this.columns = [...columns];
    this.layout = liveTableLayout(this.columns);
    this.generation++;
    this.counters.reset();
    this.restorable.clear();
    this.builder.clear();
    this.clearFlushTimer();
    if (this.sqlWorker.running) this.sqlWorker.post({ kind: 'restart', generation: this.generation, columns: this.columns });
    else this.ensureStarted();
    this.onChange();
  }

  /**
   * The worker is maxWaiting rows or more behind: the replay waits (RowSink.behind). Never while a
   * query or export is pending: the worker inserts nothing until it ends, and a replay never waits
   * for a query (rows arriving meanwhile wait in the worker's queue, bounded by retention).
   */
  behind(): boolean {
    return this.sqlWorker.running && !this.jobs.pending && this.counters.posted - this.counters.inserted >= this.maxWaiting;
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
      this.flushTimer = setTimeout(() => this.flush(), WORKER_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** The run's last row came through (a replay finished): every open window closes. */
  end(): void {
    if (!this.sqlWorker.running) return;
    this.flush();
    this.sqlWorker.post({ kind: 'end', generation: this.generation });
  }

  /** CREATE WINDOW … / DROP WINDOW … from the Windows form: answered without touching the console's result. */
  async window(sql: string): Promise<WindowOutcome> {
    this.ensureStarted();
    this.assertAvailable();
    this.flush();
    const requestId = this.nextWindowRequest++;
    const outcome = new Promise<WindowOutcome>((resolve, reject) => this.windowRequests.set(requestId, { resolve, reject }));
    this.sqlWorker.post({ kind: 'window', requestId, sql });
    return outcome;
  }

  async run(sql: string, pageSize: number): Promise<SqlResult> {
    this.ensureStarted();
    this.assertAvailable();
    this.jobs.stop('query', REPLACED);
    // The query sees every row delivered before it.
    this.flush();
    if (this.state === 'ready') this.message = null;
    const { message, answer } = this.jobs.addQuery(sql, pageSize, this.settings.timeoutSeconds * 1000);
    this.newest.set(message.queryId, sql, answer);
    this.progress.begin(message.queryId);
    this.sqlWorker.post(message);
    this.onChange();
    return answer;
  }

  async page(queryId: number, offset: number, limit: number): Promise<SqlPage> {
    this.assertAvailable();
    const newest = this.newest.get(queryId);
    const result = await newest.answer;
    if (result.status !== 'rows') throw new CommandError('BAD_STATE', `Query ${queryId} returned no rows to page.`);
    if (newest.lost) throw new CommandError('BAD_STATE', 'This result was lost when the SQL worker restarted; run the query again.');
    // While the answer was awaited a newer query may have replaced this one, or SQL may have failed.
    this.newest.assertNewest(queryId);
    this.assertAvailable();
    return this.pages.request((requestId) => this.sqlWorker.post({ kind: 'page', requestId, queryId, offset, limit }));
  }

  cancel(): boolean {
    const queries = this.jobs.stop('query', CANCELLED);
    const exports = this.jobs.stop('export', EXPORT_CANCELLED);
    return queries || exports;
  }

  configure(settings: SqlSettings): void {
    this.settings = settings;
    if (this.sqlWorker.running) this.sqlWorker.post({ kind: 'retention', retention: settings.retention });
    this.onChange();
  }

  async exportCsv(queryId: number, path: string): Promise<{ rows: number }> {
    this.assertAvailable();
    const newest = this.newest.get(queryId);
    const result = await newest.answer;
    if (result.status !== 'rows') throw new CommandError('BAD_STATE', 'Only a query that returns rows can be exported.');
    this.assertAvailable();
    this.flush();
    const { message, done } = this.jobs.addExport(newest.sql, path);
    this.sqlWorker.post(message);
    return done;
  }

  view(): SqlTableView {
    const counters = this.counters;
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
      query: this.progress.view(),
      objects: this.objects,
      windows: this.windows,
    };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.clearFlushTimer();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.endAllJobs(new CommandError('BAD_STATE', 'The SQL console closed.'), 'The SQL console closed.');
    await this.sqlWorker.stop();
  }

  // ── the worker: started, failed, replaced ─────────────────────────────────────────────────

  /** Starts the worker if there is none; false when SQL is unavailable (or the table disposed). */
  private ensureStarted(): boolean {
    if (this.disposed || this.state === 'failed') return false;
    if (this.sqlWorker.running) return true;
    const unavailable = this.sqlWorker.start();
    if (unavailable !== null) {
      this.fail(unavailable);
      return false;
    }
    this.sqlWorker.post({ kind: 'restart', generation: this.generation, columns: this.columns });
    this.sqlWorker.post({ kind: 'retention', retention: this.settings.retention });
    // A replacement worker declares the windows again; its rows (restored next) fill them.
    if (this.windowSpecs.length > 0) this.sqlWorker.post({ kind: 'declareWindows', specs: this.windowSpecs });
    return true;
  }

  private workerStopped(detail: string, wasReady: boolean): void {
    if (!wasReady) {
      this.fail(`SQL is unavailable: the SQL worker stopped while starting (${detail}).`);
      return;
    }
    this.replaceWorker(null, `The SQL worker stopped unexpectedly (${detail}) and was restarted`);
  }

  /** SQL is unavailable from now on: everything waiting fails, rows on their way are dropped. */
  private fail(message: string): void {
    engineLog('sql worker', message);
    this.state = 'failed';
    this.message = message;
    void this.sqlWorker.stop();
    this.clearFlushTimer();
    this.builder.clear();
    this.restorable.clear();
    this.counters.dropPending();
    this.endAllJobs(new CommandError('SQL_UNAVAILABLE', message), message);
    this.onChange();
  }

  /**
   * A query would not stop (or the worker died): a fresh worker replaces it and gets the rows back
   * from the engine's copy. The stopped jobs end with the reason; jobs still waiting their turn go
   * to the new worker, after the rows, so they see the same table.
   */
  private replaceWorker(culprit: SqlJob | null, why: string): void {
    void this.sqlWorker.stop();
    const lost = this.counters.workerReplaced(this.restorable.rows);
    // Window tables are not lost: the new worker declares them again and refills them (ensureStarted).
    // Views come back from their statements; tables (their rows were the worker's alone) do not.
    const views = this.objects.flatMap((object) => (object.kind === 'view' && object.definition !== undefined ? [{ name: object.name, sql: object.definition }] : []));
    const lostObjects = this.objects.filter((object) => object.kind === 'table' || (object.kind === 'view' && object.definition === undefined));
    const message = workerLostMessage(
      why,
      lost,
      lostObjects.map((object) => object.name),
      views.map((view) => view.name),
    );
    engineLog('sql worker', message);
    this.objects = [];

    const resend = this.jobs.workerReplaced(culprit, message);
    this.pages.rejectAll(new CommandError('BAD_STATE', 'The SQL worker restarted; run the query again.'));
    this.rejectWindowRequests(new CommandError('BAD_STATE', 'The SQL worker restarted; try the window statement again.'));
    this.newest.workerLost(resend);

    this.state = 'restarting';
    this.message = message;
    if (this.ensureStarted()) {
      for (const bytes of this.restorable.batches()) this.sqlWorker.postRows(bytes);
      // Before the waiting jobs, which may read the views.
      if (views.length > 0) this.sqlWorker.post({ kind: 'recreateViews', views });
      for (const job of resend) this.sqlWorker.post(job.message);
    }
    this.onChange();
  }

  /** The worker is gone for good: every job and page request fails, and no result can be paged. */
  private endAllJobs(error: CommandError, message: string): void {
    this.rejectWindowRequests(error);
    this.jobs.endAll(error, message);
    this.pages.rejectAll(error);
    this.newest.workerLost();
  }

  // ── messages from the worker ──────────────────────────────────────────────────────────────

  private receive(message: FromSqlWorker): void {
    switch (message.kind) {
      case 'ready':
        this.state = 'ready';
        this.onChange();
        return;
      case 'unavailable':
        this.fail(`SQL is unavailable: ${message.message}`);
        return;
      case 'ingested':
        if (message.generation !== this.generation) return;
        this.counters.acked(message.inserted, message.evicted, message.evictedForMemory);
        // The worker evicts its oldest rows first; the copy keeps what it holds or has queued.
        this.restorable.keepNewest(this.counters.posted - this.counters.evicted);
        this.refreshWhenIdle();
        this.onChange();
        return;
      case 'viewsRecreated':
        if (message.failed.length > 0) {
          const failed = message.failed.map((view) => `${view.name} (${view.message})`).join(', ');
          this.message = `${this.message ?? 'The SQL worker was restarted.'} These views could not be made again: ${failed}.`;
          engineLog('sql worker', this.message);
          this.onChange();
        }
        return;
      case 'objects':
        this.objects = message.objects;
        this.onChange();
        return;
      case 'windows':
        this.windows = message.windows;
        this.windowSpecs = message.specs;
        this.onChange();
        return;
      case 'windowDone': {
        const request = this.windowRequests.get(message.requestId);
        this.windowRequests.delete(message.requestId);
        request?.resolve(message.outcome);
        return;
      }
      case 'started':
        this.jobs.started(message.jobId);
        return;
      case 'result':
        this.jobs.answered(message.result);
        return;
      case 'progress':
      case 'finished':
        if (this.progress.update(message.progress)) this.onChange();
        if (message.kind === 'finished') this.jobs.finished(message.progress.queryId);
        return;
      case 'page':
      case 'pageFailed':
        this.pages.answered(message);
        return;
      case 'exported':
      case 'exportFailed':
        this.jobs.exportEnded(message);
    }
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  private flush(): void {
    this.clearFlushTimer();
    if (this.builder.size === 0) return;
    const batch = this.builder.take();
    if (!this.sqlWorker.running) return;
    const rows = batch.values.length;
    const bytes = encodeRowBatch(batch);
    this.counters.posted += rows;
    this.restorable.add(bytes, rows);
    this.sqlWorker.postRows(bytes);
    this.onChange();
  }

  private rejectWindowRequests(error: Error): void {
    for (const request of this.windowRequests.values()) request.reject(error);
    this.windowRequests.clear();
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

  private assertAvailable(): void {
    if (this.disposed) throw new CommandError('BAD_STATE', 'The SQL console closed.');
    if (this.state === 'failed') throw new CommandError('SQL_UNAVAILABLE', this.message ?? 'SQL is unavailable.');
  }
}
