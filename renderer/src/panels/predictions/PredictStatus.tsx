/** The model's state in words, and where the rows went: received, processed, scored, skipped. */
import type { PredictState, PredictView } from '../../../../shared/predict/predictContract';
import { statusMessage } from './predictStatusMessage';
import { rowsLine } from './rowsLine';

const STATE_LABELS: Record<PredictState, string> = {
  off: 'Off',
  waiting: 'Waiting',
  loadingHistory: 'Loading history',
  ready: 'Ready',
  failed: 'Failed',
};

export function PredictStatus({ view }: { view: PredictView }): React.JSX.Element {
  return (
    <div className="predict-status">
      <span className={`state predict-state-${view.state}`} data-testid="predict-state">
        {STATE_LABELS[view.state]}
      </span>
      <span className="predict-message" role={view.state === 'failed' ? 'alert' : 'status'} data-testid="predict-message">
        {statusMessage(view)}
      </span>
      <span className="predict-rows" data-testid="predict-rows">
        {rowsLine(view.rows)}
      </span>
    </div>
  );
}
