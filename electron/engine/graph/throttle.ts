/**
 * Lets work run at most once per interval. A try that comes too soon is refused but not lost: the
 * throttle calls `wake` once the interval has passed, so its owner tries again then. Owners try only
 * when they have something to do, so an idle owner leaves no timer behind.
 */
export class Throttle {
  private lastRunAt = 0;
  private wakeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly wake: () => void,
  ) {}

  /** True, and counted as a run, when the interval has passed since the last run; else false, with a wake arranged. */
  tryRun(now: number): boolean {
    const sinceLast = now - this.lastRunAt;
    if (sinceLast >= this.intervalMs) {
      this.lastRunAt = now;
      return true;
    }
    this.wakeIn(this.intervalMs - sinceLast);
    return false;
  }

  dispose(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
  }

  private wakeIn(ms: number): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wake();
    }, Math.max(1, ms));
    // A pending wake must not keep the process alive on its own.
    this.wakeTimer.unref();
  }
}
