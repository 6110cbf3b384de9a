/**
 * While Live is on, checks a few times a second whether the table moved on since the last run
 * and re-runs the query when it did (see liveRerun for the rules). Polling the stores keeps the
 * decision in one place instead of spreading it over every view update.
 */
import { useEffect } from 'react';
import { useView } from '../../store/viewStore';
import { shouldRerun, tableVersion } from './liveRerun';
import { resultProgress } from './resultProgress';
import { sqlActions } from './sqlActions';
import { useSqlStore } from './sqlStore';

const CHECK_EVERY_MS = 200;

function check(): void {
  const sql = useSqlStore.getState();
  const table = useView.getState().sqlTable;
  const progress = sql.grid ? resultProgress(sql.grid.result, table?.query ?? null, sql.pageProgress) : null;
  const counting = progress !== null && !progress.complete && !progress.stopped;
  const rerun = shouldRerun({
    live: sql.live,
    hasQuery: sql.grid !== null,
    busy: sql.running !== null || counting,
    lastStartedAt: sql.lastStartedAt,
    versionAtRun: sql.versionAtRun,
    versionNow: tableVersion(table),
    now: Date.now(),
  });
  if (rerun) void sqlActions.rerunLive();
}

export function useLiveRerun(): void {
  const live = useSqlStore((s) => s.live);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [live]);
}
