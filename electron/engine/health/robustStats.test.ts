import { describe, expect, it } from 'vitest';
import { medianAndMadInPlace, medianInPlace } from './robustStats';

/** The textbook definitions, by sorting a copy. */
function sortedMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

describe('robust statistics', () => {
  it('agree with sorting on odd and even counts, ties and a buffer longer than the values', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const n of [1, 2, 3, 4, 5, 10, 11, 96, 97, 1536, 1537]) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 40));
      const buffer = new Float64Array(n + 5).fill(-1000);
      buffer.set(values);
      const median = sortedMedian(values);
      const sorted = [...values].sort((a, b) => a - b);
      const high = sorted[Math.min(n - 1, Math.floor(0.95 * n))];
      const mad = sortedMedian(values.map((v) => Math.abs(v - median)));
      expect(medianAndMadInPlace(buffer, n)).toEqual({ median, mad, high });
      buffer.set(values);
      expect(medianInPlace(buffer, n)).toBe(median);
    }
  });

  it('is NaN for no values', () => {
    expect(medianInPlace(new Float64Array(3), 0)).toBeNaN();
  });
});
