/** "Running… 3.2 s" while the user's query waits for its first page. Live refreshes run quietly. */
import { formatElapsed } from './sqlStatusLine';
import { useSqlStore } from './sqlStore';
import { useNow } from './useNow';

export function RunningIndicator(): React.JSX.Element | null {
  const running = useSqlStore((s) => (s.running && !s.running.live ? s.running : null));
  const now = useNow(running !== null, 100);
  if (!running) return null;
  return (
    <span className="sql-running" role="status" data-testid="sql-running">
      <span className="sql-spinner" aria-hidden="true" />
      Running… {formatElapsed(Math.max(0, (now ?? running.startedAt) - running.startedAt))}
    </span>
  );
}
