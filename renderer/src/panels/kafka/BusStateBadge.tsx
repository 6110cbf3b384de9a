/** The bus's state as a badge, with a live countdown to the next attempt while retrying. */
import type { BusState } from '../../../../shared/kafka/busContract';
import { formatRetry, STATE_LABELS } from './busFormat';
import { useRetryCountdown } from './retryClock';

export function BusStateBadge({ state }: { state: BusState }): React.JSX.Element {
  const remaining = useRetryCountdown();
  return (
    <span className="bus-state-line">
      <span className={`state bus-state bus-state-${state}`} data-testid="kafka-state" data-state={state}>
        {STATE_LABELS[state]}
      </span>
      {state === 'retrying' && remaining !== null && (
        <span className="muted" data-testid="kafka-retry" aria-live="off">
          {formatRetry(remaining)}
        </span>
      )}
    </span>
  );
}
