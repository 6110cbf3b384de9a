/**
 * When Live is on, the current query runs again once the table has changed, at most once a
 * second and never on top of a run still in progress: a busy table must not queue up queries
 * faster than the worker answers them.
 */
import type { SqlTableView } from '../../../../shared/sql/sqlContract';

export const LIVE_MIN_INTERVAL_MS = 1000;

/** Changes whenever rows go in or out of the table; equal versions mean the same rows. */
export function tableVersion(view: SqlTableView | null): string | null {
  return view ? `${view.rowsInserted}:${view.rowsEvicted}` : null;
}

export interface LiveInputs {
  live: boolean;
  /** A query to re-run: the last one that returned rows. */
  hasQuery: boolean;
  /** sql:run awaiting its reply, or the engine still counting its rows. */
  busy: boolean;
  /** When the last run started (ms), null before any. */
  lastStartedAt: number | null;
  versionAtRun: string | null;
  versionNow: string | null;
  now: number;
}

export function shouldRerun(inputs: LiveInputs): boolean {
  if (!inputs.live || !inputs.hasQuery || inputs.busy) return false;
  if (inputs.versionNow === null || inputs.versionNow === inputs.versionAtRun) return false;
  return inputs.lastStartedAt === null || inputs.now - inputs.lastStartedAt >= LIVE_MIN_INTERVAL_MS;
}
