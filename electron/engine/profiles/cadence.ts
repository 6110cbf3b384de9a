/**
 * A file's cadence (the usual time between a location's readings), learned from the stream: the
 * most common positive gap between a location's consecutive rows. The mode rather than the mean or
 * the median, because gaps in the data (a sensor down for a day) and several rows at one time
 * would pull those but not the gap that most rows share. Only the first SAMPLE_GAPS gaps are
 * counted: the cadence of a file does not change, so the cost stops there.
 */
const SAMPLE_GAPS = 2000;

export class CadenceEstimator {
  private readonly last = new Map<string, number>();
  private readonly tally = new Map<number, number>();
  private counted = 0;
  private best: number | null = null;
  private bestCount = 0;

  observe(location: string, time: number): void {
    if (this.counted >= SAMPLE_GAPS) return;
    const previous = this.last.get(location);
    this.last.set(location, time);
    if (previous === undefined || time <= previous) return;
    const gap = time - previous;
    const count = (this.tally.get(gap) ?? 0) + 1;
    this.tally.set(gap, count);
    this.counted++;
    if (count > this.bestCount) {
      this.best = gap;
      this.bestCount = count;
    }
  }

  /** The most common gap in ms; null before any location has two rows. */
  get cadenceMs(): number | null {
    return this.best;
  }

  get settled(): boolean {
    return this.counted >= SAMPLE_GAPS;
  }
}
