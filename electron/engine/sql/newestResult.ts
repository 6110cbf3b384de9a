/**
 * The one result that can still be paged or exported: the newest query's. The worker keeps the rows
 * of one result only (a new query discards the ones before), so asking for an older result is an
 * error that says which one is kept. Kept rows live in the worker: when it is replaced they are
 * lost, unless the query had not started yet and so runs again on the new worker.
 */
import { CommandError } from '../../../shared/envelope';
import type { SqlResult } from '../../../shared/sql/sqlContract';

export interface KeptResult {
  queryId: number;
  sql: string;
  /** run()'s answer. */
  answer: Promise<SqlResult>;
  /** Its kept rows went with a replaced worker: it cannot be paged, though it can still be exported (that runs the query again). */
  lost: boolean;
}

export class NewestResult {
  private kept: KeptResult | null = null;

  set(queryId: number, sql: string, answer: Promise<SqlResult>): void {
    this.kept = { queryId, sql, answer, lost: false };
  }

  /** Query `queryId`'s result, if it is still the newest; else a BAD_STATE error. */
  get(queryId: number): KeptResult {
    const kept = this.kept;
    if (!kept || kept.queryId !== queryId) {
      throw new CommandError('BAD_STATE', `Result ${queryId} is gone: only the newest result (${kept?.queryId ?? 'none yet'}) is kept.`);
    }
    return kept;
  }

  /** Throws BAD_STATE unless `queryId` is still the newest result (a newer query replaced it meanwhile). */
  assertNewest(queryId: number): void {
    this.get(queryId);
  }

  /** The worker that kept its rows is gone; `resent`: jobs sent again to a new worker, whose results are yet to come. */
  workerLost(resent: readonly { id: number }[] = []): void {
    const kept = this.kept;
    if (kept && !resent.some((job) => job.id === kept.queryId)) kept.lost = true;
  }
}
