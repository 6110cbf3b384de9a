/**
 * The metrics table's rows and columns, and how the model compares with the naive forecasts:
 * "Beats last value on MAE by 23%; trails it on RMSE by 4%". A model that cannot beat "same as last interval" is not worth
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
  /** true: better on MAE or RMSE and worse on neither; false: the reverse; null: level, or better on one and worse on the other. */
  beats: boolean | null;
  text: string;
}

/** The error metrics a verdict weighs: MAE for the typical miss, RMSE for the large ones. */
const VERDICT_METRICS = [
  { key: 'mae', label: 'MAE' },
  { key: 'rmse', label: 'RMSE' },
] as const;

/**
 * The model against one baseline on MAE and RMSE, saying which it beats and which it does not
 * ("Beats last value on MAE by 12%; trails it on RMSE by 8%"): a model that wins on the typical
 * miss but loses on the large ones is not simply better. Null until both have scored rows.
 */
export function verdict(model: Metric, baseline: Metric, baselineKey: Forecaster): Verdict | null {
  const name = (FORECASTERS.find((f) => f.key === baselineKey)?.label ?? baselineKey).toLowerCase();
  const parts: { label: string; percent: number }[] = [];
  for (const { key, label } of VERDICT_METRICS) {
    const ours = model[key];
    const theirs = baseline[key];
    if (ours === null || theirs === null || theirs <= 0) return null;
    // Within half a percent counts as level.
    parts.push({ label, percent: Math.round(((theirs - ours) / theirs) * 100) });
  }
  const better = parts.filter((p) => p.percent > 0);
  const worse = parts.filter((p) => p.percent < 0);
  const level = parts.filter((p) => p.percent === 0);
  const by = (list: typeof parts): string => list.map((p) => `${p.label} by ${Math.abs(p.percent)}%`).join(' and ');
  const on = (list: typeof parts): string => list.map((p) => p.label).join(' and ');
  const clauses: string[] = [];
  if (better.length > 0) clauses.push(`Beats ${name} on ${by(better)}`);
  if (worse.length > 0) clauses.push(better.length > 0 ? `trails it on ${by(worse)}` : `Trails ${name} on ${by(worse)}`);
  if (level.length > 0) clauses.push(clauses.length > 0 ? `level on ${on(level)}` : `Level with ${name} on ${on(level)}`);
  // Mixed (better on one, worse on the other) or level on both: neither a win nor a loss.
  const beats = worse.length === 0 && better.length > 0 ? true : better.length === 0 && worse.length > 0 ? false : null;
  return { baseline: baselineKey, beats, text: clauses.join('; ') };
}

export function verdicts(metrics: PredictMetrics): Verdict[] {
  return FORECASTERS.filter((f) => f.key !== 'model')
    .map((f) => verdict(metrics.model, metrics[f.key], f.key))
    .filter((v): v is Verdict => v !== null);
}
