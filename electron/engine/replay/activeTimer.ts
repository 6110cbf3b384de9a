/** Running time without the pauses: what "produce for 30 seconds" counts. */
export class ActiveTimer {
  private accumulated = 0;
  private since: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(): void {
    this.accumulated = 0;
    this.since = this.now();
  }

  pause(): void {
    if (this.since === null) return;
    this.accumulated += this.now() - this.since;
    this.since = null;
  }

  resume(): void {
    if (this.since === null) this.since = this.now();
  }

  elapsedMs(): number {
    return this.accumulated + (this.since === null ? 0 : this.now() - this.since);
  }
}
