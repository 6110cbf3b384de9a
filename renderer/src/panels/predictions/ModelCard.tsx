/**
 * What the model is: its kind and target, the coefficients of its last fit (in each input's own
 * units), what it trained on, and when and how fast it last refitted.
 */
import { MODEL_KIND_LABELS, type ModelCard as Card } from '../../../../shared/predict/predictContract';
import { formatCount, formatNumber } from '../../format';
import { useNow } from '../sql/useNow';
import { NO_VALUE, formatAgo, formatClock, formatPointTime, formatR2, formatValue } from './predictFormat';

function windowSpan(model: Card, hasTime: boolean): string {
  if (model.windowFrom === null || model.windowTo === null) return NO_VALUE;
  return `${formatPointTime(model.windowFrom, hasTime)} – ${formatPointTime(model.windowTo, hasTime)}`;
}

function Facts({ model, hasTime }: { model: Card; hasTime: boolean }): React.JSX.Element {
  const now = useNow(true, 1000);
  const clock = formatClock(model.lastRefitAt);
  return (
    <dl className="fact-list">
      <dt>Kind</dt>
      <dd>
        {MODEL_KIND_LABELS[model.kind]}
        {model.kind === 'ridge' && `, λ = ${formatValue(model.lambda)}`}
      </dd>
      <dt>Target</dt>
      <dd>{model.target}</dd>
      <dt>Training rows</dt>
      <dd>
        {formatCount(model.trainingRows)} ({formatCount(model.historyRows)} history + {formatCount(model.windowRows)} window)
      </dd>
      <dt>Window span</dt>
      <dd>{windowSpan(model, hasTime)}</dd>
      <dt>Last refit</dt>
      <dd title={`at ${clock}`}>{now === null ? clock : `${formatAgo(model.lastRefitAt, now)} (${clock})`}</dd>
      <dt>Refit took</dt>
      <dd>{formatNumber(model.refitMs)} ms</dd>
      <dt>Refits</dt>
      <dd>{formatCount(model.refits)}</dd>
      <dt>Training R²</dt>
      <dd>{formatR2(model.trainingR2)}</dd>
    </dl>
  );
}

export function ModelCard({ model, hasTime }: { model: Card | null; hasTime: boolean }): React.JSX.Element {
  return (
    <section className="predict-model-card" aria-label="Model card">
      <h3>Model</h3>
      {model === null ? (
        <p className="empty">No model fitted yet.</p>
      ) : (
        <>
          <Facts model={model} hasTime={hasTime} />
          <div className="predict-coefficients">
            <table className="predict-table" aria-label="Model coefficients">
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col" className="num">
                    Coefficient
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">(intercept)</th>
                  <td className="num">{formatValue(model.intercept)}</td>
                </tr>
                {model.coefficients.map((c, index) => (
                  <tr key={`${index}:${c.name}`}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{formatValue(c.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
