/**
 * Decides how many rows the replay may emit by now for a target rate. Pure arithmetic over an
 * injected clock, so pacing, pausing and rate changes are testable without waiting.
 */
/**
 * How far a paced replay may fall behind its schedule and still catch up: normal jitter (a slow
 * batch, a busy core) stays well inside it; a longer stall is not made up for with a burst.
 */
export const MAX_CATCH_UP_MS = 2_000;

export class ReplayClock {
  /** Rows per second; null = as fast as possible. */
  private rate: number | null = null;
  private baseTime = 0;
  private baseRows = 0;
  private pausedAt: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(rate: number | null): void {
    this.rate = rate;
    this.baseTime = this.now();
    this.baseRows = 0;
    this.pausedAt = null;
  }

  get targetRate(): number | null {
    return this.rate;
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  /** Changes pace from here on without a burst to "catch up" with the new rate. */
  setRate(rate: number | null, emitted: number): void {
    this.rate = rate;
    this.rebase(emitted);
  }

  pause(): void {
    if (this.pausedAt === null) this.pausedAt = this.now();
  }

  resume(emitted: number): void {
    if (this.pausedAt === null) return;
    this.pausedAt = null;
    this.rebase(emitted);
  }

  private rebase(emitted: number): void {
    this.baseTime = this.now();
    this.baseRows = emitted;
  }

  /** Rows that may be emitted now, given how many already were. */
  allowance(emitted: number): number {
    if (this.pausedAt !== null) return 0;
    if (this.rate === null) return Number.POSITIVE_INFINITY;
    const now = this.now();
    let due = Math.floor(((now - this.baseTime) * this.rate) / 1000);
    // Float rounding can leave `due` one short at the very instant msUntilNext names (e.g.
    // 1000 / 3 * 3 / 1000 < 1); checking with msUntilNext's own formula keeps the two in step, so
    // the replay loop never waits 0 ms for a row it is then not allowed to send.
    if (this.baseTime + ((due + 1) * 1000) / this.rate <= now) due++;
    const behind = this.baseRows + due - emitted;
    const most = Math.max(1, Math.ceil((this.rate * MAX_CATCH_UP_MS) / 1000));
    if (behind > most) {
      // A stall (the bus away, the machine busy): the rows it held back are not sent in one burst.
      // Counting starts again as if the replay were `most` rows behind, so it returns to the
      // chosen pace at once.
      this.baseRows = emitted;
      this.baseTime = now - (most * 1000) / this.rate;
      return most;
    }
    return Math.max(0, behind);
  }

  /** Milliseconds until the next row is due (0 when one is due now). */
  msUntilNext(emitted: number): number {
    if (this.pausedAt !== null) return Number.POSITIVE_INFINITY;
    if (this.rate === null) return 0;
    const dueAt = this.baseTime + ((emitted + 1 - this.baseRows) * 1000) / this.rate;
    return Math.max(0, dueAt - this.now());
  }
}
