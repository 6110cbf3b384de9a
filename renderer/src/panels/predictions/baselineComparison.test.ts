import { describe, expect, it } from 'vitest';
import { metric } from './testView';
import { bestForecaster, verdict, verdicts } from './baselineComparison';

describe('model against the baselines', () => {
  const metrics = { model: metric(7.7), lastValue: metric(10), sameTimeYesterday: metric(null) };

  it('weighs MAE and RMSE, saying which the model beats and which it does not', () => {
    const m = (mae: number, rmse: number) => ({ rows: 100, mae, rmse, r2: null, mape: null });
    // (10 − 7.7) / 10 = 23 %; (13 − 12) / 13 = 7.7 % → 8 %.
    expect(verdict(m(7.7, 12), m(10, 13), 'lastValue')).toEqual({ baseline: 'lastValue', beats: true, text: 'Beats last value on MAE by 23% and RMSE by 8%' });
    expect(verdict(m(11.2, 15), m(10, 12), 'sameTimeYesterday')).toEqual({
      baseline: 'sameTimeYesterday',
      beats: false,
      text: 'Trails same time yesterday on MAE by 12% and RMSE by 25%',
    });
    // The case: better on the typical miss, worse on the large ones — not a win.
    expect(verdict(m(8.85, 14), m(9.54, 13), 'lastValue')).toEqual({ baseline: 'lastValue', beats: null, text: 'Beats last value on MAE by 7%; trails it on RMSE by 8%' });
    expect(verdict(m(10.01, 13), m(10, 12), 'lastValue')).toEqual({ baseline: 'lastValue', beats: false, text: 'Trails last value on RMSE by 8%; level on MAE' });
    expect(verdict(m(10.01, 12), m(10, 12), 'lastValue')).toEqual({ baseline: 'lastValue', beats: null, text: 'Level with last value on MAE and RMSE' });
  });

  it('says nothing until both have scored rows', () => {
    expect(verdict(metric(null), metric(10), 'lastValue')).toBeNull();
    expect(verdict(metric(3), metric(0), 'lastValue')).toBeNull();
    expect(verdicts(metrics).map((v) => v.baseline)).toEqual(['lastValue']);
  });

  it('picks the best value per metric: lowest error, highest R²', () => {
    expect(bestForecaster(metrics, 'mae')).toBe('model');
    expect(bestForecaster(metrics, 'r2')).toBe('model');
    expect(bestForecaster({ ...metrics, model: metric(12) }, 'rmse')).toBe('lastValue');
    expect(bestForecaster({ ...metrics, lastValue: metric(null) }, 'mae')).toBeNull();
  });
});
