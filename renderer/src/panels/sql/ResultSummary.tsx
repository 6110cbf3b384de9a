/** "1,234 rows · 12 ms", or "counting… 230,000 rows" while the engine counts; and how fresh a Live result is. */
import { liveAge, resultSummary } from './sqlStatusLine';
import { useSqlStore } from './sqlStore';
import { useGridProgress } from './useGridProgress';
import { useNow } from './useNow';

function LiveAge(): React.JSX.Element {
  const updatedAt = useSqlStore((s) => s.updatedAt);
  const now = useNow(true, 100);
  return (
    <span className="sql-live-age" data-testid="sql-live-age">
      <span className="live-dot" aria-hidden="true" />
      {liveAge(updatedAt, now ?? updatedAt ?? 0)}
    </span>
  );
}

export function ResultSummary(): React.JSX.Element | null {
  const elapsedMs = useSqlStore((s) => s.grid?.result.elapsedMs ?? null);
  const live = useSqlStore((s) => s.live);
  const progress = useGridProgress();
  if (!progress && !live) return null;
  return (
    <div className="sql-result-summary">
      {progress && elapsedMs !== null && (
        <span data-testid="sql-result-summary" aria-live="polite">
          {resultSummary({ ...progress, elapsedMs })}
        </span>
      )}
      {live && <LiveAge />}
    </div>
  );
}
