/**
 * Median and median absolute deviation over a scratch buffer. The buffers are bounded (a few
 * thousand values at most), so the statistics are exact; no streaming approximation is needed.
 * Order statistics are found by selection (quickselect, Floyd–Rivest), linear time, rather than
 * by sorting: the spike check refreshes them often during a replay and sorting was most of its cost.
 */
import quickselect from 'quickselect';

/** Puts the k-th smallest of the first n values at index k, smaller ones before it, larger after. */
function select(values: Float64Array, n: number, k: number): number {
  // quickselect only indexes and swaps, which a typed array does like an array; its types ask for T[].
  quickselect(values as unknown as number[], k, 0, n - 1);
  return values[k] as number;
}

/** Median of the first n values; reorders them. NaN when n is 0. */
export function medianInPlace(values: Float64Array, n: number): number {
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  const upper = select(values, n, mid);
  if (n % 2 === 1) return upper;
  // Even: the lower middle is the largest of the values the selection put before the upper one.
  let lower = values[0] as number;
  for (let i = 1; i < mid; i++) if ((values[i] as number) > lower) lower = values[i] as number;
  return (lower + upper) / 2;
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
  const high = n === 0 ? Number.NaN : select(values, n, Math.min(n - 1, Math.floor(0.95 * n)));
  for (let i = 0; i < n; i++) values[i] = Math.abs((values[i] as number) - median);
  return { median, mad: medianInPlace(values, n), high };
}

/** MAD times this estimates the standard deviation of normally distributed values. */
export const MAD_TO_SIGMA = 1.4826;
