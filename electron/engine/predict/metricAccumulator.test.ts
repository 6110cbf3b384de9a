import { describe, expect, it } from 'vitest';
import { MetricAccumulator } from './metricAccumulator';

function metricOf(pairs: readonly [actual: number, predicted: number][]): ReturnType<MetricAccumulator['metric']> {
  const accumulator = new MetricAccumulator();
  for (const [actual, predicted] of pairs) accumulator.add(actual, predicted);
  return accumulator.metric();
}

describe('accuracy metrics', () => {
  it('match values worked out by hand', () => {
    // Errors: 2, −1, 0, 3. Actuals 10, 12, 8, 14 (mean 11, squared deviations 1+1+9+9 = 20).
    const metric = metricOf([
      [10, 8],
      [12, 13],
      [8, 8],
      [14, 11],
    ]);
    expect(metric.rows).toBe(4);
    expect(metric.mae).toBeCloseTo(6 / 4, 12);
    expect(metric.rmse).toBeCloseTo(Math.sqrt(14 / 4), 12);
    expect(metric.r2).toBeCloseTo(1 - 14 / 20, 12);
    expect(metric.mape).toBeCloseTo((2 / 10 + 1 / 12 + 0 + 3 / 14) / 4, 12);
  });

  it('leave rows whose actual value is 0 out of MAPE only', () => {
    const metric = metricOf([
      [0, 2],
      [10, 5],
    ]);
    expect(metric.mae).toBe(3.5);
    expect(metric.mape).toBe(0.5);
    expect(metricOf([[0, 1]]).mape).toBeNull();
  });

  it('are null before any row, and R² is null while every actual value is the same', () => {
    expect(new MetricAccumulator().metric()).toEqual({ rows: 0, mae: null, rmse: null, r2: null, mape: null });
    expect(
      metricOf([
        [5, 4],
        [5, 6],
      ]).r2,
    ).toBeNull();
  });

  it('give a perfect forecast R² 1 and forecasting the mean R² 0, with no drift over many rows', () => {
    const perfect = new MetricAccumulator();
    const mean = new MetricAccumulator();
    for (let i = 0; i < 1_000_000; i++) {
      const actual = 1e6 + (i % 2 === 0 ? 1 : -1);
      perfect.add(actual, actual);
      mean.add(actual, 1e6);
    }
    expect(perfect.metric().r2).toBe(1);
    expect(mean.metric().r2).toBeCloseTo(0, 9);
  });

  it('start over on clear', () => {
    const accumulator = new MetricAccumulator();
    accumulator.add(1, 2);
    accumulator.clear();
    accumulator.add(4, 4);
    expect(accumulator.metric()).toMatchObject({ rows: 1, mae: 0 });
  });
});
