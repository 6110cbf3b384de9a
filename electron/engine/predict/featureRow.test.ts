import { describe, expect, it } from 'vitest';
import { DERIVED_FEATURES } from '../../../shared/predict/predictContract';
import { featureLayout } from './featureLayout';
import { writeFeatureRow } from './featureRow';
import { emptyLagValues, LocationLags } from './locationLags';
import { MINUTE_MS, MONDAY } from './testing/testRows';
import { DAY_MS } from './timeFeatures';

const STEP = 15 * MINUTE_MS;

describe('one row’s model inputs', () => {
  it('are built from the time, the location’s past and the chosen raw columns, in layout order', () => {
    const layout = featureLayout(DERIVED_FEATURES, [{ name: 'Cars', column: 1 }], 'Total', false);
    const lags = { lag1: 10, lag2: 9, lag4: 7, yesterday: 12 };
    const out = new Float64Array(2 + layout.width).fill(-1);
    const saturdayNoon = MONDAY + 5 * DAY_MS + DAY_MS / 2;
    expect(writeFeatureRow(layout, saturdayNoon, lags, Float64Array.from([99, 42]), 0, out, 2)).toBe(true);
    expect(out[0]).toBe(-1); // written from the offset on
    const row = Array.from(out.subarray(2));
    expect(row[0]).toBeCloseTo(0, 12); // sin(π) at noon
    expect(row[1]).toBeCloseTo(-1, 12); // cos(π)
    expect(row[6]).toBe(1); // weekend
    expect(row.slice(7)).toEqual([10, 9, 7, 12, 42]);
    // The target (99) is never an input.
    expect(row).not.toContain(99);
  });

  it('multiplies the inputs for the polynomial model', () => {
    const layout = featureLayout(['lag1', 'lag2'], [], 'Total', true);
    const out = new Float64Array(layout.width);
    writeFeatureRow(layout, Number.NaN, { lag1: 3, lag2: 5, lag4: Number.NaN, yesterday: Number.NaN }, new Float64Array(0), 0, out, 0);
    expect(Array.from(out)).toEqual([3, 5, 9, 15, 25]);
  });

  it('reports a row with any chosen input missing, so it is neither forecast nor trained on', () => {
    const layout = featureLayout(['timeOfDay', 'lag1'], [{ name: 'Cars', column: 0 }], 'Total', false);
    const out = new Float64Array(layout.width);
    const lags = { ...emptyLagValues(), lag1: 4 };
    expect(writeFeatureRow(layout, MONDAY, lags, Float64Array.from([1]), 0, out, 0)).toBe(true);
    expect(writeFeatureRow(layout, MONDAY, { ...lags, lag1: Number.NaN }, Float64Array.from([1]), 0, out, 0)).toBe(false);
    expect(writeFeatureRow(layout, MONDAY, lags, Float64Array.from([Number.NaN]), 0, out, 0)).toBe(false);
    expect(writeFeatureRow(layout, Number.NaN, lags, Float64Array.from([1]), 0, out, 0)).toBe(false);
    // An unchosen missing lag does not matter.
    expect(writeFeatureRow(layout, MONDAY, { ...lags, lag4: Number.NaN, yesterday: Number.NaN }, Float64Array.from([1]), 0, out, 0)).toBe(true);
  });

  it('carries lags and time across midnight: 23:45 is the previous interval of 00:00', () => {
    const layout = featureLayout(['timeOfDay', 'dayOfWeek', 'lag1', 'lag2'], [], 'Total', false);
    const lags = new LocationLags(true);
    const sundayLate = MONDAY + 7 * DAY_MS - 2 * STEP; // Sunday 23:30
    lags.learn(0, sundayLate, 30);
    lags.learn(0, sundayLate + STEP, 45);
    const midnight = sundayLate + 2 * STEP; // Monday 00:00
    const values = emptyLagValues();
    lags.read(0, midnight, values);
    const out = new Float64Array(layout.width);
    expect(writeFeatureRow(layout, midnight, values, new Float64Array(0), 0, out, 0)).toBe(true);
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 1, 0, 1]);
    expect(out[6]).toBe(0); // Monday: weekend over
    expect(Array.from(out.subarray(7))).toEqual([45, 30]);
  });
});
