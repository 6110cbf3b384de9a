/**
 * The console's query progress: always the newest query's, so word about an older one (still
 * finishing after it was replaced) is ignored. Elapsed time counts from when the worker began
 * running the query, not from when it was queued behind another job, and while it runs the view
 * works it out afresh, so the clock moves between the worker's progress messages.
 */
import type { SqlQueryProgress, SqlResult } from '../../../shared/sql/sqlContract';

const FINAL_STATE: Record<SqlResult['status'], SqlQueryProgress['state']> = { rows: 'complete', done: 'complete', error: 'failed', cancelled: 'cancelled' };

export class QueryProgress {
  private current: SqlQueryProgress | null = null;
  private since = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A new query is the one shown from now on: running, nothing counted yet. */
  begin(queryId: number): void {
    this.current = { queryId, state: 'running', rowsCounted: 0, keptRows: 0, elapsedMs: 0 };
    this.since = this.now();
  }

  /** The worker began running the query: its elapsed time counts from here. */
  started(queryId: number): void {
    if (this.current?.queryId === queryId) this.since = this.now();
  }

  /** The worker's own figures; true when they are the newest query's, so the view changed. */
  update(progress: SqlQueryProgress): boolean {
    if (this.current?.queryId !== progress.queryId) return false;
    this.current = progress;
    return true;
  }

  /** An answer that is the query's whole outcome; true when it is the newest query's, so the view changed. */
  answered(result: SqlResult): boolean {
    if (this.current?.queryId !== result.queryId) return false;
    const counted = result.status === 'rows' ? result.rowsCounted : 0;
    this.current = { queryId: result.queryId, state: FINAL_STATE[result.status], rowsCounted: counted, keptRows: counted, elapsedMs: result.elapsedMs };
    return true;
  }

  /** The engine ended the query without the worker's word (stopped, or the worker lost); a query already shown as ended keeps its figures. */
  ended(queryId: number, status: 'cancelled' | 'error'): void {
    const current = this.current;
    if (current?.queryId === queryId && current.state === 'running') {
      this.current = { ...current, state: FINAL_STATE[status], elapsedMs: this.elapsedOf(queryId) };
    }
  }

  /** How long the query has run, for results the engine makes up itself; 0 for any but the newest. */
  elapsedOf(queryId: number): number {
    return this.current?.queryId === queryId ? Math.round(this.now() - this.since) : 0;
  }

  view(): SqlQueryProgress | null {
    const current = this.current;
    return current && current.state === 'running' ? { ...current, elapsedMs: Math.round(this.now() - this.since) } : current;
  }
}
