/**
 * Coalesces "something changed" into at most one view update per interval (20 per second by
 * default) however fast rows arrive: the page renders snapshots, never one message per row.
 */
export const MIN_UPDATE_INTERVAL_MS = 50;

export class ViewUpdateScheduler {
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs = MIN_UPDATE_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  markDirty(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastFlush = this.now();
      this.flush();
    }, wait);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
