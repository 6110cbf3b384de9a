/**
 * A location's cadence, inferred from its own data: the most common positive gap between its
 * consecutive timestamps. A mode, not a mean or a minimum, so a few missing rows (gaps of 2, 3…
 * intervals) or a stray extra row do not move it. Updated in O(1) per gap; the histogram keeps
 * at most MAX_DISTINCT gap lengths (irregular data evicts a rare one).
 */

const MAX_DISTINCT = 64;
/** Gaps seen before the mode is trusted… */
const MIN_GAPS = 4;
/** …and how often the mode itself must have been seen. */
const MIN_MODE_COUNT = 3;

export class CadenceEstimator {
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
