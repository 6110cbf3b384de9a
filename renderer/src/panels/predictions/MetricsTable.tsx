/**
 * The model's accuracy beside two naive forecasts (the previous interval, the same time a day
 * earlier), over the same scored rows of one location or of all; the best value per metric is marked, and a line says by
 * how much the model beats (or trails) each baseline.
 */
import type { PredictMetrics } from '../../../../shared/predict/predictContract';
import { formatCount } from '../../format';
import { FORECASTERS, METRIC_ROWS, bestForecaster, verdicts, type MetricKey } from './baselineComparison';
import { formatMape, formatR2, formatValue } from './predictFormat';

function formatMetric(key: MetricKey, value: number | null): string {
  if (key === 'r2') return formatR2(value);
  if (key === 'mape') return formatMape(value);
  return formatValue(value);
}

const VERDICT_CLASS = { true: 'predict-verdict-better', false: 'predict-verdict-worse', null: 'predict-verdict-level' } as const;

/** `scope` says whose rows these are: "at J03" or "all locations" (the chart shows one location only). */
export function MetricsTable({ metrics, scope }: { metrics: PredictMetrics; scope: string }): React.JSX.Element {
  const lines = verdicts(metrics);
  return (
    <div className="predict-metrics">
      <table className="predict-table" aria-label={`Prediction metrics, ${scope}`}>
        <caption className="predict-metrics-scope">{scope.charAt(0).toUpperCase() + scope.slice(1)}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {FORECASTERS.map((f) => (
              <th key={f.key} scope="col" className="num">
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {METRIC_ROWS.map((row) => {
            const best = bestForecaster(metrics, row.key);
            return (
              <tr key={row.key}>
                <th scope="row" title={row.title}>
                  {row.label}
                </th>
                {FORECASTERS.map((f) => (
                  <td key={f.key} className={f.key === best ? 'num predict-best' : 'num'} title={f.key === best ? 'Best of the three' : undefined}>
                    {formatMetric(row.key, metrics[f.key][row.key])}
                  </td>
                ))}
              </tr>
            );
          })}
          <tr>
            <th scope="row" title="Rows each forecaster has scored">
              Rows
            </th>
            {FORECASTERS.map((f) => (
              <td key={f.key} className="num">
                {formatCount(metrics[f.key].rows)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {lines.length > 0 && (
        <ul className="predict-verdicts" aria-label={`Model against baselines, ${scope}`}>
          {lines.map((line) => (
            <li key={line.baseline} className={`predict-verdict ${VERDICT_CLASS[String(line.beats) as keyof typeof VERDICT_CLASS]}`}>
              {line.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
