/**
 * Page requests sent to the SQL worker and not yet answered. Each has an id of its own, not its
 * query's, because the console may ask for several pages of one result at once. A worker that is
 * replaced or closed never answers, so its requests fail together.
 */
import { CommandError } from '../../../shared/envelope';
import type { SqlPage } from '../../../shared/sql/sqlContract';
import type { FromSqlWorker } from './sqlWorkerMessages';

interface Waiting {
  resolve: (page: SqlPage) => void;
  reject: (error: Error) => void;
}

export class PageRequests {
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  /** A new request: `send` posts it to the worker under the id given; the page comes with the answer. */
  request(send: (requestId: number) => void): Promise<SqlPage> {
    const requestId = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(requestId, { resolve, reject });
      send(requestId);
    });
  }

  /** The worker's answer; one to a request no longer waiting (failed meanwhile) is ignored. */
  answered(message: Extract<FromSqlWorker, { kind: 'page' | 'pageFailed' }>): void {
    const waiting = this.waiting.get(message.requestId);
    if (!waiting) return;
    this.waiting.delete(message.requestId);
    if (message.kind === 'page') waiting.resolve(message.page);
    else waiting.reject(new CommandError('BAD_STATE', message.message));
  }

  rejectAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
