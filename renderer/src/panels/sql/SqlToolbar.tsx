/** Run and Cancel, Live refresh, the chart switch and CSV export. */
import { RunningIndicator } from './RunningIndicator';
import { sqlActions } from './sqlActions';
import { useSqlStore } from './sqlStore';
import { useGridProgress } from './useGridProgress';

export function SqlToolbar(): React.JSX.Element {
  // Live refreshes run and count quietly (no Cancel flickering every second); turning Live off stops them.
  const userRunning = useSqlStore((s) => s.running !== null && !s.running.live);
  const hasGrid = useSqlStore((s) => s.grid !== null);
  const live = useSqlStore((s) => s.live);
  const view = useSqlStore((s) => s.view);
  const progress = useGridProgress();
  const counting = progress !== null && !progress.complete && !progress.stopped && !live;

  const toggleChart = (): void => {
    const next = view === 'chart' ? 'grid' : 'chart';
    useSqlStore.getState().setView(next);
    if (next === 'chart') sqlActions.loadChartRows();
  };

  return (
    <div className="sql-toolbar" role="toolbar" aria-label="SQL actions">
      <button type="button" className="primary" onClick={() => void sqlActions.run()} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run (Ctrl+Enter)">
        Run
      </button>
      {(userRunning || counting) && (
        <button type="button" onClick={() => void sqlActions.cancel()} title="Stop the running query">
          Cancel
        </button>
      )}
      <button
        type="button"
        aria-pressed={live}
        className={live ? 'sql-toggle on' : 'sql-toggle'}
        onClick={() => sqlActions.setLive(!live)}
        title="Run the query again whenever the table changes (at most once a second)"
      >
        Live
      </button>
      <button type="button" aria-pressed={view === 'chart'} className={view === 'chart' ? 'sql-toggle on' : 'sql-toggle'} disabled={!hasGrid} onClick={toggleChart}>
        Chart
      </button>
      <button type="button" disabled={!hasGrid} onClick={() => void sqlActions.exportCsv()} title="Every row of the result as CSV (the query runs again for all rows)">
        Export CSV
      </button>
      <RunningIndicator />
    </div>
  );
}
