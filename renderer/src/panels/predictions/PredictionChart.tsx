/**
 * The chart of one location, chosen here (the engine sends only that location's series): the
 * values over time, or predicted against actual.
 */
import type { PredictView } from '../../../../shared/predict/predictContract';
import { formatCount } from '../../format';
import { useView } from '../../store/viewStore';
import { ActualVsPredictedChart } from './ActualVsPredictedChart';
import { OverTimeChart } from './OverTimeChart';
import { predictActions } from './predictActions';
import { usePredictStore, type PredictChartView } from './predictStore';
import { useShownLocation } from './usePredictRequests';

const VIEWS: readonly { id: PredictChartView; label: string }[] = [
  { id: 'time', label: 'Over time' },
  { id: 'scatter', label: 'Predicted vs actual' },
];

export function PredictionChart({ view, hasTime }: { view: PredictView; hasTime: boolean }): React.JSX.Element {
  const chartView = usePredictStore((s) => s.chartView);
  const alarms = useView((s) => s.analysis?.alarms ?? null);
  const location = useShownLocation(view);
  const series = view.series !== null && view.series.location === location ? view.series : null;
  const target = view.model?.target ?? view.target ?? 'value';
  return (
    <div className="predict-chart-area">
      <div className="predict-chart-controls">
        <label>
          Location
          <select aria-label="Location" value={location ?? ''} disabled={view.locations.length === 0} onChange={(event) => void predictActions.selectLocation(event.target.value)}>
            {location === null && <option value="">{view.locations.length === 0 ? 'No location scored yet' : 'Choose…'}</option>}
            {view.locations.map((l) => (
              <option key={l.name} value={l.name}>
                {l.name} ({formatCount(l.scored)} scored)
              </option>
            ))}
          </select>
        </label>
        <div className="predict-chart-views" role="group" aria-label="Chart view">
          {VIEWS.map(({ id, label }) => (
            <button key={id} type="button" aria-pressed={chartView === id} className={chartView === id ? 'predict-toggle on' : 'predict-toggle'} onClick={() => usePredictStore.getState().setChartView(id)}>
              {label}
            </button>
          ))}
        </div>
        {series && series.heldPoints > series.points.length && (
          <span className="panel-meta">
            {formatCount(series.points.length)} of {formatCount(series.heldPoints)} points drawn
          </span>
        )}
      </div>
      {series === null || series.points.length === 0 ? (
        <p className="empty predict-chart-placeholder" data-testid="predict-chart-empty">
          {location === null ? 'The chart appears once a location has scored rows.' : `No forecasts for ${location} yet.`}
        </p>
      ) : chartView === 'time' ? (
        <OverTimeChart series={series} target={target} hasTime={hasTime} anomalyK={view.settings.anomalyK} alarms={alarms} />
      ) : (
        <ActualVsPredictedChart series={series} target={target} />
      )}
    </div>
  );
}
