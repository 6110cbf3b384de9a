/** A refused setting or a failed command, until dismissed or the next change. */
import { usePredictStore } from './predictStore';

export function PredictNotice(): React.JSX.Element | null {
  const notice = usePredictStore((s) => s.notice);
  if (notice === null) return null;
  return (
    <p className="predict-notice" role="alert" data-testid="predict-notice">
      {notice}
      <button type="button" className="predict-dismiss" aria-label="Dismiss message" onClick={() => usePredictStore.getState().setNotice(null)}>
        ×
      </button>
    </p>
  );
}
