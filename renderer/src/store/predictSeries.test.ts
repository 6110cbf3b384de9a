import { describe, expect, it } from 'vitest';
import { predictView, series } from '../panels/predictions/testView';
import { keptSeries } from './predictSeries';

describe('kept prediction series', () => {
  const held = predictView({ series: series('J01') });

  it('takes a fresh series as sent', () => {
    const fresh = series('J01', 5);
    expect(keptSeries(held, predictView({ series: fresh }))).toBe(fresh);
  });

  it('keeps the last series while the engine says it is unchanged', () => {
    expect(keptSeries(held, predictView())).toBe(held.series);
    expect(keptSeries(held, predictView({ state: 'failed' }))).toBe(held.series);
  });

  it('drops it when the location or the target changes', () => {
    expect(keptSeries(held, predictView({ location: 'J02' }))).toBeNull();
    expect(keptSeries(held, predictView({ location: null }))).toBeNull();
    expect(keptSeries(held, predictView({ target: 'CarCount' }))).toBeNull();
  });

  it('drops it when the model starts over', () => {
    expect(keptSeries(held, predictView({ state: 'waiting' }))).toBeNull();
    expect(keptSeries(held, predictView({ state: 'loadingHistory' }))).toBeNull();
    expect(keptSeries(held, predictView({ state: 'off' }))).toBeNull();
  });

  it('has nothing to keep before the first series', () => {
    expect(keptSeries(null, predictView())).toBeNull();
    expect(keptSeries(predictView(), predictView())).toBeNull();
  });
});
