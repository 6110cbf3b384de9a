/**
 * The newest query's rows in the SQL worker: the first SQL_KEPT_ROWS kept for paging (fewer when
 * they pass SQL_KEPT_MAX_CHARS), the rest only counted. Pages asked for before their rows are
 * counted wait until they are (or the query ends). A page stops short of its row limit when its
 * text would pass SQL_PAGE_MAX_CHARS: the asker goes on from where it ended.
 */
import {
  SQL_KEPT_MAX_CHARS,
  SQL_KEPT_ROWS,
  SQL_PAGE_MAX_CHARS,
  sqlRowChars,
  type SqlCell,
  type SqlPage,
  type SqlQueryProgress,
} from '../../../shared/sql/sqlContract';

type QueryState = SqlQueryProgress['state'];

interface PageWaiter {
  offset: number;
  limit: number;
  resolve: (page: SqlPage) => void;
  reject: (error: Error) => void;
}

export class ResultRows {
  readonly rows: SqlCell[][] = [];
  /** Each kept row's size (see sqlRowChars), so pages are cut without measuring again. */
  private readonly sizes: number[] = [];
  private keptChars = 0;
  counted = 0;
  state: QueryState = 'running';
  private waiters: PageWaiter[] = [];

  constructor(
    readonly queryId: number,
    readonly columns: readonly string[],
    private readonly keepLimit = SQL_KEPT_ROWS,
    private readonly keepChars = SQL_KEPT_MAX_CHARS,
    private readonly pageChars = SQL_PAGE_MAX_CHARS,
  ) {}

  /** One more row; kept while there is room. */
  add(row: SqlCell[]): void {
    this.counted++;
    if (!this.keeping) return;
    const size = sqlRowChars(row);
    this.rows.push(row);
    this.sizes.push(size);
    this.keptChars += size;
  }

  get keeping(): boolean {
    return this.rows.length < this.keepLimit && this.keptChars < this.keepChars;
  }

  /** The rows a page from `offset` may carry: up to `limit`, fewer when their text passes the page size, at least one. */
  pageEnd(offset: number, limit: number): number {
    const last = Math.min(this.rows.length, offset + limit);
    let chars = 0;
    for (let i = offset; i < last; i++) {
      chars += this.sizes[i] ?? 0;
      if (chars > this.pageChars && i > offset) return i;
    }
    return last;
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
    this.sizes.length = 0;
  }

  private ready(offset: number, limit: number): boolean {
    if (this.state !== 'running' || !this.keeping || this.rows.length >= offset + limit) return true;
    // A page already full by size need not wait for more rows.
    return this.rows.length > offset && this.pageEnd(offset, limit) < this.rows.length;
  }

  private slice(offset: number, limit: number): SqlPage {
    return {
      queryId: this.queryId,
      offset,
      rows: this.rows.slice(offset, this.pageEnd(offset, limit)),
      rowsCounted: this.counted,
      keptRows: this.rows.length,
      complete: this.complete,
    };
  }
}
