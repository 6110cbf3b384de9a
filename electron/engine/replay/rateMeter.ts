/** Rows per second over a sliding window of recent samples, so the figure reacts to pauses. */
export class RateMeter {
  private readonly samples: { time: number; count: number }[] = [];

  constructor(
    private readonly windowMs = 2000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  record(count: number): void {
    const time = this.now();
    this.samples.push({ time, count });
    while (this.samples.length > 2 && (this.samples[0] as { time: number }).time < time - this.windowMs) this.samples.shift();
  }

  reset(): void {
    this.samples.length = 0;
  }

  perSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.time <= first.time) return 0;
    return ((last.count - first.count) * 1000) / (last.time - first.time);
  }
}
