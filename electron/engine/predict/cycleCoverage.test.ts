import { describe, expect, it } from 'vitest';
import { coveredColumns, fitCoveredColumns } from './cycleCoverage';
import { featureLayout } from './featureLayout';
import { HOUR_MS } from './testing/testRows';
import { DAY_MS } from './timeFeatures';

describe('cyclic features and the time the training rows span', () => {
  const layout = featureLayout(['timeOfDay', 'dayOfWeek', 'lag1'], [{ name: 'Cars', column: 1 }], 'Total', false);

  it('fits the lags and raw columns at once, the time of day after most of a day, the day of week after most of a week', () => {
    expect(coveredColumns(layout, 4 * HOUR_MS)).toEqual([7, 8]);
    expect(coveredColumns(layout, DAY_MS - 15 * 60_000)).toEqual([0, 1, 2, 3, 7, 8]);
    expect(coveredColumns(layout, 7 * DAY_MS - 15 * 60_000)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('finds the day-of-week columns where they are without the time of day', () => {
    const weekOnly = featureLayout(['dayOfWeek', 'lag1'], [], 'Total', false);
    expect(coveredColumns(weekOnly, 2 * DAY_MS)).toEqual([3]);
    expect(coveredColumns(weekOnly, 7 * DAY_MS)).toEqual([0, 1, 2, 3]);
  });
});

describe('the fit on the covered columns', () => {
  it('reports one coefficient per layout column, 0 for the time terms it left out', () => {
    const layout = featureLayout(['timeOfDay', 'lag1'], [], 'Total', false);
    const rows = 60;
    const x = new Float64Array(rows * layout.width);
    const y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      x.set([Math.sin(r), Math.cos(r), Math.sin(2 * r), Math.cos(2 * r), r], r * layout.width);
      y[r] = 3 + 2 * r + 5 * Math.sin(r);
    }
    const early = fitCoveredColumns([{ x, y }], layout, { kind: 'linear', lambda: 0 }, 3 * HOUR_MS);
    expect(early.coefficients).toHaveLength(5);
    expect(Array.from(early.coefficients.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    const full = fitCoveredColumns([{ x, y }], layout, { kind: 'linear', lambda: 0 }, DAY_MS);
    expect(full.coefficients[0]).toBeCloseTo(5, 9);
    expect(full.coefficients[4]).toBeCloseTo(2, 9);
  });
});
