/**
 * The most recent readings of each time-of-day bin, `capacity` per bin, in one flat ring buffer
 * per location. Why this and not a reservoir or a quantile sketch:
 * - bounded: bins × capacity numbers per location, fixed when the location first appears;
 * - recent: a typical day should describe the last weeks (roadworks end, school terms start), where
 *   a uniform reservoir would weigh the first month of a year-long file as much as the last;
 * - exact: with capacity readings kept, quantiles are exact over them, so the page's numbers can be
 *   checked by hand; a sketch (t-digest, P²) would be approximate and harder to test;
 * - cheap: a row is one store; quantiles are computed only when asked, by sorting at most
 *   `capacity` numbers per bin.
 * With one reading per bin a day (cadence = bin width) capacity 56 is the last eight weeks: each
 * weekday eight times.
 */
import { quantileOfSorted } from './quantile';
import type { BinQuantiles } from './deviation';

export const DEFAULT_CAPACITY = 56;

export class RecentValues {
  private readonly values: Float64Array;
  /** Readings held per bin (up to capacity). */
  private readonly held: Uint32Array;
  /** Where each bin's next reading goes. */
  private readonly next: Uint32Array;
  /** Quantiles per bin (median, p10, p90), recomputed when the bin changed since. */
  private readonly cache: Float64Array;
  private readonly stale: Uint8Array;
  private readonly scratch: Float64Array;

  constructor(
    readonly bins: number,
    readonly capacity: number,
  ) {
    this.values = new Float64Array(bins * capacity);
    this.held = new Uint32Array(bins);
    this.next = new Uint32Array(bins);
    this.cache = new Float64Array(bins * 3);
    this.stale = new Uint8Array(bins).fill(1);
    this.scratch = new Float64Array(capacity);
  }

  add(bin: number, value: number): void {
    const at = this.next[bin] as number;
    this.values[bin * this.capacity + at] = value;
    this.next[bin] = at + 1 === this.capacity ? 0 : at + 1;
    if ((this.held[bin] as number) < this.capacity) this.held[bin] = (this.held[bin] as number) + 1;
    this.stale[bin] = 1;
  }

  samples(bin: number): number {
    return this.held[bin] as number;
  }

  /** Median and 10/90 % quantiles of the readings held; null when the bin has none. */
  quantiles(bin: number): BinQuantiles | null {
    const n = this.held[bin] as number;
    if (n === 0) return null;
    if (this.stale[bin] === 1) {
      const sorted = this.scratch.subarray(0, n);
      sorted.set(this.values.subarray(bin * this.capacity, bin * this.capacity + n));
      sorted.sort();
      this.cache[bin * 3] = quantileOfSorted(sorted, n, 0.5);
      this.cache[bin * 3 + 1] = quantileOfSorted(sorted, n, 0.1);
      this.cache[bin * 3 + 2] = quantileOfSorted(sorted, n, 0.9);
      this.stale[bin] = 0;
    }
    return { median: this.cache[bin * 3] as number, p10: this.cache[bin * 3 + 1] as number, p90: this.cache[bin * 3 + 2] as number, samples: n };
  }
}
