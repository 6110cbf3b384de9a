import { describe, expect, it } from 'vitest';
import { DERIVED_FEATURE_WIDTH, DERIVED_FEATURES } from '../../../shared/predict/predictContract';
import { featureLayout, modelWidth } from './featureLayout';

describe('the model’s input columns', () => {
  it('names every column the model card shows, time features first, then lags, then raw columns', () => {
    const layout = featureLayout(DERIVED_FEATURES, [{ name: 'CarCount', column: 1 }], 'Total', false);
    expect(layout.names).toEqual([
      'sin(time of day)',
      'cos(time of day)',
      'sin(2× time of day)',
      'cos(2× time of day)',
      'sin(day of week)',
      'cos(day of week)',
      'weekend',
      'Total[t−1]',
      'Total[t−2]',
      'Total[t−4]',
      'Total[t−1 day]',
      'CarCount',
    ]);
    expect(layout.width).toBe(12);
    expect(layout.rawPositions).toEqual([11]);
  });

  it('has the width the contract gives each derived feature', () => {
    for (const id of DERIVED_FEATURES) expect(featureLayout([id], [], 'Total', false).width).toBe(DERIVED_FEATURE_WIDTH[id]);
  });

  it('adds squares and pairwise products of lags and raw columns only for the polynomial model; time stays linear', () => {
    const layout = featureLayout(['timeOfDay', 'lag1', 'lag2'], [{ name: 'Cars', column: 2 }], 'Total', true);
    expect(layout.names.slice(4)).toEqual([
      'Total[t−1]',
      'Total[t−2]',
      'Cars',
      'Total[t−1]²',
      'Total[t−1] × Total[t−2]',
      'Total[t−1] × Cars',
      'Total[t−2]²',
      'Total[t−2] × Cars',
      'Cars²',
    ]);
    expect(layout.names.filter((name) => name.includes('time of day') && (name.includes('²') || name.includes(' × ')))).toEqual([]);
    expect(layout.rawPositions).toEqual([6]);
  });

  it('computes the width without building the layout', () => {
    for (const polynomial of [false, true]) {
      for (const raw of [0, 1, 5]) {
        const rawColumns = Array.from({ length: raw }, (_, i) => ({ name: `c${i}`, column: i }));
        expect(modelWidth(DERIVED_FEATURES, raw, polynomial)).toBe(featureLayout(DERIVED_FEATURES, rawColumns, 'T', polynomial).width);
        expect(modelWidth(['lag1'], raw, polynomial)).toBe(featureLayout(['lag1'], rawColumns, 'T', polynomial).width);
      }
    }
  });
});
