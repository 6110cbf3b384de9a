/**
 * How far the engine has counted a result. Three sources report it — the sql:run reply, the
 * table view's `query` (newest query only) and each sql:page reply — and arrive in any order, so
 * the furthest figure wins and an older report never moves the count back.
 */
import { SQL_KEPT_ROWS, type SqlQueryProgress, type SqlResult } from '../../../../shared/sql/sqlContract';

export type RowsResult = Extract<SqlResult, { status: 'rows' }>;

export interface PageProgress {
  queryId: number;
  rowsCounted: number;
  keptRows: number;
  complete: boolean;
}

export interface ResultProgress {
  rowsCounted: number;
  /** Rows sql:page can serve: what the grid scrolls through. */
  keptRows: number;
  complete: boolean;
  /** Counting ended early (cancelled, timed out, failed, or replaced by a newer query). */
  stopped: boolean;
}

export function resultProgress(result: RowsResult, query: SqlQueryProgress | null, page: PageProgress | null): ResultProgress {
  const ownQuery = query?.queryId === result.queryId ? query : null;
  const ownPage = page?.queryId === result.queryId ? page : null;
  const rowsCounted = Math.max(result.rowsCounted, result.rows.length, ownQuery?.rowsCounted ?? 0, ownPage?.rowsCounted ?? 0);
  const complete = result.complete || ownQuery?.state === 'complete' || ownPage?.complete === true;
  const replaced = query !== null && query.queryId > result.queryId;
  const stopped = !complete && (ownQuery?.state === 'failed' || ownQuery?.state === 'cancelled' || replaced);
  const reportedKept = Math.max(result.rows.length, ownQuery?.keptRows ?? 0, ownPage?.keptRows ?? 0);
  const keptRows = complete ? Math.min(rowsCounted, SQL_KEPT_ROWS) : Math.min(Math.max(reportedKept, Math.min(rowsCounted, SQL_KEPT_ROWS)), SQL_KEPT_ROWS);
  return { rowsCounted, keptRows, complete, stopped };
}
