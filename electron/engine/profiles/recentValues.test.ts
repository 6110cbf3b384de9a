import { describe, expect, it } from 'vitest';
import { RecentValues } from './recentValues';

/** Type-7 quantile by the textbook: sort a copy, interpolate between the two nearest ranks. */
function reference(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return (sorted[below] as number) + (rank - below) * ((sorted[above] as number) - (sorted[below] as number));
}

describe('RecentValues', () => {
  // Asked after every reading, bins are kept in order as readings come; asked now and then, they are sorted when asked.
  it.each([
    ['asked after every reading', 1],
    ['asked now and then', 0.3],
  ])('gives the quantiles of exactly the last `capacity` readings of each bin, as sorting them would (%s)', (_, askShare) => {
    const capacity = 7;
    const recent = new RecentValues(3, capacity);
    const kept: number[][] = [[], [], []];
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 500; i++) {
      const bin = Math.floor(random() * 3);
      // Small integers: many ties, as counts have; ties are where a sorted copy goes wrong first.
      const value = Math.floor(random() * 6) - 1;
      recent.add(bin, value);
      const list = kept[bin] as number[];
      list.push(value);
      if (list.length > capacity) list.shift();
      if (random() > askShare) continue;
      const q = recent.quantiles(bin);
      expect(q?.samples).toBe(list.length);
      expect(q?.median).toBeCloseTo(reference(list, 0.5), 12);
      expect(q?.p10).toBeCloseTo(reference(list, 0.1), 12);
      expect(q?.p90).toBeCloseTo(reference(list, 0.9), 12);
    }
  });

  it('has no quantiles for a bin without readings', () => {
    const recent = new RecentValues(2, 4);
    recent.add(0, 5);
    expect(recent.quantiles(1)).toBeNull();
    expect(recent.quantiles(0)).toEqual({ median: 5, p10: 5, p90: 5, samples: 1 });
  });

  it('answers into a given object the same as quantiles, and leaves it alone for a bin without readings', () => {
    const recent = new RecentValues(2, 4);
    for (const value of [7, 1, 4, 9, 3]) recent.add(0, value);
    const out = { median: -1, p10: -1, p90: -1, samples: -1 };
    expect(recent.quantilesInto(1, out)).toBe(false);
    expect(out).toEqual({ median: -1, p10: -1, p90: -1, samples: -1 });
    expect(recent.quantilesInto(0, out)).toBe(true);
    // The last four of 7, 1, 4, 9, 3 sorted: 1, 3, 4, 9.
    expect(out.samples).toBe(4);
    expect(out.median).toBeCloseTo(3.5, 12);
    expect(out.p10).toBeCloseTo(1.6, 12);
    expect(out.p90).toBeCloseTo(7.5, 12);
    expect(recent.quantiles(0)).toEqual(out);
  });
});
