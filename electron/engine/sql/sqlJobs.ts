/**
 * The queries and CSV exports sent to the SQL worker and not yet ended. Each ends exactly once:
 * with the worker's word, or here, when the engine gives up on it. The engine stops a job through
 * StopFlags and remembers why, so the outcome carries the engine's reason ("replaced by a newer
 * query"), not the worker's. A stopped job, or a query past its timeout, that has not ended within
 * the grace period means the worker is stuck inside SQLite: `overran` tells the owner to replace
 * the worker, and `workerReplaced` then sorts the jobs into those that end and those sent again.
 */
import { CommandError } from '../../../shared/envelope';
import type { SqlResult } from '../../../shared/sql/sqlContract';
import type { StopReason } from './jobStopper';
import type { QueryProgress } from './queryProgress';
import { secondsText } from './secondsText';
import type { FromSqlWorker, ToSqlWorker } from './sqlWorkerMessages';
import type { StopFlags, StopKind } from './stopFlags';

/** How long past a query's deadline (or a stop) the worker may stay silent before it is replaced. */
export const DEFAULT_RESTART_GRACE_MS = 3000;

/** Why the engine stopped a job, in the words its outcome will carry. */
export interface JobStop {
  reason: StopReason;
  message: string;
}

export interface QueryJob {
  kind: 'query';
  id: number;
  message: Extract<ToSqlWorker, { kind: 'run' }>;
  resolve: (result: SqlResult) => void;
  /** run() has its answer (the first page, or the whole outcome); the query may still be counting. */
  answered: boolean;
  /** The worker began running it, so its timeout counts. */
  started: boolean;
  stop: JobStop | null;
  /** Fires when the job overran: the worker must be replaced. */
  timer: NodeJS.Timeout | null;
}

export interface ExportJob {
  kind: 'export';
  id: number;
  message: Extract<ToSqlWorker, { kind: 'export' }>;
  resolve: (value: { rows: number }) => void;
  reject: (error: Error) => void;
  started: boolean;
  stop: JobStop | null;
  timer: NodeJS.Timeout | null;
}

export type SqlJob = QueryJob | ExportJob;

/** The engine's stops: a newer query replaces the running one, or the user cancels. */
export const REPLACED: JobStop = { reason: 'user', message: 'Replaced by a newer query.' };
export const CANCELLED: JobStop = { reason: 'user', message: 'Query cancelled.' };
export const EXPORT_CANCELLED: JobStop = { reason: 'user', message: 'Export cancelled; no file was written.' };

export interface SqlJobsOptions {
  flags: StopFlags;
  /** The newest query's progress, which a query ended here shows as ended. */
  progress: QueryProgress;
  graceMs: number;
  /** A job did not stop in time: the worker is stuck and must be replaced (then call workerReplaced). */
  overran: (job: SqlJob, why: string) => void;
  /** The view changed: a query's outcome now shows. */
  changed: () => void;
}

export class SqlJobs {
  private readonly jobs = new Map<number, SqlJob>();
  /** One numbering for queries and exports: the worker's 'started' names a job by its number alone. */
  private nextId = 0;

  constructor(private readonly options: SqlJobsOptions) {}

  /** A query or export is waiting for its answer (queued, running, or stopped and not yet ended). */
  get pending(): boolean {
    return this.jobs.size > 0;
  }

  /** A new query, numbered after every job before it, and run()'s answer to it. The caller posts the message. */
  addQuery(sql: string, pageSize: number, timeoutMs: number): { message: QueryJob['message']; answer: Promise<SqlResult> } {
    const id = ++this.nextId;
    const message: QueryJob['message'] = { kind: 'run', queryId: id, sql, pageSize, timeoutMs };
    const answer = new Promise<SqlResult>((resolve) => {
      this.jobs.set(id, { kind: 'query', id, message, resolve, answered: false, started: false, stop: null, timer: null });
    });
    return { message, answer };
  }

  /** A new export of `sql` to `path`, done when the file is written. The caller posts the message. */
  addExport(sql: string, path: string): { message: ExportJob['message']; done: Promise<{ rows: number }> } {
    const id = ++this.nextId;
    const message: ExportJob['message'] = { kind: 'export', jobId: id, sql, path };
    const done = new Promise<{ rows: number }>((resolve, reject) => {
      this.jobs.set(id, { kind: 'export', id, message, resolve, reject, started: false, stop: null, timer: null });
    });
    return { message, done };
  }

  /** Stops every unfinished job of `kind`; true when there was one. */
  stop(kind: StopKind, stop: JobStop): boolean {
    let newestId = 0;
    for (const job of this.jobs.values()) {
      if (job.kind !== kind || job.stop) continue;
      job.stop = stop;
      newestId = Math.max(newestId, job.id);
      if (job.started) this.armRestart(job, this.options.graceMs);
    }
    if (newestId === 0) return false;
    this.options.flags.stop(kind, newestId);
    return true;
  }

  /** The worker began running the job: from here it has its timeout (queries) or, if stopped, the grace period. */
  started(jobId: number): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    job.started = true;
    const { graceMs, progress } = this.options;
    if (job.stop) this.armRestart(job, graceMs);
    else if (job.kind === 'query') this.armRestart(job, job.message.timeoutMs + graceMs);
    if (job.kind === 'query') progress.started(jobId);
  }

  /** run()'s answer from the worker; a query answered with its whole outcome ends now, before its 'finished' arrives. */
  answered(result: SqlResult): void {
    const job = this.jobs.get(result.queryId);
    if (job?.kind !== 'query' || job.answered) return;
    // A stop the engine asked for carries the engine's reason ("replaced by a newer query").
    const final = result.status === 'cancelled' && result.reason === 'user' && job.stop ? { ...result, message: job.stop.message } : result;
    job.answered = true;
    if (result.status !== 'rows' || result.complete) {
      this.finish(job);
      if (this.options.progress.answered(result)) this.options.changed();
    }
    job.resolve(final);
  }

  /** The query's last word from the worker: it has finished counting. */
  finished(queryId: number): void {
    const job = this.jobs.get(queryId);
    if (job) this.finish(job);
  }

  exportEnded(message: Extract<FromSqlWorker, { kind: 'exported' | 'exportFailed' }>): void {
    const job = this.jobs.get(message.jobId);
    if (job?.kind !== 'export') return;
    this.finish(job);
    if (message.kind === 'exported') job.resolve({ rows: message.rows });
    else if (message.failure === 'file') job.reject(new Error(message.message));
    else if (message.failure === 'cancelled') job.reject(new CommandError('BAD_STATE', message.message));
    else job.reject(new CommandError('BAD_STATE', `The query failed when run again for the export: ${message.message}`));
  }

  /** The worker was replaced (`culprit` overran, or null: it died); returns the jobs to send to the new one. */
  workerReplaced(culprit: SqlJob | null, message: string): SqlJob[] {
    const resend: SqlJob[] = [];
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
        this.finish(job);
        job.reject(new CommandError('BAD_STATE', text));
      } else if (job === culprit || job.stop) {
        this.endQuery(job, { status: 'cancelled', queryId: job.id, reason: job.stop?.reason ?? 'timeout', message: text, elapsedMs: this.elapsedOf(job) });
      } else {
        // It was running when the worker died: perhaps what killed it, so it is not run again.
        this.endQuery(job, { status: 'error', queryId: job.id, error: { message: text, position: null }, elapsedMs: this.elapsedOf(job) });
      }
    }
    return resend;
  }

  /** Ends every job: the worker is gone for good (SQL failed, or the console closed). */
  endAll(error: CommandError, message: string): void {
    for (const job of [...this.jobs.values()]) {
      if (job.kind === 'query') this.endQuery(job, { status: 'cancelled', queryId: job.id, reason: 'user', message, elapsedMs: this.elapsedOf(job) });
      else {
        this.finish(job);
        job.reject(error);
      }
    }
  }

  private armRestart(job: SqlJob, afterMs: number): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      job.timer = null;
      if (!this.jobs.has(job.id)) return;
      const graceMs = this.options.graceMs;
      const what = job.kind === 'export' ? 'The cancelled export' : job.stop ? 'The cancelled query' : 'The query';
      const when = job.stop ? `within ${secondsText(graceMs)}` : `at its ${secondsText(job.kind === 'query' ? job.message.timeoutMs : 0)} timeout`;
      this.options.overran(job, `${what} did not stop ${when}, so the SQL worker was restarted`);
    }, afterMs);
    job.timer.unref();
  }

  private finish(job: SqlJob): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    this.jobs.delete(job.id);
  }

  /** Ends a query the worker will never answer for. */
  private endQuery(job: QueryJob, result: Extract<SqlResult, { status: 'cancelled' | 'error' }>): void {
    this.finish(job);
    if (!job.answered) {
      job.answered = true;
      job.resolve(result);
    }
    this.options.progress.ended(job.id, result.status);
  }

  private elapsedOf(job: SqlJob): number {
    return this.options.progress.elapsedOf(job.id);
  }
}
