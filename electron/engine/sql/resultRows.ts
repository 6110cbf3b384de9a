/**
 * The newest query's rows in the SQL worker: the first SQL_KEPT_ROWS kept for paging, the rest only
 * counted. Pages asked for before their rows are counted wait until they are (or the query ends).
 */
import type { CellValue } from '../../../shared/records';
import { SQL_KEPT_ROWS, type SqlPage, type SqlQueryProgress } from '../../../shared/sql/sqlContract';

type QueryState = SqlQueryProgress['state'];

interface PageWaiter {
  offset: number;
  limit: number;
  resolve: (page: SqlPage) => void;
  reject: (error: Error) => void;
}

export class ResultRows {
  readonly rows: CellValue[][] = [];
  counted = 0;
  state: QueryState = 'running';
  private waiters: PageWaiter[] = [];

  constructor(
    readonly queryId: number,
    readonly columns: readonly string[],
    private readonly keepLimit = SQL_KEPT_ROWS,
  ) {}

  /** One more row; kept while there is room. */
  add(row: CellValue[]): void {
    this.counted++;
    if (this.rows.length < this.keepLimit) this.rows.push(row);
  }

  get keeping(): boolean {
    return this.rows.length < this.keepLimit;
  }

  get complete(): boolean {
    return this.state === 'complete';
  }

  page(offset: number, limit: number): Promise<SqlPage> {
    if (this.ready(offset, limit)) return Promise.resolve(this.slice(offset, limit));
    return new Promise((resolve, reject) => this.waiters.push({ offset, limit, resolve, reject }));
  }

  /** Answers the pages whose rows are now there; called between slices of counting. */
  serveWaiting(): void {
    if (this.waiters.length === 0) return;
    const still: PageWaiter[] = [];
    for (const waiter of this.waiters) {
      if (this.ready(waiter.offset, waiter.limit)) waiter.resolve(this.slice(waiter.offset, waiter.limit));
      else still.push(waiter);
    }
    this.waiters = still;
  }

  finish(state: Exclude<QueryState, 'running'>): void {
    this.state = state;
    this.serveWaiting();
  }

  /** A newer query replaced this one: pages still waiting fail, the rows go. */
  discard(message: string): void {
    for (const waiter of this.waiters) waiter.reject(new Error(message));
    this.waiters = [];
    this.rows.length = 0;
  }

  private ready(offset: number, limit: number): boolean {
    return this.state !== 'running' || !this.keeping || this.rows.length >= offset + limit;
  }

  private slice(offset: number, limit: number): SqlPage {
    return {
      queryId: this.queryId,
      offset,
      rows: this.rows.slice(offset, offset + limit),
      rowsCounted: this.counted,
      keptRows: this.rows.length,
      complete: this.complete,
    };
  }
}
