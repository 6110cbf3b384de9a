import { describe, expect, it } from 'vitest';
import { MIN_COMMON_SLOTS, inferLinks, pairwiseCorrelation } from './inferredLinks';

/** A small deterministic pseudo-random generator so "independent" noise is the same every run. */
function noise(seed: number, length: number): number[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  });
}

const SLOTS = 48;
const base = Array.from({ length: SLOTS }, (_, slot) => 100 + 50 * Math.sin((2 * Math.PI * slot) / 24));
const follower = base.map((value, slot) => 2 * value + 10 + 3 * (noise(7, SLOTS)[slot]! - 0.5));
const opposite = base.map((value) => 300 - value);
const independent = noise(42, SLOTS).map((value) => 100 * value);

describe('pairwiseCorrelation', () => {
  it('is 1 for a straight-line relation, -1 for an inverse one', () => {
    expect(pairwiseCorrelation([1, 2, 3, 4, 5, 6, 7, 8], [3, 5, 7, 9, 11, 13, 15, 17]).r).toBeCloseTo(1, 12);
    expect(pairwiseCorrelation([1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1]).r).toBeCloseTo(-1, 12);
  });

  it('matches a hand-worked value', () => {
    // x = 1..8, y = [2,1,4,3,6,5,8,7]: mean 4.5 each, Σdx² = Σdy² = 42, Σdxdy = 38 → r = 38/42.
    expect(pairwiseCorrelation([1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 5, 8, 7]).r).toBeCloseTo(38 / 42, 12);
  });

  it('uses only slots both series have, and needs enough of them', () => {
    const a = [1, 2, NaN, 3, 4, 5, 6, 7, 8, 100];
    const b = [3, 5, 999, 7, 9, 11, 13, 15, 17, NaN];
    expect(pairwiseCorrelation(a, b)).toEqual({ r: expect.closeTo(1, 12) as number, commonSlots: 8 });
    const tooFew = Array.from({ length: MIN_COMMON_SLOTS - 1 }, (_, slot) => slot);
    expect(pairwiseCorrelation(tooFew, tooFew)).toEqual({ r: null, commonSlots: MIN_COMMON_SLOTS - 1 });
  });

  it('is null when a series does not vary', () => {
    expect(pairwiseCorrelation(new Float64Array(10).fill(5), Float64Array.from({ length: 10 }, (_, slot) => slot)).r).toBeNull();
  });
});

describe('inferLinks', () => {
  const series = new Map<string, ArrayLike<number>>([
    ['J03', Float64Array.from(follower)],
    ['J01', base],
    ['J02', opposite],
    ['J04', independent],
  ]);

  it('links correlated locations only — not anti-correlated or independent ones', () => {
    const links = inferLinks(series, 0.8);
    expect(links).toEqual([{ from: 'J01', to: 'J03', correlation: expect.closeTo(1, 2) as number, commonSlots: SLOTS, inferred: true }]);
    const correlationWithNoise = Math.abs(pairwiseCorrelation(base, independent).r!);
    expect(correlationWithNoise).toBeLessThan(0.5);
  });

  it('leaves out pairs a real road already joins, either way round', () => {
    expect(inferLinks(series, 0.8, [{ from: 'J03', to: 'J01' }])).toEqual([]);
  });

  it('lists strongest first, then by ids, the same whatever order the series come in', () => {
    const perfectCopy = Array.from(base);
    const more = new Map<string, ArrayLike<number>>([...series, ['J00', perfectCopy]]);
    const links = inferLinks(more, 0.8);
    expect(links.map((link) => `${link.from}-${link.to}`)).toEqual(['J00-J01', 'J00-J03', 'J01-J03']);
    const reversed = new Map([...more].reverse());
    expect(inferLinks(reversed, 0.8)).toEqual(links);
  });

  it('a negative threshold still never links flat or too-short series', () => {
    const flat = new Map<string, ArrayLike<number>>([
      ['A', new Array(20).fill(1)],
      ['B', base],
      ['C', [1, 2, 3]],
    ]);
    expect(inferLinks(flat, -1)).toEqual([]);
  });
});
