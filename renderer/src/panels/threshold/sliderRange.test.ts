import { describe, expect, it } from 'vitest';
import { sliderRange } from './sliderRange';

describe('sliderRange', () => {
  it('spans the observed range with whole steps for counts', () => {
    expect(sliderRange(3, 275, 50)).toEqual({ min: 3, max: 275, step: 1 });
  });

  it('stretches to include a value outside what was observed', () => {
    expect(sliderRange(10, 20, 50)).toEqual({ min: 10, max: 50, step: 1 });
  });

  it('uses fine steps for decimal data and a default range before any data', () => {
    expect(sliderRange(0.5, 1.5, 1).step).toBeCloseTo(0.001);
    expect(sliderRange(null, null, 50)).toEqual({ min: 0, max: 100, step: 1 });
  });
});
