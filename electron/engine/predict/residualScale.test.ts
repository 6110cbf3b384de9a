import { describe, expect, it } from 'vitest';
import { MIN_RESIDUALS, ResidualScale } from './residualScale';
import { normal, seededRandom } from './testing/testRows';

describe('the residual scale', () => {
  it('has no scale until a location has enough residuals', () => {
    const scale = new ResidualScale();
    for (let i = 0; i < MIN_RESIDUALS - 1; i++) scale.add(0, i % 2 === 0 ? 1 : -1);
    expect(scale.sigma(0)).toBeNaN();
    scale.add(0, 1);
    expect(scale.sigma(0)).toBeGreaterThan(0.9);
    expect(scale.sigma(1)).toBeNaN();
  });

  it('is the root mean square of the early residuals, a bias included (plain mean square at first)', () => {
    const scale = new ResidualScale();
    // Mean 0.35: a forecast a little low on average is off by the bias too.
    const residuals = [3, -1, 2, 0, -4, 1, 5, -2, 0, 1, -3, 2, 4, -1, 0, 2, -2, 1, 3, -5];
    residuals.forEach((r) => scale.add(0, r));
    // Σr² = 9+1+4+0+16+1+25+4+0+1+9+4+16+1+0+4+4+1+9+25 = 134.
    expect(scale.sigma(0)).toBeCloseTo(Math.sqrt(134 / 20), 12);
    const biased = new ResidualScale();
    for (let i = 0; i < 40; i++) biased.add(0, 10 + (i % 2 === 0 ? 1 : -1));
    expect(biased.sigma(0)).toBeCloseTo(Math.sqrt(101), 9);
  });

  it('follows a location whose forecasts get worse, and keeps locations apart', () => {
    const scale = new ResidualScale();
    const random = seededRandom(3);
    for (let i = 0; i < 500; i++) {
      scale.add(0, normal(random));
      scale.add(1, 10 * normal(random));
    }
    expect(scale.sigma(0)).toBeGreaterThan(0.6);
    expect(scale.sigma(0)).toBeLessThan(1.5);
    expect(scale.sigma(1)).toBeGreaterThan(6);
    for (let i = 0; i < 500; i++) scale.add(0, 5 * normal(random));
    expect(scale.sigma(0)).toBeGreaterThan(3);
  });

  it('limits how much one clamped outlier widens the scale', () => {
    const clamped = new ResidualScale();
    const free = new ResidualScale();
    for (let i = 0; i < 100; i++) {
      clamped.add(0, i % 2 === 0 ? 1 : -1);
      free.add(0, i % 2 === 0 ? 1 : -1);
    }
    clamped.add(0, 1e9, 3 * clamped.sigma(0));
    free.add(0, 1e9);
    expect(clamped.sigma(0)).toBeLessThan(1.1);
    expect(free.sigma(0)).toBeGreaterThan(1e7);
  });
});
