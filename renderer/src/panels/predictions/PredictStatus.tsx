/** The model's state in words, and where the rows went: received, processed, scored, skipped. */
import type { PredictState, PredictView } from '../../../../shared/predict/predictContract';
import { rowsLine } from './rowsLine';

const STATE_LABELS: Record<PredictState, string> = {
  off: 'Off',
  waiting: 'Waiting',
  loadingHistory: 'Loading history',
  ready: 'Ready',
  failed: 'Failed',
};

/** Said when the engine sends no message of its own. */
const STATE_HINTS: Record<PredictState, string> = {
  off: 'Starting the model…',
  waiting: 'Waiting for rows: start a replay.',
  loadingHistory: 'Training on the history…',
  ready: 'Forecasting each row before it is used for training.',
  failed: 'The model stopped.',
};

export function PredictStatus({ view }: { view: PredictView }): React.JSX.Element {
  return (
    <div className="predict-status">
      <span className={`state predict-state-${view.state}`} data-testid="predict-state">
        {STATE_LABELS[view.state]}
      </span>
      <span className="predict-message" role={view.state === 'failed' ? 'alert' : 'status'} data-testid="predict-message">
        {view.message ?? STATE_HINTS[view.state]}
      </span>
      <span className="predict-rows" data-testid="predict-rows">
        {rowsLine(view.rows)}
      </span>
    </div>
  );
}
