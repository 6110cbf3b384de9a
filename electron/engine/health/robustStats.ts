/**
 * Median and median absolute deviation over a scratch buffer. The buffers are bounded (a few
 * thousand values at most), so sorting a copy is cheap and exact; no streaming approximation is
 * needed.
 */

/** Median of the first n values; reorders them. NaN when n is 0. */
export function medianInPlace(values: Float64Array, n: number): number {
  if (n === 0) return Number.NaN;
  const sorted = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface MedianMad {
  median: number;
  mad: number;
  /** The 95th percentile: the location's usual busy level. */
  high: number;
}

/** Median, MAD and 95th percentile of the first n values; overwrites them with the deviations. */
export function medianAndMadInPlace(values: Float64Array, n: number): MedianMad {
  const median = medianInPlace(values, n);
  // medianInPlace left the values sorted.
  const high = n === 0 ? Number.NaN : (values[Math.min(n - 1, Math.floor(0.95 * n))] as number);
  for (let i = 0; i < n; i++) values[i] = Math.abs((values[i] as number) - median);
  return { median, mad: medianInPlace(values, n), high };
}

/** MAD times this estimates the standard deviation of normally distributed values. */
export const MAD_TO_SIGMA = 1.4826;
