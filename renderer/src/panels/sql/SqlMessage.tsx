/**
 * What the last run said, under the editor: SQLite's error (with where it points), why a query
 * was cancelled, what a statement did ("View mine created"), or a failed command.
 */
import { errorLocation } from './errorLocation';
import { useSqlStore } from './sqlStore';

function OutcomeMessage(): React.JSX.Element | null {
  const outcome = useSqlStore((s) => s.outcome);
  if (!outcome) return null;
  const { result } = outcome;
  const prefix = outcome.live ? 'Live refresh: ' : '';
  switch (result.status) {
    case 'rows':
      return null;
    case 'error':
      return (
        <p className="sql-message sql-message-error" role="alert" data-testid="sql-error">
          {prefix}
          {result.error.message}
          {result.error.position && <span className="sql-error-where"> ({errorLocation(outcome.sql, result.error.position.from)})</span>}
        </p>
      );
    case 'cancelled':
      return (
        <p className="sql-message sql-message-cancelled" role="status" data-testid="sql-message">
          {prefix}
          {result.message}
        </p>
      );
    case 'done':
      return (
        <p className="sql-message sql-message-done" role="status" data-testid="sql-message">
          {result.message}
        </p>
      );
  }
}

export function SqlMessage(): React.JSX.Element {
  const notice = useSqlStore((s) => s.notice);
  return (
    <div className="sql-messages" aria-live="polite">
      <OutcomeMessage />
      {notice && (
        <p className={`sql-message sql-message-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="sql-notice">
          {notice.text}
          <button type="button" className="sql-dismiss" aria-label="Dismiss message" onClick={() => useSqlStore.getState().setNotice(null)}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
