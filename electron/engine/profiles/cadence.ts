/**
 * Cadence: the usual time between a series' readings, learned from the stream as the most common
 * positive gap between consecutive timestamps. A mode rather than the mean or the median, because
 * gaps in the data (a sensor down for a day) and several rows at one time would pull those but not
 * the gap that most rows share. The one cadence concept of the engine: the health checker keeps
 * one SeriesCadence per location; profiles, alarms and the analysis stage ask CadenceEstimator for
 * a whole file's cadence, which feeds every location's gaps into one SeriesCadence.
 */

/** Distinct gap lengths a series remembers (irregular data evicts a rare one). */
const MAX_DISTINCT = 64;
/** Gaps seen before the mode is trusted… */
const MIN_GAPS = 4;
/** …and how often the mode itself must have been seen. */
const MIN_MODE_COUNT = 3;

/** One series' gaps: O(1) per gap, at most MAX_DISTINCT lengths held. */
export class SeriesCadence {
  private readonly counts = new Map<number, number>();
  private gaps = 0;
  private mode = 0;
  private modeCount = 0;

  add(gapMs: number): void {
    if (!(gapMs > 0)) return;
    this.gaps++;
    let count = this.counts.get(gapMs);
    if (count === undefined) {
      if (this.counts.size >= MAX_DISTINCT && !this.evictRare()) return;
      count = 0;
    }
    count++;
    this.counts.set(gapMs, count);
    if (count > this.modeCount) {
      this.mode = gapMs;
      this.modeCount = count;
    }
  }

  /** Gaps counted so far. */
  get counted(): number {
    return this.gaps;
  }

  /** The cadence in ms, or null while too few gaps have been seen to tell. */
  get cadenceMs(): number | null {
    return this.gaps >= MIN_GAPS && this.modeCount >= MIN_MODE_COUNT ? this.mode : null;
  }

  /** Drops one gap length seen once (rare by definition); false when every length is common. */
  private evictRare(): boolean {
    for (const [gap, count] of this.counts) {
      if (count === 1 && gap !== this.mode) {
        this.counts.delete(gap);
        return true;
      }
    }
    return false;
  }
}

/**
 * A file's cadence from every location's consecutive rows. Only the first SAMPLE_GAPS gaps are
 * counted: the cadence of a file does not change, so the cost stops there.
 */
const SAMPLE_GAPS = 2000;

export class CadenceEstimator {
  private readonly last = new Map<string, number>();
  private readonly series = new SeriesCadence();

  observe(location: string, time: number): void {
    if (this.series.counted >= SAMPLE_GAPS) return;
    const previous = this.last.get(location);
    this.last.set(location, time);
    if (previous === undefined || time <= previous) return;
    this.series.add(time - previous);
  }

  /** The most common gap in ms; null until a few gaps agree. */
  get cadenceMs(): number | null {
    return this.series.cadenceMs;
  }

  /** Gaps counted so far (at most SAMPLE_GAPS). */
  get gaps(): number {
    return this.series.counted;
  }

  get settled(): boolean {
    return this.series.counted >= SAMPLE_GAPS;
  }
}
