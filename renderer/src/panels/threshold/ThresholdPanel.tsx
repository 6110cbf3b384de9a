/**
 * The original pipeline's `filter("Total > 50")`, made interactive: pick a numeric column and an
 * operator, drag the value over the column's observed range, and watch the passing count.
 */
import { useState } from 'react';
import { THRESHOLD_OPERATORS, type ThresholdOperator } from '../../../../shared/records';
import { formatCount, formatNumber, formatPercent } from '../../format';
import { actions } from '../../store/actions';
import { useView } from '../../store/viewStore';
import { sliderRange } from './sliderRange';

const OPERATOR_LABELS: Record<ThresholdOperator, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

export function ThresholdPanel(): React.JSX.Element | null {
  const view = useView((s) => s.threshold);
  const settings = view?.settings ?? null;
  // While dragging, the slider shows the user's value, not the engine's echo of an older one.
  const [draft, setDraft] = useState<{ column: string; value: number } | null>(null);
  if (!view) return null;
  if (!settings) {
    return (
      <section className="panel threshold-panel" aria-labelledby="threshold-title">
        <h2 id="threshold-title">Threshold</h2>
        <p>This file has no numeric column to filter on.</p>
      </section>
    );
  }
  const value = draft?.column === settings.column ? draft.value : settings.value;
  const range = sliderRange(view.observedMin, view.observedMax, value);
  const send = (next: number): void => {
    setDraft({ column: settings.column, value: next });
    void actions.setThreshold({ ...settings, value: next });
  };
  return (
    <section className="panel threshold-panel" aria-labelledby="threshold-title">
      <h2 id="threshold-title">Threshold</h2>
      <div className="threshold-row">
        <label>
          Column
          <select value={settings.column} onChange={(event) => void actions.setThreshold({ ...settings, column: event.target.value })}>
            {view.numericColumns.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Operator
          <select
            value={settings.operator}
            onChange={(event) => void actions.setThreshold({ ...settings, value, operator: event.target.value as ThresholdOperator })}
          >
            {THRESHOLD_OPERATORS.map((operator) => (
              <option key={operator} value={operator}>
                {OPERATOR_LABELS[operator]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input
            type="number"
            aria-label="Threshold value"
            value={value}
            step={range.step}
            onChange={(event) => {
              const next = Number(event.target.value);
              if (event.target.value !== '' && Number.isFinite(next)) send(next);
            }}
          />
        </label>
      </div>
      <input
        type="range"
        className="threshold-slider"
        aria-label="Threshold slider"
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        onChange={(event) => send(Number(event.target.value))}
      />
      <div className="slider-scale" aria-hidden="true">
        <span>{formatNumber(range.min)}</span>
        <span>{formatNumber(range.max)}</span>
      </div>
      <p className="threshold-summary" data-testid="threshold-summary">
        <strong data-testid="passing-count">{view.approximate ? '≈' : ''}{formatCount(view.passing)}</strong> of{' '}
        <span data-testid="evaluated-count">{formatCount(view.evaluated)}</span> rows pass{' '}
        <code>
          {settings.column} {OPERATOR_LABELS[settings.operator]} {formatNumber(settings.value)}
        </code>{' '}
        (<span data-testid="passing-rate">{formatPercent(view.passing, view.evaluated)}</span>)
      </p>
    </section>
  );
}
