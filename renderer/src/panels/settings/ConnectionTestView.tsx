/** The answer of "Test connection", in plain words: what happened, then the details the cluster gave. */
import type { ConnectionTestResult, ConnectionTestStatus } from '../../../../shared/kafka/profileContract';

const STATUS_LABELS: Record<ConnectionTestStatus, string> = {
  connected: 'Connected',
  unreachable: 'Unreachable',
  'auth-failed': 'Authentication failed',
  'tls-failed': 'TLS failed',
  error: 'Error',
};

type State = { kind: 'running' } | { kind: 'done'; result: ConnectionTestResult } | { kind: 'failed'; message: string };

export function ConnectionTestView({ state }: { state: State }): React.JSX.Element {
  if (state.kind === 'running') {
    return (
      <p className="connection-test" role="status" data-testid="connection-test" data-status="running">
        Testing the connection…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="connection-test status-error" role="status" data-testid="connection-test" data-status="error">
        <strong data-testid="connection-test-status">Could not test</strong> {state.message}
      </p>
    );
  }
  const { result } = state;
  const details = [
    result.brokers !== undefined ? `${result.brokers} ${result.brokers === 1 ? 'broker' : 'brokers'}` : null,
    result.version ?? null,
    `${(result.elapsedMs / 1000).toFixed(1)} s`,
  ].filter(Boolean);
  return (
    <div className={`connection-test status-${result.status}`} role="status" data-testid="connection-test" data-status={result.status}>
      <strong data-testid="connection-test-status">{STATUS_LABELS[result.status]}</strong>
      <span data-testid="connection-test-message"> {result.message}</span>
      <div className="muted" data-testid="connection-test-details">
        {details.join(' · ')}
      </div>
    </div>
  );
}
