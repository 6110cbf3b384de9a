/**
 * The Predictions panel: forecast a measure of each row from what was known before it, and show
 * how good that is next to naive forecasts. The engine trains and scores in a worker; this panel
 * sends settings and shows what comes back. Opening it is what starts feeding rows to the model.
 */
import { useEffect } from 'react';
import { useView } from '../../store/viewStore';
import { AnomalyTable } from './AnomalyTable';
import { LeakageBanner } from './LeakageBanner';
import { MetricsTable } from './MetricsTable';
import { ModelCard } from './ModelCard';
import { NextReplayHint } from './NextReplayHint';
import { PredictNotice } from './PredictNotice';
import { PredictStatus } from './PredictStatus';
import { PredictionChart } from './PredictionChart';
import { SettingsBar } from './SettingsBar';
import { predictActions } from './predictActions';
import { useSettleRequests } from './usePredictRequests';
import './predictions.css';

export function PredictionsPanel(): React.JSX.Element {
  const view = useView((s) => s.predict);
  const hasTime = useView((s) => s.file?.time != null);
  useSettleRequests();
  useEffect(() => {
    void predictActions.open();
  }, []);

  if (view === null) {
    return (
      <section className="predict-panel" aria-label="Predictions">
        <p className="empty">Predictions start once a file is open.</p>
        <PredictNotice />
      </section>
    );
  }
  return (
    <section className="predict-panel" aria-label="Predictions">
      <PredictStatus view={view} />
      <NextReplayHint received={view.rows.received} />
      <SettingsBar view={view} />
      <PredictNotice />
      <LeakageBanner view={view} />
      <div className="predict-body">
        <PredictionChart view={view} hasTime={hasTime} />
        <div className="predict-side">
          {view.location !== null && view.locationMetrics !== null && <MetricsTable metrics={view.locationMetrics} scope={`at ${view.location}`} />}
          <MetricsTable metrics={view.metrics} scope="all locations" />
          <ModelCard model={view.model} hasTime={hasTime} />
        </div>
      </div>
      <AnomalyTable view={view} hasTime={hasTime} />
    </section>
  );
}
