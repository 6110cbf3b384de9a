/**
 * The metrics table's rows and columns, and how the model compares with the naive forecasts:
 * "beats last value by 23% MAE". A model that cannot beat "same as last interval" is not worth
 * its features, so the panel says so plainly.
 */
import type { Metric, PredictMetrics } from '../../../../shared/predict/predictContract';

export type MetricKey = 'mae' | 'rmse' | 'r2' | 'mape';
export type Forecaster = keyof PredictMetrics;

export const METRIC_ROWS: readonly { key: MetricKey; label: string; title: string }[] = [
  { key: 'mae', label: 'MAE', title: 'Mean absolute error, in the target’s units (lower is better)' },
  { key: 'rmse', label: 'RMSE', title: 'Root mean squared error: punishes large misses (lower is better)' },
  { key: 'r2', label: 'R²', title: 'Share of the variance explained (1 is perfect, 0 is the mean, higher is better)' },
  { key: 'mape', label: 'MAPE', title: 'Mean absolute percentage error over non-zero actual values (lower is better)' },
];

export const FORECASTERS: readonly { key: Forecaster; label: string }[] = [
  { key: 'model', label: 'Model' },
  { key: 'lastValue', label: 'Last value' },
  { key: 'sameTimeYesterday', label: 'Same time yesterday' },
];

const higherIsBetter = (key: MetricKey): boolean => key === 'r2';

/** The forecaster with the best value of a metric, or null when fewer than two have one (nothing to compare). */
export function bestForecaster(metrics: PredictMetrics, key: MetricKey): Forecaster | null {
  const scored = FORECASTERS.map(({ key: who }) => ({ who, value: metrics[who][key] })).filter(
    (entry): entry is { who: Forecaster; value: number } => entry.value !== null && Number.isFinite(entry.value),
  );
  if (scored.length < 2) return null;
  const better = (a: number, b: number): boolean => (higherIsBetter(key) ? a > b : a < b);
  return scored.reduce((best, entry) => (better(entry.value, best.value) ? entry : best)).who;
}

export interface Verdict {
  baseline: Forecaster;
  /** null: level (within half a percent). */
  beats: boolean | null;
  text: string;
}

/** The model against one baseline, by MAE; null until both have scored rows. */
export function verdict(model: Metric, baseline: Metric, baselineKey: Forecaster): Verdict | null {
  if (model.mae === null || baseline.mae === null || baseline.mae <= 0) return null;
  const name = (FORECASTERS.find((f) => f.key === baselineKey)?.label ?? baselineKey).toLowerCase();
  const percent = Math.round(((baseline.mae - model.mae) / baseline.mae) * 100);
  if (percent === 0) return { baseline: baselineKey, beats: null, text: `Level with ${name} on MAE` };
  return percent > 0
    ? { baseline: baselineKey, beats: true, text: `Beats ${name} by ${percent}% MAE` }
    : { baseline: baselineKey, beats: false, text: `Trails ${name} by ${-percent}% MAE` };
}

export function verdicts(metrics: PredictMetrics): Verdict[] {
  return FORECASTERS.filter((f) => f.key !== 'model')
    .map((f) => verdict(metrics.model, metrics[f.key], f.key))
    .filter((v): v is Verdict => v !== null);
}
