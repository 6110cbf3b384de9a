/**
 * Peers without a network: for each location, the `topN` locations whose readings correlated most
 * with its own (Pearson) over the first `learnIntervals` intervals of the stream. Readings are
 * paired by event time: all rows with one time form an interval, folded into running pair sums when
 * a later time arrives.
 *
 * Why learn once and freeze: pair sums cost O(locations) per row, so learning stops after a fixed
 * number of intervals (a week of 15-minute rows by default) and only while there are at most
 * `maxLocations` locations; over an unbounded stream a row then costs O(1) amortised and memory is
 * bounded by maxLocations². Locations first seen after learning have no correlated peers.
 *
 * A known weakness: all traffic rises in the morning, so raw readings of most locations correlate;
 * the top of the list still prefers locations with the same shape of day (a commuter road with
 * another, not with a delivery route), which is what a shared disturbance would also move.
 */

export interface CorrelatedPeerOptions {
  topN: number;
  learnIntervals?: number;
  maxLocations?: number;
}

export const DEFAULT_LEARN_INTERVALS = 7 * 96;
export const DEFAULT_MAX_LOCATIONS = 200;
/** Pairs seen together fewer times than this are not ranked: a correlation of a few points is chance. */
const MIN_PAIRED = 48;

export class CorrelatedPeers {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly learnIntervals: number;
  private readonly maxLocations: number;
  /** Pair sums, for i < j at i * maxLocations + j: n, Σx, Σy, Σxx, Σyy, Σxy. */
  private sums: Float64Array | null = null;
  private currentTime: number | null = null;
  private readonly pending = new Map<number, number>();
  private intervals = 0;
  private frozen: Map<string, string[]> | null = null;

  constructor(private readonly options: CorrelatedPeerOptions) {
    this.learnIntervals = options.learnIntervals ?? DEFAULT_LEARN_INTERVALS;
    this.maxLocations = options.maxLocations ?? DEFAULT_MAX_LOCATIONS;
  }

  get learning(): boolean {
    return this.frozen === null;
  }

  observe(location: string, time: number, value: number): void {
    if (this.frozen !== null) return;
    if (this.currentTime !== null && time > this.currentTime) {
      this.fold();
      if (this.intervals >= this.learnIntervals) {
        this.freeze();
        return;
      }
    }
    if (this.currentTime === null || time > this.currentTime) this.currentTime = time;
    else if (time < this.currentTime) return; // late rows are left out of the pairing
    let i = this.index.get(location);
    if (i === undefined) {
      if (this.names.length >= this.maxLocations) {
        // Too many locations to pair them all: give up on correlation rather than grow without bound.
        this.frozen = new Map();
        this.sums = null;
        return;
      }
      i = this.names.length;
      this.index.set(location, i);
      this.names.push(location);
    }
    this.pending.set(i, value);
  }

  /**
   * The peers of a location once learning is over; none before (a ranking from a day or two is
   * mostly the shape of that day, and alarms cannot be raised that early anyway: the typical day
   * needs days of history too).
   */
  peersOf(location: string): readonly string[] {
    return this.frozen?.get(location) ?? [];
  }

  private fold(): void {
    this.intervals++;
    if (this.sums === null) this.sums = new Float64Array(this.maxLocations * this.maxLocations * 6);
    const present = [...this.pending];
    for (let a = 0; a < present.length; a++) {
      for (let b = a + 1; b < present.length; b++) {
        let [i, x] = present[a] as [number, number];
        let [j, y] = present[b] as [number, number];
        if (j < i) [i, j, x, y] = [j, i, y, x];
        const at = (i * this.maxLocations + j) * 6;
        const s = this.sums;
        s[at] = (s[at] as number) + 1;
        s[at + 1] = (s[at + 1] as number) + x;
        s[at + 2] = (s[at + 2] as number) + y;
        s[at + 3] = (s[at + 3] as number) + x * x;
        s[at + 4] = (s[at + 4] as number) + y * y;
        s[at + 5] = (s[at + 5] as number) + x * y;
      }
    }
    this.pending.clear();
  }

  private correlation(i: number, j: number): number | null {
    if (this.sums === null || i === j) return null;
    const [lo, hi, swap] = i < j ? [i, j, false] : [j, i, true];
    const at = (lo * this.maxLocations + hi) * 6;
    const s = this.sums;
    const n = s[at] as number;
    if (n < MIN_PAIRED) return null;
    const [sx, sy, sxx, syy] = swap ? [s[at + 2], s[at + 1], s[at + 4], s[at + 3]] : [s[at + 1], s[at + 2], s[at + 3], s[at + 4]];
    const sxy = s[at + 5] as number;
    const vx = (sxx as number) - ((sx as number) * (sx as number)) / n;
    const vy = (syy as number) - ((sy as number) * (sy as number)) / n;
    if (!(vx > 0 && vy > 0)) return null;
    return (sxy - ((sx as number) * (sy as number)) / n) / Math.sqrt(vx * vy);
  }

  private ranked(i: number): string[] {
    const scored: { name: string; r: number }[] = [];
    for (let j = 0; j < this.names.length; j++) {
      const r = this.correlation(i, j);
      if (r !== null && r > 0) scored.push({ name: this.names[j] as string, r });
    }
    scored.sort((a, b) => b.r - a.r || (a.name < b.name ? -1 : 1));
    return scored.slice(0, this.options.topN).map((peer) => peer.name);
  }

  private freeze(): void {
    const frozen = new Map<string, string[]>();
    for (let i = 0; i < this.names.length; i++) frozen.set(this.names[i] as string, this.ranked(i));
    this.frozen = frozen;
    this.sums = null;
    this.pending.clear();
  }
}
