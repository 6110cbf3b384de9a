import { describe, expect, it } from 'vitest';
import { clampRange, fullRange, nearestIndex, panBy, valueAt, visibleSlice, zoomAt } from './chartViewport';

const xs = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
const full = fullRange(xs)!;

describe('chart viewport', () => {
  it('finds the point nearest a value', () => {
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 24)).toBe(2);
    expect(nearestIndex(xs, 26)).toBe(3);
    expect(nearestIndex(xs, 1000)).toBe(10);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it('maps a fraction of the plot to a value', () => {
    expect(valueAt([0, 100], 0.25)).toBe(25);
    expect(valueAt([50, 100], 0.9)).toBe(95);
    expect(valueAt([0, 100], 1.5)).toBe(100);
  });

  it('zooms about the pointer, never narrower than a few points nor wider than the data', () => {
    expect(zoomAt(full, 50, 0.5, full, xs.length)).toEqual([25, 75]);
    // The value under the pointer stays where it was on screen (a fifth of the way across).
    const zoomed = zoomAt([0, 100], 20, 0.5, full, xs.length);
    expect((20 - zoomed[0]) / (zoomed[1] - zoomed[0])).toBeCloseTo(0.2);
    expect(zoomAt([40, 60], 50, 0.01, full, xs.length)).toEqual([30, 70]);
    expect(zoomAt([25, 75], 50, 4, full, xs.length)).toEqual(full);
  });

  it('pans and stops at the ends of the data', () => {
    expect(panBy([20, 60], 0.5, full, xs.length)).toEqual([40, 80]);
    expect(panBy([20, 60], -1, full, xs.length)).toEqual([0, 40]);
    expect(panBy([50, 90], 2, full, xs.length)).toEqual([60, 100]);
    expect(clampRange([60, 20], full, xs.length)).toEqual([20, 60]);
  });

  it('draws the points in range and one either side', () => {
    const points = xs.map((x) => ({ x }));
    expect(visibleSlice(points, [25, 45]).map((p) => p.x)).toEqual([20, 30, 40, 50]);
    expect(visibleSlice(points, [0, 100])).toHaveLength(11);
  });
});
