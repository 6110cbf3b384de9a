/** The words beside the Predictions panel's state. Pure, so the phrasing is pinned by unit tests. */
import type { PredictState, PredictView } from '../../../../shared/predict/predictContract';
import { formatEventTime } from '../../formatTime';

/** Said when the engine sends no message of its own. */
const STATE_HINTS: Record<PredictState, string> = {
  off: 'Starting the model…',
  waiting: 'Waiting for rows: start a replay.',
  loadingHistory: 'Training on the history…',
  ready: 'Forecasting each row before it is used for training.',
  failed: 'The model stopped.',
};

/**
 * What the panel says beside the state: the engine's own message, else why a ready model has
 * nothing on its charts yet (the replay is still inside the history it learnt from), else the
 * state's usual hint.
 */
export function statusMessage(view: Pick<PredictView, 'state' | 'message' | 'rows' | 'historyUntil'>): string {
  if (view.message !== null) return view.message;
  const { rows, historyUntil } = view;
  if (view.state === 'ready' && historyUntil !== null && rows.scored === 0 && rows.inHistoryPeriod > 0) {
    return `The replay is inside the history period (to ${formatEventTime(historyUntil, false)}): the model learnt those rows, so forecasts start after it.`;
  }
  return STATE_HINTS[view.state];
}

