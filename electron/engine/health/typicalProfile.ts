/**
 * What a location usually counts: the main measure's recent values per time-of-day bin, in
 * fixed-size rings (bounded memory per location). Two questions are asked of it:
 * - typical(bin): the median at this time of day, to judge a run of zeros;
 * - spread(): median and MAD over all bins together, to judge a spike. Taking the union of the
 *   bins rather than the last N rows keeps every hour of the day in the history whatever the
 *   cadence (1-min data would otherwise remember only the last few hours).
 * The overall statistic is refreshed every REFRESH_EVERY values, or every quarter of the values
 * held once that is more (a full history of 1,536 values moves little in 384 more, and re-sorting
 * it was the checker's largest cost), so a row costs O(1) amortised.
 */
import { medianAndMadInPlace, medianInPlace, type MedianMad } from './robustStats';
import { TIME_BINS } from './timeOfDay';

const REFRESH_EVERY = 96;

export class TypicalProfile {
  private readonly rings: Float64Array;
  /** Values ever added per bin (the ring holds the last `size` of them). */
  private readonly added: Uint32Array;
  private readonly scratch: Float64Array;
  private sinceRefresh = REFRESH_EVERY;
  private overall: MedianMad | null = null;
  private total = 0;
  private remembered = 0;

  constructor(private readonly size: number) {
    this.rings = new Float64Array(TIME_BINS * size);
    this.added = new Uint32Array(TIME_BINS);
    this.scratch = new Float64Array(TIME_BINS * size);
  }

  add(bin: number, value: number): void {
    const n = this.added[bin] as number;
    this.rings[bin * this.size + (n % this.size)] = value;
    if (n < this.size) this.remembered++;
    this.added[bin] = n + 1;
    this.total++;
    this.sinceRefresh++;
  }

  /** Values remembered (all bins together). */
  get count(): number {
    return this.remembered;
  }

  /** Median at this time of day, or null with fewer than minSamples values there. */
  typical(bin: number, minSamples: number): number | null {
    const n = Math.min(this.added[bin] as number, this.size);
    if (n < minSamples) return null;
    this.scratch.set(this.rings.subarray(bin * this.size, bin * this.size + n));
    return medianInPlace(this.scratch, n);
  }

  /** Median and MAD over every bin, or null before any value. */
  spread(): MedianMad | null {
    if (this.total === 0) return null;
    if (this.sinceRefresh >= Math.max(REFRESH_EVERY, this.remembered >> 2) || this.overall === null) {
      let n = 0;
      for (let bin = 0; bin < TIME_BINS; bin++) {
        const filled = Math.min(this.added[bin] as number, this.size);
        this.scratch.set(this.rings.subarray(bin * this.size, bin * this.size + filled), n);
        n += filled;
      }
      this.overall = medianAndMadInPlace(this.scratch, n);
      this.sinceRefresh = 0;
    }
    return this.overall;
  }
}
