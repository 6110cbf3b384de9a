/** Rows the model missed by more than k standard deviations, newest first, across every location. */
import type { PredictView } from '../../../../shared/predict/predictContract';
import { formatCount } from '../../format';
import { newestFirst } from './chartData';
import { ExportButtons } from './ExportButtons';
import { formatPointTime, formatValue, formatZ } from './predictFormat';

export function AnomalyTable({ view, hasTime }: { view: PredictView; hasTime: boolean }): React.JSX.Element {
  const rows = newestFirst(view.anomalies);
  return (
    <section className="predict-anomalies" aria-labelledby="predict-anomalies-title">
      <div className="predict-anomalies-head">
        <h3 id="predict-anomalies-title">
          Anomalies{' '}
          <span className="panel-meta" data-testid="predict-anomaly-count">
            {formatCount(view.anomalyCount)} in total{view.anomalyCount > rows.length ? `, newest ${formatCount(rows.length)} listed` : ''}
          </span>
        </h3>
        <ExportButtons view={view} />
      </div>
      {rows.length === 0 ? (
        <p className="empty">None yet: a row is an anomaly when it is more than {formatValue(view.settings.anomalyK)} standard deviations off its forecast.</p>
      ) : (
        <div className="predict-anomalies-scroll">
          <table className="predict-table" aria-label="Anomalies">
            <thead>
              <tr>
                <th scope="col">{hasTime ? 'Time' : 'Row'}</th>
                <th scope="col">Location</th>
                <th scope="col" className="num">
                  Actual
                </th>
                <th scope="col" className="num">
                  Predicted
                </th>
                <th scope="col" className="num" title="Residual in standard deviations of the recent residuals">
                  z
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a, index) => (
                <tr key={`${a.time}:${a.location}:${index}`}>
                  <td>{formatPointTime(a.time, hasTime)}</td>
                  <td>{a.location}</td>
                  <td className="num">{formatValue(a.actual)}</td>
                  <td className="num">{formatValue(a.predicted)}</td>
                  <td className={a.z > 0 ? 'num predict-z-high' : 'num predict-z-low'}>{formatZ(a.z)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
