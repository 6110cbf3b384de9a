/** Saves the held forecasts, or the anomalies among them, as CSV (see predictActions.exportCsv). */
import type { PredictView } from '../../../../shared/predict/predictContract';
import { predictActions } from './predictActions';

export function ExportButtons({ view }: { view: PredictView }): React.JSX.Element {
  // Nothing is held before the first scored row.
  const noForecasts = view.rows.scored === 0;
  return (
    <div className="predict-export" role="group" aria-label="Export">
      <button type="button" disabled={noForecasts} title="Every forecast held for each location: time, location, actual, predicted, band, anomaly" onClick={() => void predictActions.exportCsv('forecasts')}>
        Export forecasts (CSV)
      </button>
      <button type="button" disabled={noForecasts} title="The anomalies among the held forecasts, by time" onClick={() => void predictActions.exportCsv('anomalies')}>
        Export anomalies (CSV)
      </button>
    </div>
  );
}
