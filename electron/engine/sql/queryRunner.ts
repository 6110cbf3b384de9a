/**
 * Runs one console statement in the SQL worker. The first page goes out as soon as it is stepped;
 * counting goes on in slices (the worker answers page requests in between), keeping the first
 * SQL_KEPT_ROWS rows for paging. A stop (the engine's, or the timeout) ends it as cancelled;
 * anything else SQLite throws is an error result with a position and a hint.
 */
import type { Database } from 'sql.js';
import { LIVE_TABLE, sqlCellLimit, type SqlPage, type SqlQueryProgress, type SqlResult } from '../../../shared/sql/sqlContract';
import { explainSqliteError, locateSqliteError } from './errorPosition';
import type { JobStopper, StopReason } from './jobStopper';
import type { DirectAccess } from './memoryDatabase';
import { ResultRows } from './resultRows';
import { prepareResult, readRow, type ResultStatement } from './resultStatement';
import { secondsText } from './secondsText';
import { singleScanSql } from './singleScan';
import { summarizeStatement } from './statementSummary';
import { CHECK_EVERY_ROWS, errorText, SLICE_MS, yieldToMessages } from './stepLoop';
import { timeTextMisuse, type TextTimeColumn } from './timeTextGuard';
import { checkStatement, type GuardOptions } from './writeGuard';

export interface QueryRequest {
  queryId: number;
  sql: string;
  pageSize: number;
  timeoutMs: number;
}

export interface QueryEvents {
  /** run()'s answer: the first page, or the outcome of a statement without rows. */
  answer(result: SqlResult): void;
  /** Counting goes on (about every PROGRESS_MS) and, last, where it ended. */
  progress(progress: SqlQueryProgress, final: boolean): void;
  /** A statement may have created or dropped the user's tables and views. */
  objectsChanged(): void;
}

export interface QueryContext {
  db: Database;
  /** Reads result cells out of SQLite's memory, so a huge value is never a string whole (null: sql.js's API). */
  direct: DirectAccess | null;
  stopper: JobStopper;
  guard: GuardOptions;
  /** The live table's column names, for "no such column" hints. */
  liveColumns(): readonly string[];
  /** The live table's time columns with the first text each was given: ordering them as text is refused. */
  textTimeColumns(): readonly TextTimeColumn[];
  /** The table behind the live view, read directly by single-scan queries. */
  storeTable: string;
}

const PROGRESS_MS = 100;

function stopMessage(reason: StopReason, timeoutMs: number): string {
  if (reason === 'user') return 'Query cancelled.';
  return `Stopped after ${secondsText(timeoutMs)}: the query ran past the SQL timeout (SQL settings).`;
}

export class QueryRunner {
  private current: ResultRows | null = null;

  constructor(private readonly context: QueryContext) {}

  /** Pages of the newest result; a replaced result's pages fail. */
  page(queryId: number, offset: number, limit: number): Promise<SqlPage> {
    const current = this.current;
    if (!current || current.queryId !== queryId) return Promise.reject(new Error(`Result ${queryId} was replaced by a newer query.`));
    return current.page(offset, limit);
  }

  async run(request: QueryRequest, events: QueryEvents): Promise<void> {
    const { queryId, sql, pageSize, timeoutMs } = request;
    const { db, stopper } = this.context;
    const started = performance.now();
    const elapsedMs = (): number => Math.round(performance.now() - started);
    // Only the newest result is kept: the previous one's rows go now, before this one grows.
    this.current?.discard(`Result ${this.current.queryId} was replaced by a newer query.`);
    this.current = null;

    let rows: ResultRows | null = null;
    let answered = false;
    const answer = (result: SqlResult): void => {
      answered = true;
      events.answer(result);
    };
    const finish = (state: SqlQueryProgress['state']): void => {
      events.progress({ queryId, state, rowsCounted: rows?.counted ?? 0, keptRows: rows?.rows.length ?? 0, elapsedMs: elapsedMs() }, true);
    };

    const verdict = checkStatement(sql, this.context.guard);
    const refusal = verdict.ok ? timeTextMisuse(sql, this.context.textTimeColumns()) : verdict.error;
    if (refusal !== null) {
      answer({ status: 'error', queryId, error: refusal, elapsedMs: elapsedMs() });
      finish('failed');
      return;
    }

    stopper.begin('query', queryId, timeoutMs);
    let statement: ResultStatement | null = null;
    try {
      if (stopper.check()) throw new Error('stopped before it started');
      statement = prepareResult(db, this.context.direct, singleScanSql(sql, this.context.storeTable) ?? sql);
      const columns = [...statement.columns];
      if (columns.length === 0) {
        const before = totalChanges(db);
        while (statement.step());
        const changes = totalChanges(db) - before;
        answer({ status: 'done', queryId, changes, message: summarizeStatement(sql, changes), elapsedMs: elapsedMs() });
        finish('complete');
        events.objectsChanged();
        return;
      }

      const result = new ResultRows(queryId, columns);
      rows = result;
      this.current = result;
      const cellLimit = sqlCellLimit(columns.length);
      const firstPage = (): void =>
        answer({ status: 'rows', queryId, columns, rows: result.rows.slice(0, result.pageEnd(0, pageSize)), rowsCounted: result.counted, complete: result.complete, elapsedMs: elapsedMs() });
      let sliceStart = performance.now();
      let progressAt = sliceStart;
      for (;;) {
        if (!statement.step()) break;
        if (result.keeping) result.add(readRow(statement, cellLimit));
        else result.counted++;
        // The first page goes when it has its rows, or when its rows already fill a page by size.
        if (!answered && (result.counted >= pageSize || result.pageEnd(0, pageSize) < result.rows.length)) firstPage();
        if (result.counted % CHECK_EVERY_ROWS === 0) {
          if (stopper.check()) throw new Error('stopped');
          const now = performance.now();
          if (now - sliceStart >= SLICE_MS) {
            result.serveWaiting();
            if (now - progressAt >= PROGRESS_MS) {
              events.progress({ queryId, state: 'running', rowsCounted: result.counted, keptRows: result.rows.length, elapsedMs: elapsedMs() }, false);
              progressAt = now;
            }
            await yieldToMessages();
            sliceStart = performance.now();
          }
        }
      }
      result.finish('complete');
      if (!answered) firstPage();
      finish('complete');
    } catch (error) {
      const reason = stopper.stopped;
      if (reason) {
        rows?.finish('cancelled');
        if (!answered) answer({ status: 'cancelled', queryId, reason, message: stopMessage(reason, timeoutMs), elapsedMs: elapsedMs() });
        finish('cancelled');
      } else {
        // A single-scan query names the store table; the user wrote (and should read) the live table's name.
        const message = errorText(error).replaceAll(this.context.storeTable, LIVE_TABLE);
        rows?.finish('failed');
        if (!answered) {
          const explained = explainSqliteError(message, sql, this.context.liveColumns());
          answer({ status: 'error', queryId, error: { message: explained, position: locateSqliteError(sql, message) }, elapsedMs: elapsedMs() });
        }
        finish('failed');
      }
    } finally {
      statement?.free();
      stopper.end();
    }
  }
}

/** sqlite3_changes() keeps its value across DDL; the difference of total_changes() is this statement's own. */
function totalChanges(db: Database): number {
  const result = db.exec('SELECT total_changes()');
  return Number(result[0]?.values[0]?.[0] ?? 0);
}
