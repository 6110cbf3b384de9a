/**
 * The engine's book of SQL jobs, without a worker: the tests play the worker's part (started,
 * answers, exports ended) and the clock, and check that every job ends exactly once, with the
 * engine's reason when the engine stopped it, and that a job which overruns asks for a new worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandError } from '../../../shared/envelope';
import type { SqlResult } from '../../../shared/sql/sqlContract';
import { QueryProgress } from './queryProgress';
import { CANCELLED, EXPORT_CANCELLED, REPLACED, SqlJobs, type SqlJob } from './sqlJobs';
import { StopFlags } from './stopFlags';

const GRACE_MS = 1000;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function book() {
  let clock = 0;
  const flags = new StopFlags();
  const progress = new QueryProgress(() => clock);
  const overruns: { job: SqlJob; why: string }[] = [];
  const changed = vi.fn();
  const jobs = new SqlJobs({ flags, progress, graceMs: GRACE_MS, overran: (job, why) => overruns.push({ job, why }), changed });
  /** Moves the test's clock and the timers together. */
  const advance = (ms: number): void => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  return { jobs, flags, progress, overruns, changed, advance };
}

/** Whether the promise is still unsettled once everything already settled has had its turn. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  const settle = (): void => {
    settled = true;
  };
  void promise.then(settle, settle);
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  return !settled;
}

function cancelled(queryId: number, message = 'Query cancelled.'): SqlResult {
  return { status: 'cancelled', queryId, reason: 'user', message, elapsedMs: 5 };
}

describe('SQL jobs', () => {
  it('numbers queries and exports in one sequence and says what to post', () => {
    const { jobs } = book();
    expect(jobs.addQuery('SELECT 1', 10, 500).message).toEqual({ kind: 'run', queryId: 1, sql: 'SELECT 1', pageSize: 10, timeoutMs: 500 });
    expect(jobs.addExport('SELECT 2', '/tmp/a.csv').message).toEqual({ kind: 'export', jobId: 2, sql: 'SELECT 2', path: '/tmp/a.csv' });
    expect(jobs.addQuery('SELECT 3', 10, 500).message.queryId).toBe(3);
  });

  it('stops every unfinished job of a kind up to the newest, once', () => {
    const { jobs, flags } = book();
    jobs.addQuery('SELECT 1', 10, 500);
    jobs.addExport('SELECT 1', '/tmp/a.csv');
    jobs.addQuery('SELECT 2', 10, 500);
    expect(jobs.stop('query', REPLACED)).toBe(true);
    expect(flags.isStopped('query', 3)).toBe(true);
    expect(flags.isStopped('export', 2)).toBe(false);
    // Already stopped: nothing more to stop.
    expect(jobs.stop('query', CANCELLED)).toBe(false);
    expect(jobs.stop('export', EXPORT_CANCELLED)).toBe(true);
    expect(flags.isStopped('export', 2)).toBe(true);
  });

  it('gives a started query its timeout plus the grace period, and a queued one no deadline at all', () => {
    const { jobs, overruns, advance } = book();
    jobs.addQuery('SELECT 1', 10, 500);
    jobs.addQuery('SELECT 2', 10, 500);
    advance(10_000);
    expect(overruns).toEqual([]);
    jobs.started(1);
    advance(1499);
    expect(overruns).toEqual([]);
    advance(1);
    expect(overruns).toMatchObject([{ job: { id: 1 }, why: 'The query did not stop at its 0.5 s timeout, so the SQL worker was restarted' }]);
  });

  it('ends a query that overran its timeout as timed out when its worker is replaced', async () => {
    const { jobs, overruns, advance } = book();
    const { answer } = jobs.addQuery('WITH RECURSIVE endless', 10, 500);
    jobs.started(1);
    advance(500 + GRACE_MS);
    expect(jobs.workerReplaced(overruns[0]!.job, 'Restarted: 5 held rows were dropped.')).toEqual([]);
    expect(await answer).toEqual({ status: 'cancelled', queryId: 1, reason: 'timeout', message: 'Restarted: 5 held rows were dropped.', elapsedMs: 0 });
  });

  it('gives a stopped job only the grace period, from the stop or from when it starts', () => {
    const { jobs, overruns, advance } = book();
    jobs.addQuery('SELECT 1', 10, 60_000);
    jobs.started(1);
    advance(100);
    jobs.stop('query', CANCELLED);
    advance(GRACE_MS - 1);
    expect(overruns).toEqual([]);
    advance(1);
    expect(overruns).toMatchObject([{ job: { id: 1 }, why: 'The cancelled query did not stop within 1 s, so the SQL worker was restarted' }]);

    jobs.addExport('SELECT 1', '/tmp/a.csv');
    jobs.stop('export', EXPORT_CANCELLED);
    advance(10_000);
    expect(overruns).toHaveLength(1);
    jobs.started(2);
    advance(GRACE_MS);
    expect(overruns[1]).toMatchObject({ job: { id: 2 }, why: 'The cancelled export did not stop within 1 s, so the SQL worker was restarted' });
  });

  it('ends a query with an answer that is its whole outcome, in the engine\'s words when the engine stopped it', async () => {
    const { jobs, progress, overruns, changed, advance } = book();
    const { answer } = jobs.addQuery('SELECT 1', 10, 500);
    progress.begin(1);
    jobs.started(1);
    jobs.stop('query', REPLACED);
    jobs.answered(cancelled(1));
    expect(await answer).toEqual(cancelled(1, 'Replaced by a newer query.'));
    expect(progress.view()).toMatchObject({ queryId: 1, state: 'cancelled' });
    expect(changed).toHaveBeenCalledTimes(1);
    // Ended: its timer went with it, and a late word about it changes nothing.
    expect(vi.getTimerCount()).toBe(0);
    advance(10_000);
    expect(overruns).toEqual([]);
    jobs.answered({ status: 'done', queryId: 1, changes: 0, message: 'late', elapsedMs: 1 });
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('keeps a query that answered with its first page until its last word arrives', async () => {
    const { jobs, overruns, advance } = book();
    const first: SqlResult = { status: 'rows', queryId: 1, columns: ['x'], rows: [[1]], rowsCounted: 1, complete: false, elapsedMs: 3 };
    const { answer } = jobs.addQuery('SELECT x FROM big', 10, 500);
    jobs.started(1);
    jobs.answered(first);
    expect(await answer).toEqual(first);
    jobs.finished(1);
    advance(10_000);
    expect(overruns).toEqual([]);

    // Still counting past its deadline: the worker is stuck.
    jobs.addQuery('SELECT x FROM big', 10, 500);
    jobs.started(2);
    jobs.answered({ ...first, queryId: 2 });
    advance(500 + GRACE_MS);
    expect(overruns).toMatchObject([{ job: { id: 2 } }]);
  });

  it('ends an export with the worker\'s word: a file problem as it is, anything else as BAD_STATE', async () => {
    const { jobs } = book();
    const written = jobs.addExport('SELECT 1', '/tmp/a.csv').done;
    const unwritable = jobs.addExport('SELECT 1', '/nope/a.csv').done;
    const stopped = jobs.addExport('SELECT 1', '/tmp/b.csv').done;
    const failed = jobs.addExport('SELECT x', '/tmp/c.csv').done;
    jobs.exportEnded({ kind: 'exported', jobId: 1, rows: 42 });
    jobs.exportEnded({ kind: 'exportFailed', jobId: 2, failure: 'file', message: 'EACCES' });
    jobs.exportEnded({ kind: 'exportFailed', jobId: 3, failure: 'cancelled', message: 'Export cancelled.' });
    jobs.exportEnded({ kind: 'exportFailed', jobId: 4, failure: 'sql', message: 'no such column: x' });
    expect(await written).toEqual({ rows: 42 });
    const fileError = await unwritable.catch((error: unknown) => error);
    expect(fileError).toBeInstanceOf(Error);
    expect(fileError).not.toBeInstanceOf(CommandError);
    await expect(stopped).rejects.toMatchObject({ code: 'BAD_STATE', message: 'Export cancelled.' });
    await expect(failed).rejects.toMatchObject({ code: 'BAD_STATE', message: 'The query failed when run again for the export: no such column: x' });
  });

  it('when a stuck worker is replaced, ends the culprit and the stopped jobs and hands back the ones still waiting', async () => {
    const { jobs, progress, overruns, advance } = book();
    const old = jobs.addQuery('WITH RECURSIVE endless', 10, 500);
    progress.begin(1);
    advance(50);
    jobs.started(1);
    const waitingExport = jobs.addExport('SELECT 1', '/tmp/a.csv');
    jobs.stop('query', REPLACED);
    const newer = jobs.addQuery('SELECT 2', 10, 500);
    progress.begin(3);
    advance(GRACE_MS);
    expect(overruns).toMatchObject([{ job: { id: 1 } }]);

    const resend = jobs.workerReplaced(overruns[0]!.job, 'Worker replaced: 10 held rows were dropped.');
    expect(resend.map((job) => job.message)).toEqual([waitingExport.message, newer.message]);
    expect(await pending(old.answer)).toBe(false);
    expect(await old.answer).toEqual({ status: 'cancelled', queryId: 1, reason: 'user', message: 'Worker replaced: 10 held rows were dropped.', elapsedMs: 0 });
    expect(await pending(newer.answer)).toBe(true);
    expect(await pending(waitingExport.done)).toBe(true);
    // The jobs handed back start afresh on the new worker, timers included.
    jobs.started(3);
    advance(500 + GRACE_MS);
    expect(overruns).toMatchObject([{ job: { id: 1 } }, { job: { id: 3 } }]);
  });

  it('when the worker died, fails the query it was running and ends stopped jobs with their own reasons', async () => {
    const { jobs, progress, advance } = book();
    const running = jobs.addQuery('SELECT crash()', 10, 60_000);
    progress.begin(1);
    jobs.started(1);
    advance(250);
    const cancelledExport = jobs.addExport('SELECT 1', '/tmp/a.csv');
    jobs.stop('export', EXPORT_CANCELLED);
    const startedExport = jobs.addExport('SELECT 1', '/tmp/b.csv');
    jobs.started(3);

    expect(jobs.workerReplaced(null, 'The SQL worker stopped unexpectedly')).toEqual([]);
    expect(await running.answer).toEqual({ status: 'error', queryId: 1, error: { message: 'The SQL worker stopped unexpectedly', position: null }, elapsedMs: 250 });
    expect(progress.view()).toEqual({ queryId: 1, state: 'failed', rowsCounted: 0, keptRows: 0, elapsedMs: 250 });
    await expect(cancelledExport.done).rejects.toMatchObject({ code: 'BAD_STATE', message: 'Export cancelled; no file was written.' });
    await expect(startedExport.done).rejects.toMatchObject({ code: 'BAD_STATE', message: 'The SQL worker stopped unexpectedly' });
  });

  it('ends every job when the worker is gone for good, leaving answers already given alone', async () => {
    const { jobs, overruns, advance } = book();
    const first: SqlResult = { status: 'rows', queryId: 1, columns: ['x'], rows: [], rowsCounted: 0, complete: false, elapsedMs: 3 };
    const counting = jobs.addQuery('SELECT x FROM big', 10, 500);
    jobs.started(1);
    jobs.answered(first);
    const queued = jobs.addQuery('SELECT 2', 10, 500);
    const exporting = jobs.addExport('SELECT 1', '/tmp/a.csv');
    const error = new CommandError('SQL_UNAVAILABLE', 'SQL is unavailable.');
    jobs.endAll(error, 'SQL is unavailable.');
    expect(await counting.answer).toEqual(first);
    expect(await queued.answer).toEqual({ status: 'cancelled', queryId: 2, reason: 'user', message: 'SQL is unavailable.', elapsedMs: 0 });
    await expect(exporting.done).rejects.toBe(error);
    advance(10_000);
    expect(overruns).toEqual([]);
    expect(jobs.stop('query', CANCELLED)).toBe(false);
  });
});
