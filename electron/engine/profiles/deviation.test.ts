import { describe, expect, it } from 'vitest';
import { deviationFrom } from './deviation';
import { quantileOfSorted } from './quantile';

describe('quantiles, interpolated between ranks', () => {
  it('by hand', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantileOfSorted(sorted, 4, 0.5)).toBe(2.5);
    expect(quantileOfSorted(sorted, 4, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileOfSorted(sorted, 4, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileOfSorted([7], 1, 0.9)).toBe(7);
    expect(quantileOfSorted([], 0, 0.5)).toBeNaN();
  });
});

describe('deviation from the typical day', () => {
  it('in robust standard deviations from the 10–90 band', () => {
    const deviation = deviationFrom(150, { median: 100, p10: 80, p90: 120, samples: 20 });
    // Band 40 wide = 2.5631 σ, so σ ≈ 15.606 and 50 above the median is ≈ 3.204 σ.
    expect(deviation.score).toBeCloseTo(50 / (40 / 2.5631), 9);
    expect(deviation.score).toBeCloseTo(3.204, 3);
    expect(deviation).toMatchObject({ band: 'above', reliable: true, median: 100 });
    expect(deviationFrom(85, { median: 100, p10: 80, p90: 120, samples: 20 }).band).toBe('within');
    expect(deviationFrom(60, { median: 100, p10: 80, p90: 120, samples: 3 })).toMatchObject({ band: 'below', reliable: false });
  });

  it('a flat band divides by the minimum spread, not by zero', () => {
    expect(deviationFrom(3, { median: 0, p10: 0, p90: 0, samples: 10 }).score).toBe(3);
    expect(deviationFrom(3, { median: 0, p10: 0, p90: 0, samples: 10 }, { minSpread: 0.5 }).score).toBe(6);
    expect(() => deviationFrom(3, { median: 0, p10: 0, p90: 0, samples: 10 }, { minSpread: 0 })).toThrow(RangeError);
  });
});
