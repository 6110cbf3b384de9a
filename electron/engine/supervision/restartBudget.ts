/**
 * How often a worker thread may be restarted: a thread that dies again and again would only die
 * again (a file or setting it cannot handle), so past a few deaths within a minute it stays down and
 * the user is told why, instead of the app spinning.
 */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

export class RestartBudget {
  private readonly restarts: number[] = [];

  constructor(
    private readonly max = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** True (and counted) when one more restart is allowed now. */
  take(now = Date.now()): boolean {
    while (this.restarts.length > 0 && now - (this.restarts[0] as number) > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.max) return false;
    this.restarts.push(now);
    return true;
  }

  /** How many deaths make it give up, for messages. */
  get limit(): number {
    return this.max + 1;
  }
}
