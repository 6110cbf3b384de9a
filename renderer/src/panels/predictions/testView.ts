/** Test data: a Predictions view as the engine would send it, with what a test needs changed. */
import { DEFAULT_PREDICT_SETTINGS, type Metric, type PredictSeries, type PredictView } from '../../../../shared/predict/predictContract';

export function metric(mae: number | null, rows = 100): Metric {
  return { rows, mae, rmse: mae === null ? null : mae * 1.3, r2: mae === null ? null : 1 - mae / 100, mape: mae === null ? null : mae / 50 };
}

export function series(location: string, points = 3): PredictSeries {
  return {
    location,
    heldPoints: points,
    points: Array.from({ length: points }, (_, i) => ({ time: 1000 * i, actual: 10 + i, predicted: 11 + i, lower: 8 + i, upper: 14 + i })),
    anomalies: [],
    scatter: Array.from({ length: points }, (_, i) => ({ actual: 10 + i, predicted: 11 + i })),
  };
}

export function predictView(change: Partial<PredictView> = {}): PredictView {
  return {
    state: 'ready',
    message: null,
    settings: DEFAULT_PREDICT_SETTINGS,
    target: 'Total',
    numericColumns: ['CarCount', 'BikeCount', 'Total'],
    features: [],
    locations: [{ name: 'J01', scored: 10 }],
    location: 'J01',
    rows: { received: 0, processed: 0, backlog: 0, historyRows: 0, scored: 0, warmingUp: 0, inHistoryPeriod: 0, noTarget: 0 },
    historyUntil: null,
    historyRead: null,
    metrics: { model: metric(null, 0), lastValue: metric(null, 0), sameTimeYesterday: metric(null, 0) },
    locationMetrics: null,
    model: null,
    leakage: null,
    anomalies: [],
    anomalyCount: 0,
    series: null,
    ...change,
  };
}
