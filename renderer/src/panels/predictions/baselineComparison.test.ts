import { describe, expect, it } from 'vitest';
import { metric } from './testView';
import { bestForecaster, verdict, verdicts } from './baselineComparison';

describe('model against the baselines', () => {
  const metrics = { model: metric(7.7), lastValue: metric(10), sameTimeYesterday: metric(null) };

  it('says by how much the model beats or trails a baseline on MAE', () => {
    expect(verdict(metric(7.7), metric(10), 'lastValue')).toEqual({ baseline: 'lastValue', beats: true, text: 'Beats last value by 23% MAE' });
    expect(verdict(metric(11.2), metric(10), 'sameTimeYesterday')).toEqual({ baseline: 'sameTimeYesterday', beats: false, text: 'Trails same time yesterday by 12% MAE' });
    expect(verdict(metric(10.01), metric(10), 'lastValue')?.beats).toBeNull();
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
