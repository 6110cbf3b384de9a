/**
 * The most recent readings of each time-of-day bin, `capacity` per bin, per location. Why this and
 * not a reservoir or a quantile sketch:
 * - bounded: bins × capacity numbers per location (twice: see below), fixed when the location
 *   first appears;
 * - recent: a typical day should describe the last weeks (roadworks end, school terms start), where
 *   a uniform reservoir would weigh the first month of a year-long file as much as the last;
 * - exact: with capacity readings kept, quantiles are exact over them, so the page's numbers can be
 *   checked by hand; a sketch (t-digest, P²) would be approximate and harder to test.
 * Each bin is kept twice: a ring in arrival order (which reading is the oldest) and the same
 * readings sorted. While a bin is asked about as often as it changes (the alarms ask for the band of
 * every row's bin), a new reading replaces the oldest in both: the oldest is found by binary search
 * and the readings between it and the new one's place move by one (insertion sort's step), so a
 * quantile is a lookup; sorting on demand there cost a sort per row and was the analysis worker's
 * largest cost. A bin that changes twice without being asked in between (the Profiles panel's
 * typical day, read a few times a second) stops being kept in order: readings are only stored, and
 * the bin is sorted when next asked.
 * With one reading per bin a day (cadence = bin width) capacity 56 is the last eight weeks: each
 * weekday eight times. Only finite readings are given (readingOf).
 */
import { quantileOfSorted } from './quantile';
import type { BinQuantiles } from './deviation';

export const DEFAULT_CAPACITY = 56;

/** The bin's sorted copy is out of date. */
const STALE = 0;
/** Sorted copy up to date, and asked about since the bin's last change: the next reading keeps it in order. */
const ASKED = 1;
/** Sorted copy up to date, not asked about since the last change: a second change makes it STALE. */
const CURRENT = 2;

export class RecentValues {
  /** Per bin, the readings in arrival order (a ring). */
  private readonly ring: Float64Array;
  /** Per bin, the same readings in ascending order, in its first `held` slots. */
  private readonly sorted: Float64Array;
  /** Readings held per bin (up to capacity). */
  private readonly held: Uint32Array;
  /** Where each bin's next reading goes in its ring. */
  private readonly next: Uint32Array;
  /** Per bin: STALE, ASKED or CURRENT (below). */
  private readonly order: Uint8Array;

  constructor(
    readonly bins: number,
    readonly capacity: number,
  ) {
    this.ring = new Float64Array(bins * capacity);
    this.sorted = new Float64Array(bins * capacity);
    this.held = new Uint32Array(bins);
    this.next = new Uint32Array(bins);
    this.order = new Uint8Array(bins).fill(STALE);
  }

  add(bin: number, value: number): void {
    const base = bin * this.capacity;
    const at = this.next[bin] as number;
    const n = this.held[bin] as number;
    const sorted = this.sorted;
    const order = this.order[bin] as number;
    if (order !== ASKED) {
      // Not asked about since its last change: store only; sorted when next asked.
      this.held[bin] = Math.min(n + 1, this.capacity);
      this.order[bin] = STALE;
    } else if (n < this.capacity) {
      this.order[bin] = CURRENT;
      // Room left: shift the larger readings up by one and put the new one in its place.
      let i = base + n;
      while (i > base && (sorted[i - 1] as number) > value) {
        sorted[i] = sorted[i - 1] as number;
        i--;
      }
      sorted[i] = value;
      this.held[bin] = n + 1;
    } else {
      this.order[bin] = CURRENT;
      // Full: the oldest reading's slot is reused, shifting only the readings between it and the new one's place.
      let i = lowerBound(sorted, base, base + n, this.ring[base + at] as number);
      while (i + 1 < base + n && (sorted[i + 1] as number) < value) {
        sorted[i] = sorted[i + 1] as number;
        i++;
      }
      while (i > base && (sorted[i - 1] as number) > value) {
        sorted[i] = sorted[i - 1] as number;
        i--;
      }
      sorted[i] = value;
    }
    this.ring[base + at] = value;
    this.next[bin] = at + 1 === this.capacity ? 0 : at + 1;
  }

  samples(bin: number): number {
    return this.held[bin] as number;
  }

  /** Median and 10/90 % quantiles of the readings held; null when the bin has none. */
  quantiles(bin: number): BinQuantiles | null {
    const out: BinQuantiles = { median: 0, p10: 0, p90: 0, samples: 0 };
    return this.quantilesInto(bin, out) ? out : null;
  }

  /** The same into `out` (no object per question: the alarms ask on every row); false, `out` untouched, when the bin has none. */
  quantilesInto(bin: number, out: BinQuantiles): boolean {
    const n = this.held[bin] as number;
    if (n === 0) return false;
    const base = bin * this.capacity;
    const sorted = this.sorted;
    if (this.order[bin] === STALE) {
      const held = sorted.subarray(base, base + n);
      held.set(this.ring.subarray(base, base + n));
      held.sort();
    }
    this.order[bin] = ASKED;
    out.median = quantileOfSorted(sorted, n, 0.5, base);
    out.p10 = quantileOfSorted(sorted, n, 0.1, base);
    out.p90 = quantileOfSorted(sorted, n, 0.9, base);
    out.samples = n;
    return true;
  }
}

/** First index in [from, to) whose value is ≥ value. */
function lowerBound(values: Float64Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
